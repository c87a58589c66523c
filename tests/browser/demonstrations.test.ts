// Browser test of demonstrations (issue 5): a company creates a project (errors next to fields first), starts
// it, files a report with attachments (one refused by its bytes), reports an incident, uploads data (a bad row: rejected with the row and column; the same
// file in "valid rows only" mode: an error file to download; then a good file, sent twice without storing twice)
// and reads the compliance report (its own conditions and the exemption's) and the evidence pack; the zone's government accepts the report; the ministry
// suspends the project's only exemption after the serious incident (the page says the project has no other) and lifts the suspension.
// Needs the built UI (dist/web, `npx vite build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { assertAccessible, screenshots, skip, tick, useBrowserServer, type OpenedPage } from './harness.ts';
import { seedDemoExemptions, seedReferenceRegulations } from '../../src/db/seed/regulations.ts';
import { catalogues } from './catalogues.ts';
import { type Lang } from '../../src/web/i18n/index.ts';

const ko = catalogues.ko;
const en = catalogues.en;
const DAY = 86_400_000;
const seoulDay = (offset: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * DAY));
/** An instant `days` ago at `hour`:`minute` Seoul time, ISO with offset. */
const seoulAt = (days: number, hour: number, minute: number): string =>
  `${seoulDay(-days)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+09:00`;

const HEADER = 'ts,deviceId,lon,lat,speed';
const GOOD = [HEADER, ...Array.from({ length: 40 }, (_, i) => `${seoulAt(2, 9 + Math.floor(i / 10), (i % 10) * 5)},${1 + (i % 3)},129.03,35.10,${i % 8 === 0 ? 45 : 20}`)].join('\n');
const BAD = [HEADER, `${seoulAt(3, 10, 0)},1,129.03,35.10,20`, `${seoulAt(3, 10, 5)},1,129.03,35.10,fast`, `${seoulAt(3, 10, 10)},2,129.03,35.10,50`].join('\n');

