import { defineConfig } from '@hey-api/openapi-ts';

// Generates src/client from the repository's openapi.yaml (scripts/generate-clients.sh).
export default defineConfig({
  input: '../../openapi.yaml',
  output: { path: 'src/client' },
  plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
});
