import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RapidFileInput } from '../../../contract/rapid-confirmations.ts';
import { formatMessage } from '../../../domain/i18n/icu.ts';
import { ko } from '../../i18n/ko.ts';
import type { Translate } from '../../i18n/index.ts';
import { schemaErrorMap, schemaRequired } from './schema-form.ts';

const t = ((key: string, values?: Record<string, string | number>) => formatMessage('ko', (ko as Record<string, string>)[key] ?? key, values)) as Translate;

test('required marks come from the schema: required, not nullable, at least one character or item', () => {
  assert.equal(schemaRequired(RapidFileInput, 'zoneId'), true);
  assert.equal(schemaRequired(RapidFileInput, 'activity'), true);
  assert.equal(schemaRequired(RapidFileInput, 'regulationIds'), true);
  assert.equal(schemaRequired(RapidFileInput, 'ministryId'), false);
  assert.equal(schemaRequired(RapidFileInput, 'activity.en'), false);
});

test('the form\'s errors become sentences by body pointer: the server\'s own, else the schema\'s rule, never TypeBox\'s English', () => {
  const map = schemaErrorMap({
    activity: { ko: { type: 'minLength', message: 'Expected string length greater or equal to 1' } },
    zoneId: { type: 'server', message: '알 수 없는 값: x' },
  } as never, RapidFileInput, t);
  assert.deepEqual([...map], [['/activity/ko', ko.fieldRequired], ['/zoneId', '알 수 없는 값: x']]);
});
