// Filling the structured plan editors (src/web/features/plans/components/CommonEditor.tsx, SectionEditor.tsx) the way a user
// does: add a row, then fill its fields (control ids follow the body pointer, e.g. #ps-21-sites-0-name-ko).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { common, section } from '../support/plans.ts';
import { tick } from './harness.ts';

/** On /plans/new: starts a connected plan with the fixture's title and returns the new plan's address. */
export async function startConnectedPlan(page: Page, c: ReturnType<typeof common>): Promise<string> {
  await tick(page, 'plan-model-connected');
  await page.fill('#plan-title-ko', c.title.ko);
  await page.fill('#plan-title-en', c.title.en);
  await page.click('form button[type=submit]');
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  return page.url();
}

/** Adds a row to the list whose fieldset is `list` (e.g. "ps-21-sites") and returns its index. */
export async function addRow(page: Page, list: string): Promise<number> {
  const rows = page.getByTestId(list).locator('.zl-row');
  const n = await rows.count();
  await page.getByTestId(list).getByTestId('row-add').click();
  await rows.nth(n).waitFor();
  return n;
}

/** The lead's common part from the fixture; the exemption comes from the regulation catalogue's search. */
export async function fillCommonPart(page: Page, c: ReturnType<typeof common>): Promise<void> {
  await page.fill('#pc-summary-ko', c.summary.ko);
  for (const [i, industry] of c.industries.entries()) {
    if ((await page.locator(`#pc-industries-${i}-ko`).count()) === 0) await addRow(page, 'pc-industries');
    await page.fill(`#pc-industries-${i}-ko`, industry.ko);
  }
  await page.fill('#pc-designationMonths', String(c.designationMonths));
  for (const stage of c.stages) await tick(page, `pc-stages-${stage}`);
  for (const [item, text] of Object.entries(c.narrative)) await page.fill(`#pc-narrative-${item}-ko`, text.ko);
  for (const [i, e] of c.exemptions.entries()) {
    await addRow(page, 'pc-exemptions');
    // Search as you type: the law, provision, regulation and ministry come from the catalogue.
    await page.fill(`#pc-exemptions-${i}-search`, '수소');
    await page.getByTestId('pc-exemptions').getByTestId('regulation-results').locator('button').first().click();
    assert.notEqual(await page.inputValue(`#pc-exemptions-${i}-law-ko`), '', 'law filled from the catalogue');
    await page.selectOption(`#pc-exemptions-${i}-kind`, e.kind);
    await page.fill(`#pc-exemptions-${i}-request-ko`, e.request.ko);
    for (const stage of e.stages) await tick(page, `pc-exemptions-${i}-stages-${stage}`);
  }
  for (const [i, k] of c.kpis.entries()) {
    await addRow(page, 'pc-kpis');
    await page.fill(`#pc-kpis-${i}-name-ko`, k.name.ko);
    await page.fill(`#pc-kpis-${i}-unit`, k.unit);
    await page.fill(`#pc-kpis-${i}-baseline`, String(k.baseline));
    await page.fill(`#pc-kpis-${i}-target`, String(k.target));
    await page.fill(`#pc-kpis-${i}-targetYear`, String(k.targetYear));
  }
  for (const [i, a] of c.attachments.entries()) {
    await addRow(page, 'pc-attachments');
    await page.selectOption(`#pc-attachments-${i}-item`, a.item);
    await page.fill(`#pc-attachments-${i}-title-ko`, a.title.ko);
    await page.fill(`#pc-attachments-${i}-reference`, a.reference);
  }
}

/** A government's section from the fixture (`section(municipality, tag)`); the rows get ids site-1, co-1, pr-1. */
export async function fillSectionPart(page: Page, region: string, s: ReturnType<typeof section>): Promise<void> {
  const id = (pointer: string) => `ps-${region}-${pointer}`;
  for (const [i, site] of s.sites.entries()) {
    await addRow(page, id('sites'));
    await page.locator(`#${id(`sites-${i}-regionCode`)} option[value="${site.regionCode}"]`).waitFor({ state: 'attached' });
    await page.selectOption(`#${id(`sites-${i}-regionCode`)}`, site.regionCode);
    await page.fill(`#${id(`sites-${i}-name-ko`)}`, site.name.ko);
    await page.fill(`#${id(`sites-${i}-areaSqm`)}`, String(site.areaSqm));
  }
  for (const [i, co] of s.companies.entries()) {
    await addRow(page, id('companies'));
    await page.fill(`#${id(`companies-${i}-name-ko`)}`, co.name.ko);
    await page.selectOption(`#${id(`companies-${i}-kind`)}`, co.kind);
  }
  for (const [i, p] of s.projects.entries()) {
    await addRow(page, id('projects'));
    await page.fill(`#${id(`projects-${i}-title-ko`)}`, p.title.ko);
    await page.fill(`#${id(`projects-${i}-startOn`)}`, p.startOn);
    await page.fill(`#${id(`projects-${i}-endOn`)}`, p.endOn);
    for (const stage of p.stages) await tick(page, id(`projects-${i}-stages-${stage}`));
    await tick(page, id(`projects-${i}-exemptions-ex-1`));
    await tick(page, id(`projects-${i}-companies-co-${i + 1}`));
    await tick(page, id(`projects-${i}-sites-site-${i + 1}`));
  }
  for (const [i, b] of s.budget.entries()) {
    await addRow(page, id('budget'));
    await page.fill(`#${id(`budget-${i}-year`)}`, String(b.year));
    await page.selectOption(`#${id(`budget-${i}-source`)}`, b.source);
    await page.fill(`#${id(`budget-${i}-amountMillionKrw`)}`, String(b.amountMillionKrw));
  }
}
