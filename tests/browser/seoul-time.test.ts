// Browser test: a reader whose browser runs in Los Angeles sees the times of an exemption's history in Seoul time
// (the legal time zone of the Act, the zone of the forms and deadlines): an entry at 00:30 on 26 November in Seoul
// — still 25 November in Los Angeles and in UTC — shows 26 November, in English and in Korean.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skip, useBrowserServer } from './harness.ts';
import { seedDemoExemptions, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { entryHash, GENESIS_HASH, type AuditContent } from '../../src/domain/audit/chain.ts';
import type { Database } from '../../src/db/database.ts';

const NEAR_MIDNIGHT = '2026-11-25T15:30:00.000Z';
let exemptionId = '';

/** An audit entry at a given instant, chained like appendAudit's (which always writes the present time). */
async function auditAt(db: Database, objectId: string, at: string): Promise<void> {
  const last = await db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = { at, requestId: null, actorUserId: null, actorOrganisationId: null, action: 'exemption:extend', objectType: 'exemption', objectId, before: null, after: null };
  await db.insertInto('audit_log').values({
    at, request_id: null, actor_user_id: null, actor_organisation_id: null, action: content.action, object_type: 'exemption', object_id: objectId,
    before: null, after: null, prev_hash: prev, hash: entryHash(prev, content),
  }).execute();
}

describe('times in Seoul, whatever the browser\'s time zone', { skip, timeout: 120_000 }, () => {
  const { base, signedIn, pageErrors } = useBrowserServer({
    seed: async (db) => {
      await seedReferenceRegulations(db);
      await seedDemoExemptions(db);
      exemptionId = (await db.selectFrom('exemption').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
      await auditAt(db, exemptionId, NEAR_MIDNIGHT);
    },
  });
  after(() => assert.deepEqual(pageErrors, [], 'no page errors'));

  test('the history shows the Seoul date and time of an entry just after midnight in Seoul', async () => {
    for (const [lang, seoul, elsewhere] of [['ko', '2026년 11월 26일 오전 12:30', '11월 25일'], ['en', '26 Nov 2026, 00:30', '25 Nov']] as const) {
      const { context, page } = await signedIn('ministry@demo.zonelink.kr', lang, { timezoneId: 'America/Los_Angeles' });
      assert.equal(await page.evaluate((iso) => new Date(iso).getDate(), NEAR_MIDNIGHT), 25, 'the browser runs in Los Angeles');
      if (lang === 'en') {
        // The account's language wins at sign-in: switch.
        await page.getByTestId('language-switcher').click();
        await page.click('button[data-lang="en"]');
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      await page.goto(`${base()}/exemptions/${exemptionId}`);
      const entry = page.getByTestId('exemption-audit').locator(`time[datetime="${NEAR_MIDNIGHT}"]`);
      await entry.waitFor();
      const text = (await entry.textContent()) ?? '';
      assert.ok(text.includes(seoul), `${lang}: ${text}`);
      assert.ok(!text.includes(elsewhere), `${lang}: ${text}`);
      await context.close();
    }
  });
});
