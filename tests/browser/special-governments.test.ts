// A special local government in the browser (Decree Art. 40(2) as amended 2026-06-30; Local Autonomy Act Art. 199):
// the lead of a connected plan invites 충청광역연합 from the plan page, which then names it in the reader's language
// (no code), and the connected-zone check no longer asks for a second metropolitan government.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { skip, useBrowserServer } from './harness.ts';
import { catalogues } from './catalogues.ts';
import { common } from '../support/plans.ts';
import { startConnectedPlan } from './plan-forms.ts';

const ko = catalogues.ko;

describe('special local governments in the browser', { skip, timeout: 180_000 }, () => {
  const { base, signedIn } = useBrowserServer();

  test('Busan invites 충청광역연합 into its connected plan; the participants table names it, in Korean and in Japanese', async () => {
    const busan = await signedIn('busan@demo.zonelink.kr');
    try {
      const b = busan.page;
      await b.goto(`${base()}/plans/new`);
      const planUrl = await startConnectedPlan(b, common('connected'));
      await b.getByTestId('plan-title').waitFor();
      const option = b.locator('#plan-invite option[value="CHUNGCHEONG-UNION"]');
      assert.equal((await option.textContent())?.trim(), '충청광역연합');
      await b.selectOption('#plan-invite', 'CHUNGCHEONG-UNION');
      await b.getByTestId('plan-invite-submit').click();
      await b.getByTestId('signoff-CHUNGCHEONG-UNION').waitFor();
      const row = b.locator('tr[data-region="CHUNGCHEONG-UNION"] th');
      assert.equal((await row.textContent())?.trim(), '충청광역연합');
      assert.equal(await b.getByText(ko.planInvite).count() > 0, true);
      assert.ok(!(await b.locator('main').innerText()).includes('CHUNGCHEONG'), 'no code on the Korean page');

      const ja = await signedIn('busan@demo.zonelink.kr', 'ja');
      try {
        // The account's language wins at sign-in: switch (which also saves it as the account's language).
        await ja.page.getByTestId('language-switcher').click();
        await ja.page.click('button[data-lang="ja"]');
        await ja.page.waitForFunction(() => document.documentElement.lang === 'ja');
        await ja.page.goto(planUrl);
        const jaRow = ja.page.locator('tr[data-region="CHUNGCHEONG-UNION"] th');
        await jaRow.waitFor();
        assert.equal((await jaRow.textContent())?.trim(), '忠清広域連合');
      } finally {
        await ja.context.close();
      }
    } finally {
      await busan.context.close();
    }
  });
});
