// Browser test of the regulation catalogue import (/search, ministry officials): a CSV file with a bad row is
// refused with its problems by row and column (nothing stored), the example file is imported; a company sees no form.
// Needs the built UI (dist/web) and Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { seriousViolations, skip, useBrowserServer } from './harness.ts';
import { catalogues } from './catalogues.ts';

const ko = catalogues.ko;
const EXAMPLE = readFileSync('docs/examples/regulations.csv');
const BAD = 'instrument,law_ko,article,ministry,ministry_name_ko,title_ko,body_ko,effective_from\nstatute,법 (브라우저),1,MSS,부,제목,본문,2024-01-01\n';

describe('regulation catalogue import in the browser', { skip, timeout: 180_000 }, () => {
  const { base, signedIn } = useBrowserServer();

  test('a ministry official sees a bad row named by row and column, then imports the example file', async () => {
    const { context, page } = await signedIn('ministry@demo.zonelink.kr');
    try {
      await page.goto(`${base()}/search`);
      const form = page.getByTestId('regulation-import');
      await form.waitFor();
      await form.getByTestId('regulation-import-submit').click();
      await form.getByText(ko.riChoose).waitFor();
      await page.locator('#regulation-import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) });
      await form.getByTestId('regulation-import-submit').click();
      const row = page.getByTestId('regulation-import-errors').locator('tbody tr');
      await row.first().waitFor();
      assert.deepEqual(await row.first().locator('td').allTextContents().then((c) => c.slice(0, 2)), ['2', 'instrument']);
      assert.deepEqual(await seriousViolations(page, { atRest: true }), [], 'axe on the import errors');

      await page.locator('#regulation-import-file').setInputFiles({ name: 'regulations.csv', mimeType: 'text/csv', buffer: EXAMPLE });
      await form.getByTestId('regulation-import-submit').click();
      await page.getByTestId('regulation-import-done').getByText(ko.riDone.replace('{count}', '2')).waitFor();
      assert.equal(await page.getByTestId('regulation-import-errors').count(), 0);
    } finally {
      await context.close();
    }
  });

  test('a company sees no import form', async () => {
    const { context, page } = await signedIn('company@demo.zonelink.kr');
    try {
      await page.goto(`${base()}/search`);
      await page.locator('h1').waitFor();
      assert.equal(await page.getByTestId('regulation-import').count(), 0);
    } finally {
      await context.close();
    }
  });
});
