// Opens the API documentation page (/docs/) in headless Chromium and checks that every
// operation of every tag in the OpenAPI document renders, that the page loads nothing from
// outside the server and throws no errors; keeps a screenshot. Run by scripts/docs-browser.sh:
//   PARTNERNET_URL=http://127.0.0.1:8080 SCREENSHOT=docs.png node tests/browser/docs.mjs
import { chromium } from 'playwright-core';

const base = process.env.PARTNERNET_URL ?? 'http://127.0.0.1:8080';
const screenshot = process.env.SCREENSHOT ?? 'docs.png';
const problems = [];

const document = await (await fetch(`${base}/openapi.json`)).json();
const expected = new Map();
for (const item of Object.values(document.paths)) {
  for (const operation of Object.values(item)) {
    for (const tag of operation.tags ?? ['default']) {
      expected.set(tag, [...(expected.get(tag) ?? []), operation.operationId]);
    }
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) {
      problems.push(`the page requested ${url}, outside the server`);
    }
  });
  page.on('requestfailed', (request) => problems.push(`${request.url()} failed`));
  page.on('pageerror', (error) => problems.push(`page error: ${error}`));
  await page.goto(`${base}/docs/`, { waitUntil: 'networkidle' });
  await page.waitForSelector('.opblock', { timeout: 30_000 });
  for (const [tag, operations] of expected) {
    const section = page.locator('.opblock-tag-section').filter({
      has: page.locator(`h3[data-tag="${tag}"]`),
    });
    const rendered = await section.locator('.opblock').count();
    if (rendered !== operations.length) {
      problems.push(`tag '${tag}': ${rendered} operations rendered, ${operations.length} documented`);
    }
    for (const operationId of operations) {
      const found = await section.locator(`.opblock[id$="-${operationId}"]`).count();
      if (found !== 1) {
        problems.push(`tag '${tag}': operation ${operationId} is not rendered`);
      }
    }
  }
  await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await browser.close();
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const count = [...expected.values()].reduce((sum, ops) => sum + ops.length, 0);
console.log(`docs page: ${expected.size} tags, ${count} operations rendered; screenshot ${screenshot}`);
