// Browser test of a zone after designation: the ministry records a yearly evaluation on the zone page, and the
// public page shows the gazette-style notice and the grade (fr and ko screenshots; axe check).
// Needs the built UI (dist/web, `npx vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, screenshot, skip, useBrowserServer } from './harness.ts';
import { civilDate } from '../../src/domain/calendar/civil-date.ts';
import { buildDesignationNotice } from '../../src/domain/zones/designation-notice.ts';
import { insertZone } from '../support/zones.ts';

describe('browser UI: a zone after designation', { skip, timeout: 300_000 }, () => {
  let zoneId = '';
  const fx = useBrowserServer({
    seed: async (db) => {
      zoneId = await insertZone(db, { periodStart: '2026-01-01', periodEnd: '2029-12-31', name: '부산·울산 수소 해양물류 규제자유특구 (시험)' });
      const notice = buildDesignationNotice({
        number: 'RFZ-2026-001', gazettedOn: civilDate('2025-12-20'), name: { ko: '부산·울산 수소 해양물류 규제자유특구 (시험)', en: 'Busan–Ulsan hydrogen marine logistics zone (test)' },
        summary: { ko: '수소 선박 충전과 해양물류 실증', en: 'Demonstrating hydrogen ship bunkering and marine logistics' }, industries: [],
        sites: [{ regionCode: '21120', areaSqm: 120000 }, { regionCode: '26310', areaSqm: 80000 }],
        companies: [{ name: { ko: '한빛수소 (시험)' }, address: { ko: '부산광역시 강서구' } }],
        exemptions: [{ kind: 'demonstration', law: { ko: '고압가스 안전관리법', en: 'High-Pressure Gas Safety Control Act' }, provision: '시행규칙 별표 5', request: { ko: '선박 수소 충전 실증 허용' } }],
        regions: ['21', '26'], periodStart: civilDate('2026-01-01'), periodEnd: civilDate('2029-12-31'), conditions: null,
      });
      await db.updateTable('zone').set({ designation_number: notice.number, notice: JSON.stringify(notice) }).where('id', '=', zoneId).execute();
    },
  });

  test('the ministry records an evaluation; the public page shows the notice and the grade', async () => {
    const { context, page } = await fx.signedIn('ministry@demo.zonelink.kr', 'ko');
    await page.goto(`${fx.base()}/zones/${zoneId}`);
    await page.getByTestId('zone-notice').waitFor();
    await page.fill('#za-year', '2026');
    for (const c of ['kpi-achievement', 'regional-economy', 'use-of-special-cases', 'project-results']) await page.fill(`#za-score-${c}`, '93');
    await page.fill('#za-summary', '성과지표 초과 달성 (시험)');
    await page.click('form[aria-labelledby="zone-evaluation-form"] button[type=submit]');
    await page.getByTestId('zone-grade').waitFor();
    assert.equal((await page.getByTestId('zone-grade').textContent())?.trim(), '우수');
    await assertAccessible(page, 'the zone page after an evaluation');
    await context.close();

    for (const lang of ['fr', 'ko'] as const) {
      const visitor = await fx.newPage(lang);
      await visitor.page.goto(`${fx.base()}/zones/${zoneId}`);
      await visitor.page.getByTestId('zone-grade').waitFor();
      assert.equal((await visitor.page.getByTestId('zone-number').textContent())?.trim(), 'RFZ-2026-001');
      assert.equal((await visitor.page.getByTestId('zone-grade').textContent())?.trim(), lang === 'fr' ? 'Excellent' : '우수');
      const notice = (await visitor.page.getByTestId('zone-notice').textContent()) ?? '';
      if (lang === 'fr') {
        assert.match(notice, /Avis de désignation/);
        assert.match(notice, /High-Pressure Gas Safety Control Act|고압가스/);
      }
      assert.equal(await visitor.page.locator('#za-year').count(), 0, 'the public cannot record evaluations');
      await assertAccessible(visitor.page, `the public zone page (${lang})`);
      await screenshot(visitor.page, `zone-after-${lang}`);
      await visitor.context.close();
    }
    assert.deepEqual(fx.pageErrors, []);
  });
});
