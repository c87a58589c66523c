// What the zone's own local government does after designation: apply for a change of the zone (RFZ Act Art. 81(1);
// minor or not per Decree Art. 52(2), decided by the server) and answer MSS's post-management data requests
// addressed to it (Art. 84(2)). Shown only to a government of the zone; the server checks the same.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { ActionOutcome, useAction } from '../../../shared/ui/actions.tsx';
import { CheckGroup, ErrorSummary, FormErrors, I18nTextField, NumberField } from '../../../shared/forms/forms.tsx';
import { blankText, parseNumber, requiredText } from '../../../shared/forms/form-values.ts';
import { queryClient } from '../../../shared/data/query-client.ts';
import { dataRequestsQuery } from '../api/queries.ts';
import { Alert, Field, ProblemAlert } from '../../../shared/ui/ui.tsx';
import { RefText } from '../../../shared/ui/text.tsx';
import type { MessageKey } from '../../../i18n/index.ts';
import type { I18nText, Zone } from '../../../shared/types.ts';
import { formatDay } from '../../../shared/dates.ts';
import { CHANGE_ITEMS, zonesApi, type DataRequest, type ZoneChange } from '../api/client.ts';
import { governs } from '../../../../domain/regions/provinces.ts';

const ITEM_KEYS: Record<(typeof CHANGE_ITEMS)[number], MessageKey> = {
  typo: 'zaItemTypo', 'wording-after-law-change': 'zaItemWording', 'name-after-boundary-change': 'zaItemName', area: 'zaItemArea', 'detailed-plan': 'zaItemDetailedPlan',
  'operator-name-or-address': 'zaItemOperatorAddress', operators: 'zaItemOperators', exemptions: 'zaItemExemptions', conditions: 'zaItemConditions', purpose: 'zaItemPurpose', other: 'zaItemOther',
};

/** Whether the user's local government is one of the zone's, or the province of one of its municipalities. */
export function governsZone(regionCode: string | null | undefined, zone: Zone): boolean {
  if (!regionCode) return false;
  return zone.regions.some((r) => governs(regionCode, r.code));
}

export function ChangeRequestForm({ zone, onSaved }: { zone: Zone; onSaved: () => void }) {
  const { t } = useApp();
  const [items, setItems] = useState<string[]>([]);
  const [area, setArea] = useState('');
  const [description, setDescription] = useState<I18nText>(blankText());
  const [problem, setProblem] = useState<unknown>(null);
  const [filed, setFiled] = useState<ZoneChange | null>(null);
  const action = useAction<ZoneChange>((change) => {
    setFiled(change);
    setItems([]);
    setArea('');
    setDescription(blankText());
    onSaved();
  });
  const submit = () => {
    const errors: { path: string; message: string }[] = [];
    if (items.length === 0) errors.push({ path: '/body/items', message: t('zaChangeItemsNeeded') });
    if (description.ko.trim() === '') errors.push({ path: '/body/description/ko', message: t('fieldRequired') });
    if (items.includes('area') && parseNumber(area) === null) errors.push({ path: '/body/areaChangePercent', message: t('zaChangeAreaNeeded') });
    setProblem(errors.length > 0 ? new ApiError({ status: 400, errors }) : null);
    if (errors.length > 0) return;
    setFiled(null);
    void action.run(() => zonesApi.fileChange(zone.id, { items, areaChangePercent: items.includes('area') ? parseNumber(area) : null, description: requiredText(description) }), 'zaChangeFiledDone');
  };
  const shown = problem ?? action.error;
  return (
    <FormErrors error={shown} idBase="zc">
      <form className="zl-form zl-section-gap" aria-labelledby="zone-change-form" noValidate data-testid="zone-change-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <h3 id="zone-change-form">{t('zaChangeFormTitle')}</h3>
        <p className="zl-hint">{t('zaChangeFormHint')}</p>
        <ErrorSummary />
        {action.error && !(action.error instanceof ApiError && action.error.fieldErrors.length > 0) ? <ProblemAlert error={action.error} /> : null}
        {filed ? <Alert kind="success">{t('zaChangeFiledDone')} {filed.minor ? t('zaChangeMinor') : t('zaChangeCommittee')}</Alert> : null}
        <CheckGroup pointer="/items" legend={t('zaChangeItems')} value={items} onChange={setItems} options={CHANGE_ITEMS.map((i) => ({ value: i, label: t(ITEM_KEYS[i]) }))} />
        {items.includes('area') ? (
          <NumberField pointer="/areaChangePercent" label={t('zaChangeArea')} unit="%" min={-100} max={1000} hint={t('zaChangeAreaHint')} required value={area} onChange={setArea} />
        ) : null}
        <I18nTextField pointer="/description" label={t('zaChangeDescription')} required multiline value={description} onChange={setDescription} />
        <div className="zl-actions">
          <button type="submit" className="krds-btn primary medium" disabled={action.busy} data-testid="zone-change-submit">{t('zaChangeSubmit')}</button>
        </div>
      </form>
    </FormErrors>
  );
}

