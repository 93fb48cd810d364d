// A real flow through the generated TypeScript client only, against a running server:
//   PARTNERNET_URL=http://127.0.0.1:8080 npm run smoke
// scripts/sdk-smoke.sh starts a server on SQLite with demo data and runs this.
import { createClient } from './client/client/index.js';
import {
  createApiKey,
  createCompany,
  createEvent,
  createOpportunity,
  createProduct,
  exportCompanies,
  exportProducts,
  getApiKeyUsage,
  listWebhooks,
  getCompany,
  getEventsCalendar,
  getStatistics,
  listChanges,
  listCompanies,
  listEvents,
  listNotifications,
  listOpportunities,
  listRecommendations,
  markNotificationRead,
  proposePartnership,
  registerForEvent,
  stepPartnership,
  login,
  refreshSession,
  register,
  updateCompany,
  verifyCompany,
} from './client/sdk.gen.js';
import type { Problem } from './client/types.gen.js';

const baseUrl = process.env.PARTNERNET_URL ?? 'http://127.0.0.1:8080';
const anonymous = createClient({ baseUrl });

function check(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

function authenticated(token: string) {
  return createClient({ baseUrl, auth: token });
}

async function main(): Promise<void> {
  const email = `smoke-${Math.random().toString(36).slice(2, 10)}@example.org`;
  const password = 'smoke test password 2026';

  // Register, log in, refresh.
  const created = await register({
    client: anonymous,
    body: { email, password, name: 'Smoke Test', language: 'cs' },
  });
  check(created.response.status === 201, `register: ${created.response.status}`);
  const first = await login({ client: anonymous, body: { email, password } });
  check(first.data, `login: ${first.response.status}`);
  const session = await refreshSession({
    client: anonymous,
    body: { refresh_token: first.data.refresh_token },
  });
  check(session.data, `refresh: ${session.response.status}`);
  const user = authenticated(session.data.access_token);

  // Create and publish a Czech sawmill with a product.
  const company = await createCompany({
    client: user,
    body: {
      kind: 'company',
      name: 'Smoke Pila s.r.o.',
      address: { country: 'CZ', postal_code: '460 01', city: 'Liberec' },
      industries: ['16.10'],
      status: 'published',
    },
  });
  check(company.data, `create company: ${JSON.stringify(company.error)}`);
  const id = company.data.id;
  // Created with an Idempotency-Key: sent again, the same product answers, nothing new.
  const timber = {
    client: user,
    path: { id },
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: { kind: 'product' as const, name: { cs: 'Řezivo ze smrku' }, industries: ['16.10'] },
  };
  const product = await createProduct(timber);
  check(product.data, `create product: ${JSON.stringify(product.error)}`);
  const again = await createProduct(timber);
  check(again.data?.id === product.data.id, `replay: ${again.response.status}`);
  check(again.response.headers.get('idempotent-replayed') === 'true', 'the replay is not marked');

  // Find it by the German word for sawmill, with facets.
  const found = await listCompanies({ client: anonymous, query: { q: 'Sägewerk', facets: 'country' } });
  check(found.data, `search: ${found.response.status}`);
  check(found.data.items.some((item) => item.id === id), "'Sägewerk' did not find the new sawmill");
  check(found.data.facets, 'no facets');

  // Page through a list with the cursor: no company twice.
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 3; page += 1) {
    const listed = await listCompanies({ client: anonymous, query: { limit: 5, cursor } });
    check(listed.data, `page: ${listed.response.status}`);
    seen.push(...listed.data.items.map((item) => item.id));
    cursor = listed.data.next_cursor ?? undefined;
    if (!cursor) break;
  }
  check(seen.length >= 10 && new Set(seen).size === seen.length, `paging: ${seen.join(',')}`);

  // Update with If-Match; a stale ETag gets 412.
  const current = await getCompany({ client: user, path: { id } });
  const etag = current.response.headers.get('etag');
  check(etag, 'no ETag');
  const updated = await updateCompany({
    client: user,
    path: { id },
    headers: { 'If-Match': etag },
    body: { website: 'https://pila.example' },
  });
  check(updated.response.status === 200, `update: ${updated.response.status}`);
  const stale = await updateCompany({
    client: user,
    path: { id },
    headers: { 'If-Match': etag },
    body: { website: 'https://old.example' },
  });
  check(stale.response.status === 412, `stale update: ${stale.response.status}`);
  check((stale.error as Problem).code === 'precondition_failed', 'the 412 carries no problem code');

  // An API key of a multiplier institution reads with it.
  const chamber = await createCompany({
    client: user,
    body: {
      kind: 'multiplier',
      name: 'Smoke Hospodářská komora',
      address: { country: 'CZ', postal_code: '460 01', city: 'Liberec' },
      status: 'published',
    },
  });
  check(chamber.data, `create chamber: ${JSON.stringify(chamber.error)}`);
  // Only multiplier institutions an administrator has verified hold keys.
  const adminLogin = await login({
    client: anonymous,
    body: { email: process.env.PARTNERNET_ADMIN_EMAIL ?? '', password: process.env.PARTNERNET_ADMIN_PASSWORD ?? '' },
  });
  check(adminLogin.data, `admin login: ${adminLogin.response.status}`);
  const verified = await verifyCompany({
    client: authenticated(adminLogin.data.access_token),
    path: { id: chamber.data.id },
  });
  check(verified.data?.verified === true, `verify: ${verified.response.status}`);
  const key = await createApiKey({
    client: user,
    path: { id: chamber.data.id },
    body: { name: 'CRM', scopes: ['read', 'changes', 'export', 'stats'] },
  });
  check(key.data, `api key: ${JSON.stringify(key.error)}`);
  check(key.data.secret.startsWith('pn_'), 'the key has no secret');
  const machine = authenticated(key.data.secret);
  const read = await getCompany({ client: machine, path: { id } });
  check(read.data?.id === id, `read with key: ${read.response.status}`);
  // The key follows the change feed from the start: the sawmill's edit is in it.
  const followed = new Set<string>();
  for (let after = 0; ; ) {
    const page = await listChanges({ client: machine, query: { after, limit: 1000 } });
    check(page.data, `changes: ${page.response.status}`);
    page.data.items.filter((c) => c.entity === 'company').forEach((c) => followed.add(c.id));
    after = page.data.next_after;
    if (after >= page.data.latest) break;
  }
  check(followed.has(id), 'the feed names the sawmill');
  // The key exports the directory as CSV.
  const exported = await exportCompanies({
    client: machine,
    query: { format: 'csv', country: 'CZ' },
    parseAs: 'text',
  });
  check(exported.response.status === 200, `export: ${exported.response.status}`);
  check(exported.response.headers.get('X-Change-Position'), 'the export names no position');
  const rows = String(exported.data).trim().split('\n');
  check(rows[0]?.startsWith('id,name,'), 'the export has no CSV header');
  check(rows.some((row) => row.startsWith(`${id},`)), 'the sawmill is not exported');
  const products = await exportProducts({ client: machine, query: { format: 'csv' }, parseAs: 'text' });
  check(products.response.status === 200, `export products: ${products.response.status}`);
  check(String(products.data).startsWith('id,company_id,'), 'the product export has no CSV header');
  const statistics = await getStatistics({ client: machine, query: { group_by: 'country' } });
  check((statistics.data?.companies.total ?? 0) > 0, `statistics: ${statistics.response.status}`);
  const usage = await getApiKeyUsage({ client: user, path: { id: chamber.data.id, key_id: key.data.id } });
  check((usage.data?.total ?? 0) >= 4, `the key's usage: ${usage.response.status}`);
  // Webhooks are the key's organisation's, and need the `webhooks` scope.
  const hooks = await listWebhooks({ client: machine });
  check(hooks.response.status === 403, `webhooks without the scope: ${hooks.response.status}`);

  // The chamber publishes an event for visitors only; it is listed, the sawmill registers,
  // and the chamber's events download as a calendar feed in German.
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const event = await createEvent({
    client: user,
    body: {
      organiser_id: chamber.data.id,
      kind: 'workshop',
      title: { cs: 'Smoke seminář: clo a DPH', de: 'Smoke Workshop: Zoll und Umsatzsteuer' },
      starts_at: `${day}T13:00`,
      ends_at: `${day}T17:00`,
      time_zone: 'Europe/Prague',
      online_url: 'https://meet.example/smoke',
      capacity: { exhibitors: 0, visitors: 20 },
      status: 'published',
    },
  });
  check(event.data, `create event: ${JSON.stringify(event.error)}`);
  const listed = await listEvents({ client: anonymous, query: { organiser: [chamber.data.id] } });
  check(listed.data?.items.map((e) => e.id).join() === event.data.id, `events: ${listed.response.status}`);
  const registration = await registerForEvent({
    client: user,
    path: { id: event.data.id },
    body: {
      company_id: id,
      kind: 'visitor',
      participants: [{ name: 'Jana Nováková', email: 'jana@example.cz', language: 'cs' }],
    },
  });
  check(registration.data?.status === 'confirmed', `register: ${JSON.stringify(registration.error)}`);
  const feed = await getEventsCalendar({
    client: anonymous,
    query: { organiser: [chamber.data.id], lang: 'de' },
    parseAs: 'text',
  });
  check(feed.response.status === 200, `calendar: ${feed.response.status}`);
  const text = String(feed.data);
  check(text.includes(`UID:${event.data.id}@`) && text.includes('Smoke Workshop'), 'calendar content');

  // The sawmill offers its sawn timber; it is found by the German word.
  const offer = await createOpportunity({
    client: user,
    body: {
      company_id: id,
      type: 'business_offer',
      title: { cs: 'Nabízíme řezivo ze smrku' },
      partnership_types: ['supplier', 'distribution_agency'],
      target_countries: ['DE'],
      valid_until: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      status: 'published',
    },
  });
  check(offer.data, `opportunity: ${JSON.stringify(offer.error)}`);
  const offers = await listOpportunities({ client: anonymous, query: { q: 'Schnittholz', company: [id] } });
  check(offers.data?.items.map((o) => o.id).join() === offer.data.id, `opportunities: ${offers.response.status}`);

  // The chamber answers the offer with a proposal, then withdraws it.
  const proposal = await proposePartnership({
    client: user,
    body: {
      from_company_id: chamber.data.id,
      to_company_id: id,
      type: 'distribution_agency',
      opportunity_id: offer.data.id,
    },
  });
  check(proposal.data?.status === 'proposed', `propose: ${JSON.stringify(proposal.error)}`);
  const withdrawn = await stepPartnership({
    client: user,
    path: { id: proposal.data.id },
    body: { step: 'withdraw' },
  });
  check(withdrawn.data?.status === 'withdrawn', `withdraw: ${JSON.stringify(withdrawn.error)}`);

  // The sawmill publishes a request; the chamber proposes in answer, the sawmill accepts, and
  // the user (on both sides) reads what it was told.
  const request = await createOpportunity({
    client: user,
    body: {
      company_id: id,
      type: 'business_request',
      title: { de: 'Suche Spediteur für Schnittholz' },
      partnership_types: ['supplier'],
      valid_until: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      status: 'published',
    },
  });
  check(request.data, `request: ${JSON.stringify(request.error)}`);
  const answer = await proposePartnership({
    client: user,
    body: {
      from_company_id: chamber.data.id,
      to_company_id: id,
      type: 'supplier',
      message: 'Unsere Mitglieder fahren Holz.',
      opportunity_id: request.data.id,
    },
  });
  check(answer.data?.status === 'proposed', `answer: ${JSON.stringify(answer.error)}`);
  const accepted = await stepPartnership({
    client: user,
    path: { id: answer.data.id },
    body: { step: 'accept' },
  });
  check(accepted.data?.status === 'accepted', `accept: ${JSON.stringify(accepted.error)}`);
  const told = await listNotifications({ client: user, query: { unread: true } });
  const kinds = told.data?.items.map((n) => n.kind) ?? [];
  check(kinds[0] === 'partnership_accepted', `notifications: ${kinds.join()}`);
  const unread = Number(told.response.headers.get('X-Unread-Count'));
  const marked = await markNotificationRead({ client: user, path: { id: told.data!.items[0]!.id } });
  check(marked.response.status === 204, `mark read: ${marked.response.status}`);
  const after = await listNotifications({ client: user, query: { unread: true } });
  check(Number(after.response.headers.get('X-Unread-Count')) === unread - 1, 'unread count');

  // Recommendations for the sawmill, best first, each with its reasons.
  const recommended = await listRecommendations({ client: user, path: { id }, query: { lang: 'en' } });
  const items = recommended.data?.items;
  check(items, `recommendations: ${recommended.response.status}`);
  check(
    items.every((r, i) => r.reasons.length > 0 && (i === 0 || items[i - 1]!.score >= r.score)),
    'recommendations are ranked and explained',
  );

  // A problem's code, from an error.
  const missing = await getCompany({ client: anonymous, path: { id: 'no-such-company' } });
  check(missing.response.status === 404, `missing: ${missing.response.status}`);
  check((missing.error as Problem).code === 'not_found', 'the 404 carries no problem code');

  console.log('typescript SDK smoke flow: ok');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
