// Two nodes, one system (issue 11, finding 7): two real `zonelink serve` processes on one PostgreSQL database and
// one SMTP server. Mail goes out once, a scheduled scan runs once, sessions and sign-in limits are shared, and a write
// through one node is shown at once by the other's cache of public reads (issue 12).
// Needs PostgreSQL (TEST_DATABASE_URL): a fresh database is created on that server and dropped afterwards.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { addDays, type CivilDate } from '../../src/domain/calendar/civil-date.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { DEMO_PASSWORD, DEMO_USERS, demoId } from '../../src/db/seed/demo.ts';
import { regulationId } from '../../src/db/seed/regulations.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { todayInSeoul } from '../../src/server/exemptions/view.ts';
import { notify, usersOfKind } from '../../src/server/notifications/notify.ts';
import { freshDatabase, startNode, type Node } from '../support/nodes.ts';
import { startSmtp } from '../support/smtp.ts';

const INSURANCE = { deathPerPerson: 150_000_000, injuryPerPerson: 30_000_000, disabilityPerPerson: 150_000_000, propertyPerAccident: 1_000_000_000 };
const serverUrl = process.env.TEST_DATABASE_URL;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('two nodes on one PostgreSQL database', { skip: serverUrl ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let db: Database;
  let a: Node;
  let b: Node;
  const folders: string[] = [];

  before(async () => {
    database = await freshDatabase(serverUrl!);
    smtp = await startSmtp();
    const env = async () => {
      // Each node has a folder of its own: nothing may depend on what one node keeps on its disk.
      const files = await mkdtemp(join(tmpdir(), 'zonelink-node-'));
      folders.push(files);
      return { DATABASE_URL: database.url, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, JOB_POLL_SECONDS: '1', ZONELINK_FILES_DIR: files, FILE_STORE: 'database' };
    };
    // The first node migrates and seeds; the second finds it done (as a rolling start would).
    a = await startNode(await env());
    b = await startNode(await env());
    db = await openDatabase({ url: database.url, poolSize: 2 });
  });

  after(async () => {
    await a?.stop();
    await b?.stop();
    await db?.destroy();
    await smtp?.close();
    await database?.drop();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  const signIn = (node: Node, email: string, password: string) =>
    fetch(`${node.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

  test('a write through A is shown at once by B, whose cache held the list: 304 before it, 200 with a new ETag after', async () => {
    const res = await signIn(a, 'ministry@demo.zonelink.kr', DEMO_PASSWORD);
    assert.equal(res.status, 200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zl_session='))!.split(';')[0]!;
    const { csrfToken } = await res.json() as { csrfToken: string };
    const list = `${b.url}/api/regulations?ministry=MOTIE&limit=500`;
    const first = await fetch(list);
    const etag = first.headers.get('etag')!;
    const before = (await first.json() as { items: { id: string }[] }).items;
    // Answered from B's cache now: unchanged, a revalidation is a 304.
    assert.equal((await fetch(list, { headers: { 'if-none-match': etag } })).status, 304);
    const created = await fetch(`${a.url}/api/regulations`, {
      method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        instrument: 'decree', law: { ko: '두 노드 캐시 시행령 (테스트)' }, article: '7', paragraph: null, ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' },
        title: { ko: '두 노드 캐시 조항' }, body: { ko: '노드 A가 쓴 조항.' }, effectiveFrom: '2024-01-01', amendments: [],
      }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = await created.json() as { id: string };
    const after = await fetch(list, { headers: { 'if-none-match': etag } });
    assert.equal(after.status, 200, 'the ETag B held before the write no longer matches');
    assert.notEqual(after.headers.get('etag'), etag);
    const items = (await after.json() as { items: { id: string }[] }).items;
    assert.equal(items.length, before.length + 1);
    assert.ok(items.some((r) => r.id === id), 'B shows the provision A just wrote');
  });

  test('a session made on A works on B, and signing out on B ends it on A', async () => {
    const res = await signIn(a, 'busan@demo.zonelink.kr', DEMO_PASSWORD);
    assert.equal(res.status, 200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zl_session='))!.split(';')[0]!;
    const { csrfToken } = await res.json() as { csrfToken: string };
    const onB = await fetch(`${b.url}/api/session`, { headers: { cookie } });
    assert.equal(onB.status, 200);
    assert.equal((await onB.json() as { user: { email: string } }).user.email, 'busan@demo.zonelink.kr');
    assert.equal((await fetch(`${b.url}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } })).status, 204);
    assert.equal((await fetch(`${a.url}/api/session`, { headers: { cookie } })).status, 401);
  });

  test('a file attached through A downloads through B, an upload\'s error file too, and a resumable upload\'s parts sent to both (FILE_STORE=database)', async () => {
    const res = await signIn(a, 'company@demo.zonelink.kr', DEMO_PASSWORD);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zl_session='))!.split(';')[0]!;
    const { csrfToken } = await res.json() as { csrfToken: string };
    const write = (node: Node, method: string, path: string, body: unknown) => fetch(`${node.url}${path}`, {
      method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const zone = (await db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').orderBy('zone_id').limit(1).executeTakeFirstOrThrow()).zone_id;
    const project = await write(a, 'POST', '/api/projects', {
      zoneId: zone, title: { ko: '두 노드 실증' }, summary: { ko: '요약' }, partnerCompanies: [], exemptionIds: [], sites: [], products: [{ ko: '수소 트럭' }],
      periodStart: '2026-01-01', periodEnd: '2027-12-31', milestones: [], kpis: [{ id: 'trips', name: { ko: '운행 횟수' }, unit: 'trips', target: 1000, frequency: 'quarterly' }],
      safetyPlan: { ko: '안전계획' }, insuranceRequired: false, insurance: null, rules: [],
    });
    assert.equal(project.status, 201, await project.clone().text());
    const { id } = await project.json() as { id: string };
    const base = `/api/projects/${id}/reports/1`;
    assert.equal((await write(b, 'PUT', base, { kpiValues: [{ kpiId: 'trips', value: 312 }], narrative: { ko: '1분기 보고' } })).status, 200);
    // A PDF of about 600 KiB: several chunks of the database store.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600 * 1024, 0x20), Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n')]);
    const attached = await fetch(`${a.url}${base}/attachments?name=report.pdf`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/pdf' }, body: pdf });
    assert.equal(attached.status, 201, await attached.clone().text());
    const attachment = await attached.json() as { id: string; kind: string };
    assert.equal(attachment.kind, 'pdf');
    const download = await fetch(`${b.url}${base}/attachments/${attachment.id}`, { headers: { cookie } });
    assert.equal(download.status, 200);
    assert.ok(Buffer.from(await download.arrayBuffer()).equals(pdf), 'the same bytes through the other node');
    for (const folder of folders) assert.deepEqual(await readdir(join(folder, 'attachments')).catch(() => []), [], 'nothing on either node\'s disk');
    // A refused upload's error file, kept by A, is served by B.
    const uploadId = randomUUID();
    const refused = await fetch(`${a.url}/api/projects/${id}/uploads/${uploadId}`, { method: 'PUT', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'text/csv' }, body: 'ts,speed\nnot-a-time,10\n' });
    assert.equal(refused.status, 400, await refused.clone().text());
    const errors = await fetch(`${b.url}/api/projects/${id}/uploads/${uploadId}/errors.csv`, { headers: { cookie } });
    assert.equal(errors.status, 200);
    assert.match(await errors.text(), /not-a-time/);
    for (const folder of folders) assert.deepEqual(await readdir(join(folder, 'upload-errors')).catch(() => []), [], 'no error file on either node\'s disk');
    // A resumable upload: its first part sent to A, the rest to B, completed through A.
    const resumable = randomUUID();
    const csv = Buffer.from(['ts,speed', ...Array.from({ length: 40 }, (_, i) => `2026-11-20T00:00:${String(i).padStart(2, '0')}+09:00,${i}`)].join('\n'));
    const half = Math.floor(csv.length / 2);
    const sendPart = (node: Node, start: number, end: number) => fetch(`${node.url}/api/projects/${id}/uploads/${resumable}/parts`, {
      method: 'PUT', body: csv.subarray(start, end),
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'text/csv', 'content-range': `bytes ${start}-${end - 1}/${csv.length}` },
    });
    assert.equal((await sendPart(a, 0, half)).status, 200);
    const second = await sendPart(b, half, csv.length);
    assert.equal(second.status, 200, await second.clone().text());
    const completed = await write(a, 'POST', `/api/projects/${id}/uploads/${resumable}/complete`, {});
    assert.equal(completed.status, 201, await completed.clone().text());
    assert.equal((await completed.json() as { rowsStored: number }).rowsStored, 40);
    for (const folder of folders) assert.deepEqual(await readdir(join(folder, 'upload-staging')).catch(() => []), [], 'no part on either node\'s disk');
  });

  test('each notification’s e-mail reaches the SMTP server once, though both nodes run a mailer', async () => {
    const ministry = await usersOfKind(db, 'ministry');
    // English mails travel as 7-bit text, so each one's number can be read from the received bytes.
    await db.updateTable('app_user').set({ locale: 'en' }).where('id', 'in', ministry).execute();
    for (let i = 0; i < 12; i += 1) {
      await db.transaction().execute((trx) => notify(trx, { userIds: ministry, kind: 'deadline-approaching', params: { subject: `twonode${i}x`, due: '2027-01-01', days: 3 } }));
    }
    const expected = 12 * ministry.length;
    await until('the outbox to empty', async () => {
      const pending = await db.selectFrom('email_outbox').select('id').where('status', '!=', 'sent').execute();
      return pending.length === 0 ? true : undefined;
    });
    await sleep(3_000); // three more polls of each node
    const mine = smtp.received.filter((m) => /twonode\d+x/.test(m.data));
    assert.equal(mine.length, expected, `${mine.length} mails for ${expected} notifications`);
    assert.equal(new Set(mine.map((m) => /twonode\d+x/.exec(m.data)![0])).size, 12);
    const sent = await db.selectFrom('email_outbox').select('id').where('status', '=', 'sent').execute();
    assert.equal(smtp.received.length, sent.length, 'every mail sent reached the server once');
  });

  test('a deadline scan runs once across the nodes and its notice is e-mailed once', async () => {
    const zone = (await db.selectFrom('zone_region').select('zone_id').where('region_code', '=', '21').orderBy('zone_id').limit(1).executeTakeFirstOrThrow()).zone_id;
    // Expiry in 100 days: the extension window closes two months earlier, so the 90-day alert is due today.
    const id = await insertExemption(db, {
      kind: 'demonstration_exemption', title: { ko: '두 노드 경보 특례' }, zoneId: zone, holders: [demoId('org:company')], regulationIds: [regulationId({ key: 'drone_bvlos' })], stages: [],
      conditions: { text: { ko: '조건' }, scope: null, area: null, quantities: [], time: null, safetyMeasures: [], insurance: INSURANCE },
      grantedOn: '2025-01-02', validFrom: '2025-01-02', validUntil: addDays(todayInSeoul() as CivilDate, 100), state: 'active', demo: false,
    });
    const before = await db.selectFrom('scheduled_job').select('runs').where('name', '=', 'exemption-deadline-scan').executeTakeFirstOrThrow();
    // Due now (as if its period had passed): both nodes poll every second, one of them runs it.
    await sql`update scheduled_job set next_run_at = clock_timestamp() where name = 'exemption-deadline-scan'`.execute(db);
    const notices = await until('the exemption’s notices', async () => {
      const rows = await db.selectFrom('notification').innerJoin('app_user', 'app_user.id', 'notification.user_id')
        .select(['app_user.email as email', 'notification.id as id']).where('notification.object_id', '=', id).execute();
      return rows.length > 0 ? rows : undefined;
    });
    await until('their mails', async () => {
      const left = await db.selectFrom('email_outbox').select('id').where('notification_id', 'in', notices.map((n) => n.id)).where('status', '!=', 'sent').execute();
      return left.length === 0 ? true : undefined;
    });
    await sleep(3_000);
    const job = await db.selectFrom('scheduled_job').select(['runs', 'leased_by']).where('name', '=', 'exemption-deadline-scan').executeTakeFirstOrThrow();
    assert.equal(job.runs, before.runs + 1, 'the scan ran once');
    // Every mail the outbox holds as sent reached the SMTP server once: no node sent one another had sent.
    const sent = await db.selectFrom('email_outbox').select('to_address').where('status', '=', 'sent').execute();
    assert.equal(smtp.received.length, sent.length);
    assert.ok(smtp.received.some((m) => m.to.includes('company@demo.zonelink.kr')), 'the holder got the alert by e-mail');
    const after = (await db.selectFrom('notification').select('id').where('object_id', '=', id).execute()).length;
    assert.equal(after, notices.length, 'no second notice');
    const sentRows = await db.selectFrom('email_outbox').select(['attempts']).where('notification_id', 'in', notices.map((n) => n.id)).execute();
    assert.ok(sentRows.every((r) => r.attempts === 1), 'each mail sent in one attempt, by one node');
  });

  test('ten failed sign-ins spread over both nodes trip the limit; successful ones from one address never do', async () => {
    // Sixty successful sign-ins from this one address (the per-address limit is 5 × 10 = 50), alternating nodes.
    for (let i = 0; i < 60; i += 1) {
      const res = await signIn(i % 2 === 0 ? a : b, DEMO_USERS[i % DEMO_USERS.length]!.email, DEMO_PASSWORD);
      assert.equal(res.status, 200, `sign-in ${i + 1}`);
    }
    for (let i = 0; i < 10; i += 1) {
      assert.equal((await signIn(i % 2 === 0 ? a : b, 'expert@demo.zonelink.kr', `wrong-${i}`)).status, 401);
    }
    for (const node of [a, b]) {
      const limited = await signIn(node, 'expert@demo.zonelink.kr', DEMO_PASSWORD);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
    }
    assert.equal((await signIn(b, 'motie@demo.zonelink.kr', DEMO_PASSWORD)).status, 200, 'another e-mail from the address still signs in');
  });
});