/** The post-management data requests addressed to the user's organisation, each with its answer or a form. */
export function DataRequestsSection({ zone, onSaved }: { zone: Zone; onSaved: () => void }) {
  const { t, user } = useApp();
  const query = dataRequestsQuery(zone.id);
  const items = useQuery({ ...query, enabled: !!user }).data?.items ?? [];
  if (items.length === 0) return null;
  const replace = (r: DataRequest) => {
    queryClient.setQueryData(query.queryKey, { items: items.map((x) => (x.id === r.id ? r : x)) });
    onSaved();
  };
  return (
    <section className="zl-section" aria-labelledby="zone-data-requests" data-testid="zone-data-requests">
      <h2 id="zone-data-requests">{t('zaDataTitle')}</h2>
      <p className="zl-hint">{t('zaDataLead')}</p>
      {items.map((r) => <DataRequestItem key={r.id} zone={zone} request={r} onAnswered={replace} />)}
    </section>
  );
}

function DataRequestItem({ zone, request: r, onAnswered }: { zone: Zone; request: DataRequest; onAnswered: (r: DataRequest) => void }) {
  const { t, lang } = useApp();
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAction<DataRequest>(onAnswered);
  const id = `za-data-${r.id}`;
  return (
    <article className="zl-card zl-mt" aria-labelledby={`${id}-title`} data-testid="zone-data-request">
      <h3 id={`${id}-title`}><RefText value={r.subject} /></h3>
      <p className="zl-hint">{t('zaDataDates', { requested: formatDay(r.requestedOn, lang) ?? r.requestedOn, due: formatDay(r.dueOn, lang) ?? r.dueOn })}</p>
      {r.answer ? (
        <>
          <p className="zl-strong">{t('zaDataAnsweredOn', { on: formatDay(r.answeredOn, lang) ?? '' })}</p>
          <RefText value={r.answer} />
        </>
      ) : (
        <form noValidate className="zl-form" onSubmit={(e) => {
          e.preventDefault();
          if (answer.trim() === '') { setMissing(true); return; }
          setMissing(false);
          void action.run(() => zonesApi.answerDataRequest(zone.id, r.id, { ko: answer.trim() }), 'zaDataAnswerDone');
        }}>
          <ActionOutcome error={action.error} done={null} />
          <Field id={`${id}-answer`} label={t('zaDataAnswer')} required hint={t('zaDataAnswerHint')} error={missing ? t('fieldRequired') : undefined}>
            {(a) => <textarea {...a} className="krds-input zl-textarea" lang="ko" rows={5} value={answer} onChange={(e) => { setAnswer(e.target.value); if (e.target.value.trim() !== '') setMissing(false); }} />}
          </Field>
          <button type="submit" className="krds-btn primary medium" disabled={action.busy}>{t('zaDataAnswerSubmit')}</button>
        </form>
      )}
    </article>
  );
}
