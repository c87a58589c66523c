// Browser test of /organisations: an MSS administrator picks a responsible ministry's code among the ministries of
// the regulation catalogue and saves it (the list then shows it); another organisation's code is refused beside the
// field in the reader's language; axe at rest.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { assertAccessible, skip, useBrowserServer } from './harness.ts';
import { catalogues } from './catalogues.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { seedReferenceRegulations } from '../../src/db/seed/regulations.ts';

const ko = catalogues.ko;
const MOTIE = demoId('org:motie');
const OTHER = randomUUID();

describe('organisations page', { skip, timeout: 120_000 }, () => {
  const { base, server, signedIn, pageErrors } = useBrowserServer({
    seed: async (db) => {
      await seedReferenceRegulations(db);
      await db.insertInto('organisation').values({ id: OTHER, kind: 'responsible_ministry', name: JSON.stringify({ ko: '국토교통부 (시험)' }), region_code: null, demo: false }).execute();
    },
  });
  after(() => assert.deepEqual(pageErrors, [], 'no page errors'));

  test('an administrator sets a ministry code; a code another organisation holds is refused beside the field', async () => {
    const { context, page } = await signedIn('ministry@demo.zonelink.kr');
    try {
      await page.goto(`${base()}/organisations`);
      const row = page.getByTestId(`organisation-${OTHER}`);
      await row.locator('select option[value="MOLIT"]').waitFor({ state: 'attached' });
      await assertAccessible(page, 'organisations');
      await row.locator('select').selectOption('MOLIT');
      await row.getByRole('button', { name: ko.orgSave }).click();
      await page.getByTestId('organisation-notice').getByText(ko.orgSaved.replace('{name}', '국토교통부 (시험)').replace('{code}', 'MOLIT')).waitFor();
      const saved = await server().db.selectFrom('organisation').select('ministry_code').where('id', '=', OTHER).executeTakeFirstOrThrow();
      assert.equal(saved.ministry_code, 'MOLIT');

      const motie = page.getByTestId(`organisation-${MOTIE}`);
      await motie.locator('select').selectOption('MOLIT');
      await motie.getByRole('button', { name: ko.orgSave }).click();
      await motie.locator('.form-hint-invalid').getByText('MOLIT은(는) 이미 국토교통부 (시험)의 부처 코드입니다.').waitFor();
      assert.equal(await motie.locator('select').getAttribute('aria-invalid'), 'true');
      const kept = await server().db.selectFrom('organisation').select('ministry_code').where('id', '=', MOTIE).executeTakeFirstOrThrow();
      assert.equal(kept.ministry_code, 'MOTIE');
    } finally {
      await context.close();
    }
  });
});