describe('demonstrations in the browser', { skip, timeout: 300_000 }, () => {
  const { signedIn, pageErrors } = useBrowserServer({
    seed: async (db) => {
      await seedReferenceRegulations(db);
      await seedDemoExemptions(db);
    },
  });
  let projectUrl = '';
  let exemptionId = '';

  /** Signed in as `email`, the UI in `lang`. */
  async function as(email: string, lang: Lang): Promise<OpenedPage> {
    const opened = await signedIn(email, lang);
    if (lang !== 'ko') {
      // The account's language wins at sign-in: switch (which also saves it as the account's language).
      await opened.page.getByTestId('language-switcher').click();
      await opened.page.click(`button[data-lang="${lang}"]`);
      await opened.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    }
    return opened;
  }

  /** Waits for the success message in `scope` (a page or a form), failing on an error shown there instead. */
  async function success(scope: Page | Locator, text: string): Promise<void> {
    await scope.locator('.zl-alert-success', { hasText: text }).or(scope.locator('.zl-alert-error')).first().waitFor();
    const error = scope.locator('.zl-alert-error');
    assert.equal(await error.count(), 0, `refused: ${await error.first().textContent().catch(() => '')}`);
  }

  test('a company creates a project, files a report and an incident, uploads data and reads the compliance report', async () => {
    const { context, page } = await as('company@demo.zonelink.kr', 'ko');
    try {
      await page.locator('nav.zl-nav a[href="/projects"]').click();
      await page.getByTestId('projects-table').or(page.getByText(ko.prjListNone)).waitFor();
      await assertAccessible(page, '/projects (ko)');
      await page.getByTestId('project-new-link').click();
      await page.getByTestId('project-form').waitFor();

      // Nothing filled in: the browser says so next to each required field, in Korean.
      await page.getByTestId('project-create').click();
      assert.equal(await page.locator('#prj-title-ko-error').textContent(), ko.fieldRequired);
      assert.equal(await page.locator('#prj-zoneId-error').textContent(), ko.fieldRequired);
      assert.equal(await page.locator('#prj-kpis-0-unit-error').textContent(), ko.fieldRequired);

      // A Busan zone with a demo exemption; the project demonstrates under it (Busan then reviews its reports).
      const exemptions = await page.evaluate(() => fetch('/api/exemptions').then((r) => r.json() as Promise<{ items: { id: string; demo: boolean; zone: { id: string } }[] }>));
      const busanZones = await page.evaluate(() => fetch('/api/zones?region=21').then((r) => r.json() as Promise<{ items: { id: string }[] }>));
      const exemption = exemptions.items.find((e) => e.demo && busanZones.items.some((z) => z.id === e.zone.id));
      assert.ok(exemption, 'a demo exemption in a Busan zone');
      await page.selectOption('#prj-zoneId', exemption.zone.id);
      await tick(page, `prj-exemptionIds-${exemption.id}`);
      exemptionId = exemption.id;
      await page.fill('#prj-title-ko', '부산 자율주행 셔틀 실증 (브라우저 시험)');
      // Translations sit in a disclosure under the Korean text.
      await page.locator('[data-pointer="/title"] summary').click();
      await page.fill('#prj-title-en', 'Busan autonomous shuttle (browser test)');
      await page.fill('#prj-summary-ko', '부산 원도심에서 자율주행 셔틀을 운행합니다.');
      await page.locator('.zl-site-grid input[type=checkbox]').first().waitFor();
      const firstSite = await page.locator('.zl-site-grid input[type=checkbox]').first().getAttribute('id');
      await tick(page, firstSite!);
      await page.fill('#prj-products-0-ko', '자율주행 셔틀');
      await page.getByRole('button', { name: ko.prjAddProduct }).click();
      await page.fill('#prj-products-1-ko', '원격 관제 서비스');
      // End before start: the server refuses and the message stands next to the end date.
      await page.fill('#prj-periodStart', seoulDay(-200));
      await page.fill('#prj-periodEnd', seoulDay(-300));
      await page.fill('#prj-kpis-0-name-ko', '운행 횟수');
      await page.fill('#prj-kpis-0-unit', '회');
      await page.fill('#prj-kpis-0-target', '500');
      await page.selectOption('#prj-kpis-0-frequency', 'monthly');
      await page.fill('#prj-maxSpeed', '30');
      await page.fill('#prj-safetyPlan-ko', '운행 전 점검, 최고 속도 30 km/h, 원격 관제 상시 대기');
      await page.fill('#prj-insurance-insurer', '데모화재');
      await page.fill('#prj-insurance-policyNumber', 'P-BROWSER-1');
      await page.fill('#prj-insurance-cover-deathPerPerson', '150000000');
      await page.fill('#prj-insurance-cover-injuryPerPerson', '30000000');
      await page.fill('#prj-insurance-cover-disabilityPerPerson', '150000000');
      await page.fill('#prj-insurance-cover-propertyPerAccident', '1000000000');
      await page.fill('#prj-insurance-validFrom', seoulDay(-200));
      await page.fill('#prj-insurance-validUntil', seoulDay(200));
      await page.getByTestId('project-create').click();
      await page.locator('#prj-periodEnd-error').waitFor();
      assert.ok(((await page.locator('#prj-periodEnd-error').textContent()) ?? '').length > 0);
      assert.equal(await page.locator('#prj-periodEnd').getAttribute('aria-invalid'), 'true');
      assert.ok(((await page.getByTestId('form-error-summary').textContent()) ?? '').includes(ko.prjPeriodEnd), 'the summary names the field');
      await assertAccessible(page, '/projects/new with errors (ko)');
      await page.screenshot({ path: `${screenshots}/demonstrations-new-ko.png`, fullPage: true });

      await page.fill('#prj-periodEnd', seoulDay(60));
      await page.getByTestId('project-create').click();
      await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
      projectUrl = page.url();
      await page.getByTestId('project-facts').waitFor();
      assert.equal(await page.getByTestId('project-state').getAttribute('data-state'), 'draft');

      // Valid insurance: the project may start demonstrating.
      await page.getByRole('button', { name: ko.prjStart }).click();
      await page.locator('[data-testid=project-state][data-state=demonstrating]').waitFor();

      // A report for the first (finished, overdue) period, with the KPI value.
      await page.getByTestId('reports-table').waitFor();
      assert.ok(await page.getByTestId('reports-flagged').isVisible(), 'missing reports are flagged');
      assert.equal(await page.locator('[data-testid=reports-table] tr[data-period="1"]').getAttribute('data-status'), 'missing');
      await page.getByTestId('report-submit').click();
      assert.equal(await page.locator('#report-narrative-error').textContent(), ko.fieldRequired);
      await page.locator('[data-testid=report-form] input[type=number]').first().fill('42');
      await page.fill('#report-narrative', '1개월 차 운행 42회, 사고 없음');
      // Two attachments: a PDF (kept) and a program renamed as a picture (refused by its bytes, the report still filed).
      await page.getByTestId('report-files').setInputFiles([
        { name: '운행일지.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n') },
        { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) },
      ]);
      await page.getByTestId('report-submit').click();
      await page.locator('.zl-alert-success', { hasText: ko.prjReportFiled }).waitFor();
      assert.match((await page.getByTestId('attachments-refused').textContent()) ?? '', /^photo\.png: /);
      await page.getByTestId('attachments-1').getByText('운행일지.pdf').waitFor();
      assert.equal(await page.locator('[data-testid=reports-table] tr[data-period="1"]').getAttribute('data-status'), 'late');

      // An incident: its reporting deadline (24 h for a serious one, as the server says) is shown before it is sent;
      // a serious one names the exemption it happened under.
      await tick(page, 'incident-severity-serious');
      assert.equal(await page.getByTestId('incident-deadline').textContent(), ko.prjIncidentDeadlineHours.replace('{hours}', '24'));
      await page.fill('#incident-place', '중앙동 교차로');
      await page.fill('#incident-description', '셔틀이 정지 중 보행자와 가볍게 접촉');
      await page.fill('#incident-immediateActions', '운행 중지, 보행자 병원 이송, 차량 점검');
      await page.getByTestId('incident-submit').click();
      assert.equal(await page.locator('#incident-exemptions-error').textContent(), ko.prjNeedExemption);
      await tick(page, `incident-exemption-${exemption.id}`);
      await page.getByTestId('incident-submit').click();
      await success(page.getByTestId('incident-form'), ko.prjIncidentReported);
      await page.getByTestId('incidents-table').waitFor();
      assert.equal(await page.locator('[data-testid=incidents-table] tbody tr').count(), 1);

      // A file with one bad row is refused: the row and the column are named; nothing is stored.
      const file = page.getByTestId('upload-file');
      await file.setInputFiles({ name: 'trips-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) });
      await page.getByTestId('upload-submit').click();
      await page.getByTestId('upload-errors').waitFor();
      const cells = await page.locator('[data-testid=upload-errors] tbody tr').first().locator('td').allTextContents();
      assert.deepEqual(cells.slice(0, 2), ['3', 'speed']);
      assert.ok(await page.getByText(ko.prjUploadNothingStored).isVisible());
      assert.ok(await page.getByText(ko.prjUploadsNone).isVisible(), 'nothing stored');
      await assertAccessible(page, 'upload refused (ko)');

      // The same file, valid rows only: two stored, the bad one comes back as a downloadable error file.
      await tick(page, (await page.getByTestId('upload-mode-skip-invalid').getAttribute('id'))!);
      await page.getByTestId('upload-submit').click();
      await page.getByTestId('upload-error-file').waitFor();
      assert.match((await page.getByTestId('upload-result').textContent()) ?? '', /2/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('upload-error-file').click()]);
      const errorFile = await readFile((await download.path())!, 'utf8');
      assert.match(errorFile, /^\uFEFFrow,column,problem,line\r\n3,speed,/);
      assert.ok(errorFile.includes(',fast'), errorFile);

      // A good file, all or nothing: stored; sent again under the same upload id, nothing is stored twice.
      await tick(page, (await page.getByTestId('upload-mode-all').getAttribute('id'))!);
      await file.setInputFiles({ name: 'trips.ndjson.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD) });
      const uploadId = await page.getByTestId('upload-id').textContent();
      // It goes in parts; the first part's connection drops: the form asks the server's offset, resumes, stores once.
      let dropped = 0;
      await page.route('**/uploads/*/parts', async (route) => {
        if (route.request().method() === 'PUT' && dropped === 0) {
          dropped += 1;
          await route.abort('connectionreset');
        } else await route.continue();
      });
      await page.getByTestId('upload-submit').click();
      await page.locator('[data-testid=upload-result]', { hasText: '40' }).waitFor();
      await page.unroute('**/uploads/*/parts');
      assert.equal(dropped, 1);
      await page.getByTestId('upload-submit').click();
      await page.getByText(ko.prjUploadReplayed).waitFor();
      assert.equal(await page.getByTestId('upload-id').textContent(), uploadId);
      assert.equal(await page.locator('[data-testid=uploads-table] tbody tr').count(), 2);

      // The compliance report: 42 events; the six faster than 30 km/h (one from the bad file's valid rows) violate.
      await page.locator('[data-testid=compliance-totals]', { hasText: '42' }).waitFor();
      const speedRow = page.locator('[data-testid=compliance-rules] tr[data-rule=max-speed]');
      assert.equal(await speedRow.locator('td.zl-num').first().textContent(), '6');
      assert.equal(await page.getByTestId('violating-events').textContent(), '6');
      await page.getByTestId('violations-chart').waitFor();
      await page.locator('.zl-project-map svg').last().waitFor();
      // The same events against the exemption's own conditions.
      await page.selectOption('[data-testid=compliance-scope]', exemption.id);
      await page.locator('[data-testid=compliance-rules] tr[data-rule=max-speed]').waitFor({ state: 'detached' });
      assert.ok(await page.locator('[data-testid=compliance-rules] tbody tr').count() > 0, 'the exemption has rules');
      await page.selectOption('[data-testid=compliance-scope]', 'project');
      await speedRow.waitFor();

      // The evidence pack, PDF and CSV.
      for (const [id, type, start] of [['evidence-pdf', 'application/pdf', '%PDF-'], ['evidence-csv', 'text/csv', '\uFEFF']] as const) {
        const href = (await page.getByTestId(id).getAttribute('href'))!;
        const got = await page.evaluate((url) => fetch(url).then(async (r) => ({ status: r.status, type: r.headers.get('content-type') ?? '', head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 8)) })), href);
        assert.equal(got.status, 200, href);
        assert.ok(got.type.startsWith(type), got.type);
        assert.ok(got.head.startsWith(start) || (start === '\uFEFF' && got.head.length > 0), `${href}: ${JSON.stringify(got.head)}`);
      }
      await assertAccessible(page, 'project page (ko)');
      await page.screenshot({ path: `${screenshots}/demonstrations-project-ko.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });

  test('the zone\'s government accepts the report; the ministry suspends the project\'s exemption and lifts it (English)', async () => {
    assert.ok(projectUrl, 'the project was created');
    {
      const { context, page } = await as('busan@demo.zonelink.kr', 'ko');
      try {
        await page.goto(projectUrl);
        await page.getByTestId('review-form-1').waitFor();
        await page.fill('#review-1-comment', '확인했습니다');
        await page.getByRole('button', { name: ko.prjReviewAccept }).click();
        await success(page, ko.prjReviewAcceptedDone);
        assert.ok(await page.locator('[data-testid=reports-table] tr[data-period="1"]', { hasText: ko.prjReviewAccepted }).isVisible());
      } finally {
        await context.close();
      }
    }
    const { context, page } = await as('ministry@demo.zonelink.kr', 'en');
    try {
      await page.goto(projectUrl);
      const form = page.locator('[data-testid^="suspend-form-"]');
      await form.waitFor();
      await form.locator('button[type=submit]').click();
      assert.equal(await form.locator('.form-hint-invalid').first().textContent(), en.fieldRequired);
      await form.locator('input.krds-input').fill('중대 사고 조사');
      await form.locator('button[type=submit]').click();
      await page.getByTestId('project-suspended').waitFor();
      // The project stays demonstrating; its only exemption is suspended, and the page says it has no other.
      assert.equal(await page.getByTestId('project-state').getAttribute('data-state'), 'demonstrating');
      assert.equal(await page.getByTestId('project-suspended-consequence').textContent(), en.prjOnlySuspendedExemptions);
      await page.getByTestId('violations-chart').waitFor();
      await assertAccessible(page, 'project page, exemption suspended (en)');
      await page.screenshot({ path: `${screenshots}/demonstrations-project-en.png`, fullPage: true });
      await page.getByTestId(`lift-${exemptionId}`).click();
      assert.equal(await page.locator(`#lift-reason-${exemptionId}-error`).textContent(), en.fieldRequired);
      await page.fill(`#lift-reason-${exemptionId}`, '조치 완료');
      await page.getByTestId(`lift-${exemptionId}`).click();
      await page.getByTestId('project-suspended').waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('suspended-exemptions').count(), 0);
    } finally {
      await context.close();
    }
    assert.deepEqual(pageErrors, []);
  });
});
