import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalogue, translator } from '../../i18n/index.ts';
import { describePointer, fieldLabel, rowLabel } from './plan-labels.ts';

const t = translator(await loadCatalogue('en'), 'en');

test('a pointer of a refused save is named for the reader', () => {
  assert.equal(describePointer('/sites/0/name/ko', t), 'Sites › Site 1 › Site name › Korean');
  assert.equal(describePointer('/budget/1/amountMillionKrw', t), 'Budget › Budget line 2 › Amount');
  assert.equal(describePointer('/narrative/land-use-plan/en', t), `${t('planItemLandUse')} › English`);
  assert.equal(describePointer('/designationMonths', t), t('planDesignationMonths'));
  assert.equal(describePointer('/projects/0/companies/2', t), 'Demonstration projects › Project 1 › Companies › #3');
});

test('field and row labels', () => {
  assert.equal(fieldLabel('budget', 'source', t), 'Source');
  assert.equal(fieldLabel(null, 'narrative.firm-attraction', t), t('planItemFirmAttraction'));
  assert.equal(fieldLabel('sites', 'unknownField', t), 'unknownField');
  assert.equal(rowLabel('sites', 1, { ko: '부지', en: 'Port' }, t, 'en'), 'Site 2: Port');
  assert.equal(rowLabel('sites', 0, { ko: '부지' }, t, 'fr'), 'Site 1: 부지');
  assert.equal(rowLabel('kpis', 0, null, t, 'en'), 'KPI 1');
});
