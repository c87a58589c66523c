// Browser test of the rest of issue 5 and the zone's own forms: a company picks a partner by name when it creates a
// project, files a report with a file and withdraws the file (confirmation with a reason); the responsible ministry
// whose regulation the project's exemption suspends downloads the evidence pack from its projects page; the zone's
// local government applies for a change and answers a post-management data request (ko; axe at rest; screenshots).
// Needs the built UI (dist/web, `npx vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { assertAccessible, screenshot, screenshots, skip, tick, useBrowserServer } from './harness.ts';
import { demoId } from '../../src/db/seed/demo.ts';
import { insertExemption } from '../../src/server/exemptions/store.ts';
import { insertRegulation } from '../../src/server/regulations/store.ts';
import { catalogues } from './catalogues.ts';
import { insertZone } from '../support/zones.ts';

const ko = catalogues.ko;
const DAY = 86_400_000;
const seoulDay = (offset: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * DAY));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('browser UI: partners by name, withdrawn attachments, the ministry\'s evidence pack, the zone\'s own forms', { skip, timeout: 300_000 }, () => {
  let zoneId = '';
  let endedZoneId = '';
  let exemptionId = '';
  const partnerId = randomUUID();
  const fx = useBrowserServer({
    seed: async (db) => {
      zoneId = await insertZone(db, { name: '부산·울산 수소 물류 규제자유특구 (시험)' });
      endedZoneId = await insertZone(db, { name: '부산 해양 드론 규제자유특구 (시험, 종료)', state: 'post_management', periodStart: '2022-01-01', periodEnd: '2025-12-31', postManagementUntil: '2027-12-31' });
      await db.insertInto('organisation').values([
        { id: partnerId, kind: 'company', name: JSON.stringify({ ko: '해운대 드론물류 (시험)', en: 'Haeundae Drone Logistics (test)' }), region_code: null, demo: false },
        { id: randomUUID(), kind: 'company', name: JSON.stringify({ ko: '울산 항만서비스 (시험)', en: 'Ulsan Port Services (test)' }), region_code: null, demo: false },
      ]).execute();
      const regulation = await insertRegulation(db, {
        instrument: 'act', law: { ko: '고압가스 안전관리법 (시험)' }, article: '5', paragraph: null, ministry: 'MOTIE', ministryName: { ko: '산업통상자원부' },
        title: { ko: '수소 튜브트레일러 운송 (시험)' }, body: { ko: '본문' }, effectiveFrom: '2020-01-01', amendments: [],
      }, { demo: false, source: 'platform' });
      exemptionId = await insertExemption(db, {
        kind: 'demonstration_exemption', title: { ko: '수소 튜브트레일러 도심 운송 실증특례 (시험)' }, zoneId, holders: [demoId('org:company')], regulationIds: [regulation],
        conditions: { text: { ko: '주간 운행' }, scope: null, area: null, time: null, safetyMeasures: [], insurance: null, quantities: [] },
        stages: [], grantedOn: '2025-12-01', validFrom: seoulDay(-330), validUntil: seoulDay(900), state: 'active', demo: false,
      });
      await db.insertInto('zone_data_request').values({
        id: randomUUID(), zone_id: endedZoneId, organisation_id: demoId('org:busan'), subject: JSON.stringify({ ko: '종료 후 1년차 고용·매출 성과 (시험)' }),
        requested_on: seoulDay(-10), due_on: seoulDay(20), answer: null, answered_on: null, answered_by: null,
      }).execute();
    },
  });
  let projectId = '';

  async function success(scope: Page | Locator, text: string): Promise<void> {
    await scope.locator('.zl-alert-success', { hasText: text }).or(scope.locator('.zl-alert-error')).first().waitFor();
    const error = scope.locator('.zl-alert-error');
    assert.equal(await error.count(), 0, `refused: ${await error.first().textContent().catch(() => '')}`);
  }

  test('a company picks a partner by name, files a report with a file and withdraws the file', async () => {
    const { context, page } = await fx.signedIn('company@demo.zonelink.kr', 'ko');
    try {
      await page.goto(`${fx.base()}/projects/new`);
      await page.getByTestId('project-form').waitFor();
      await page.selectOption('#prj-zoneId', zoneId);
      await tick(page, `prj-exemptionIds-${exemptionId}`);
      await page.fill('#prj-title-ko', '수소 튜브트레일러 도심 운송 실증 (시험)');
      await page.fill('#prj-summary-ko', '부산 신항에서 도심 충전소까지 수소를 운송합니다.');
      await page.fill('#prj-products-0-ko', '수소 튜브트레일러');
      await page.fill('#prj-periodStart', seoulDay(-300));
      await page.fill('#prj-periodEnd', seoulDay(60));
      await page.fill('#prj-kpis-0-name-ko', '운송 횟수');
      await page.fill('#prj-kpis-0-unit', '회');
      await page.fill('#prj-kpis-0-target', '120');
      await page.fill('#prj-safetyPlan-ko', '운송 전 누출 점검, 야간 운행 금지');

      // Partners by name: typing narrows the companies; the chosen one stays ticked above the search.
      const matches = page.getByTestId('prj-partnerCompanies-matches');
      await page.fill('#prj-partnerCompanies-search', '드론');
      await matches.locator('label', { hasText: '해운대 드론물류' }).waitFor();
      assert.equal(await matches.locator('label', { hasText: '울산 항만서비스' }).count(), 0, 'the search narrows the list');
      await tick(page, `prj-partnerCompanies-${partnerId}`);
      await page.getByTestId('prj-partnerCompanies-chosen').locator('label', { hasText: '해운대 드론물류' }).waitFor();
      await page.fill('#prj-partnerCompanies-search', '없는 회사');
      await page.getByText(ko.formSearchNone).waitFor();
      assert.ok(await page.locator(`#prj-partnerCompanies-${partnerId}`).isChecked(), 'still chosen while searching for another');
      await assertAccessible(page, '/projects/new with a partner picked');
      await page.locator('[data-pointer="/partnerCompanies"]').screenshot({ path: `${screenshots}/demonstrations-partner-picker-ko.png` });
      await page.getByTestId('project-create').click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      projectId = page.url().split('/').pop()!;
      await page.getByTestId('project-partners').getByText('해운대 드론물류 (시험)').waitFor();

      // A report with a file, then the file withdrawn: a confirmation asks why first.
      await page.fill('#report-kpi-kpi-1', '31');
      await page.fill('#report-narrative', '1분기 운송 실적 (시험)');
      await page.getByTestId('report-files').setInputFiles({ name: '잘못 올린 사진.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('report-submit').click();
      const item = page.locator('[data-testid="attachments-1"] li[data-attachment="잘못 올린 사진.pdf"]');
      await item.waitFor();
      await item.getByRole('button', { name: '잘못 올린 사진.pdf 삭제' }).click();
      const confirm = page.getByTestId('attachment-remove-confirm');
      await confirm.waitFor();
      await confirm.getByTestId('attachment-remove-submit').click();
      assert.equal(await confirm.locator('.form-hint-invalid').textContent(), ko.fieldRequired, 'a reason is required');
      await confirm.getByRole('textbox').fill('개인정보가 보이는 사진을 잘못 올림');
      await assertAccessible(page, 'the withdrawal confirmation');
      await confirm.screenshot({ path: `${screenshots}/demonstrations-attachment-remove-ko.png` });
      await confirm.getByTestId('attachment-remove-submit').click();
      await page.getByTestId('attachment-removed-1').waitFor();
      assert.equal(await item.count(), 0, 'the file is no longer listed');
      const listed = await page.evaluate((id) => fetch(`/api/projects/${id}/reports/1/attachments`).then((r) => r.json() as Promise<{ items: unknown[] }>), projectId);
      assert.deepEqual(listed.items, []);
      await assertAccessible(page, 'the project page after the withdrawal');
    } finally {
      await context.close();
    }
  });

  test('the responsible ministry downloads the evidence pack of a project under its regulation', async () => {
    assert.ok(projectId, 'the project of the first test');
    const { context, page } = await fx.signedIn('motie@demo.zonelink.kr', 'ko');
    try {
      await page.locator('nav.zl-nav a[href="/projects"]').click();
      const row = page.locator(`[data-testid="evidence-packs"] tr[data-project="${projectId}"]`);
      await row.waitFor();
      assert.ok(((await row.textContent()) ?? '').includes('수소 튜브트레일러 도심 운송 실증특례 (시험)'), 'the exemption concerned');
      await assertAccessible(page, '/projects as a responsible ministry');
      await screenshot(page, 'demonstrations-evidence-ministry-ko');
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('evidence-pack-pdf').click()]);
      const bytes = await readFile((await download.path())!);
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      // The project record itself stays with its readers.
      assert.equal(await page.evaluate((id) => fetch(`/api/projects/${id}`).then((r) => r.status), projectId), 403);
    } finally {
      await context.close();
    }
  });

  test('the zone\'s local government applies for a change and answers a data request', async () => {
    const { context, page } = await fx.signedIn('busan@demo.zonelink.kr', 'ko');
    try {
      await page.goto(`${fx.base()}/zones/${zoneId}`);
      const form = page.getByTestId('zone-change-form');
      await form.waitFor();
      await page.getByTestId('zone-change-submit').click();
      await form.getByTestId('form-error-summary').waitFor();
      await tick(page, 'zc-items-typo');
      await tick(page, 'zc-items-area');
      await page.fill('#zc-areaChangePercent', '4.5');
      await page.fill('#zc-description-ko', '지정 고시문의 오기 정정과 부지 면적 4.5% 조정 (시험)');
      await assertAccessible(page, 'the change request form');
      await page.getByTestId('zone-change-submit').click();
      await success(form, ko.zaChangeFiledDone);
      assert.ok(((await form.locator('.zl-alert-success').textContent()) ?? '').includes(ko.zaChangeMinor), 'classified as minor (Decree Art. 52(2))');
      await page.getByTestId('zone-change-list').getByText('지정 고시문의 오기 정정', { exact: false }).waitFor();
      await screenshot(page, 'zones-change-request-ko');

      await page.goto(`${fx.base()}/zones/${endedZoneId}`);
      const request = page.getByTestId('zone-data-request');
      await request.waitFor();
      assert.equal(await page.getByTestId('zone-change-form').count(), 0, 'no change requests after the zone ended');
      await request.getByRole('textbox').fill('고용 42명, 매출 31억 원 (시험)');
      await request.getByRole('button', { name: ko.zaDataAnswerSubmit }).click();
      await request.getByText('고용 42명, 매출 31억 원 (시험)').waitFor();
      await assertAccessible(page, 'the answered data request');
      await screenshot(page, 'zones-data-request-ko');
    } finally {
      await context.close();
    }
    assert.deepEqual(fx.pageErrors, []);
  });
});
