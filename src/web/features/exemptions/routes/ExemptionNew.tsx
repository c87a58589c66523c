// Recording a granted exemption (/exemptions/new, MSS administrator): kind, title, zone, suspended provisions
// from the catalogue, holders, supply-chain stages, structured conditions and the term. The server checks the
// term and the insurance minimums (Act Art. 86(10), 88(2), 90(11); Decree Art. 60) and answers in the UI language.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api.ts';
import { useApp } from '../../../shared/app-context.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import { CheckGroup, ErrorSummary, FormErrors, I18nTextField, SelectField } from '../../../shared/forms/forms.tsx';
import { blankText, requiredText } from '../../../shared/forms/form-values.ts';
import { Alert, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { refTextString } from '../../../shared/ui/text.tsx';
import { allZonesQuery } from '../../../shared/data/reference-data.ts';
import { organisationsQuery } from '../api/queries.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { Link, navigate, useLocation } from '../../../shared/router.tsx';
import type { I18nText, Regulation } from '../../../shared/types.ts';
import { exemptionsApi } from '../api/client.ts';
import { DateField, kindText, LawfulTermOffer, seoulToday, stageText } from '../components/common.tsx';
import { ConditionsEditor, conditionsOf, emptyConditions, type ConditionsDraft } from '../components/ConditionsEditor.tsx';
import { RegulationPicker } from '../../regulations/index.ts';
import { EXEMPTION_KINDS, STAGES, type ExemptionKind, type Stage } from '../types.ts';
import { ExemptionInput } from '../../../../contract/exemptions.ts';
import { checkBeforeSending } from '../../../shared/forms/schema-form.ts';

/** Names of the form's parts for the error summary (by the first segment of the body pointer). */
const PART_KEYS: Record<string, MessageKey> = {
  kind: 'exKind', title: 'exTitleLabel', zoneId: 'exZone', regulationIds: 'exSuspended', holders: 'exHolders', stages: 'exStage',
  conditions: 'exConditions', grantedOn: 'exGrantedOn', validFrom: 'exValidFrom', validUntil: 'exValidUntil', insuranceProofSubmitted: 'exInsuranceProof',
};


export function ExemptionNewPage() {
  const { t, lang, user } = useApp();
  const { search } = useLocation();
  useTitle(t('exNewTitle'));
  const zones = useQuery(allZonesQuery).data;
  const companies = useQuery(organisationsQuery('company')).data;
  const [kind, setKind] = useState<ExemptionKind>('demonstration_exemption');
  const [title, setTitle] = useState<I18nText>(blankText());
  const [zoneId, setZoneId] = useState(search.get('zone') ?? '');
  const [regulations, setRegulations] = useState<Regulation[]>([]);
  const [holders, setHolders] = useState<string[]>([]);
  const [stages, setStages] = useState<Stage[]>([]);
  const [conditions, setConditions] = useState<ConditionsDraft>(emptyConditions());
  const [grantedOn, setGrantedOn] = useState(seoulToday());
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [proof, setProof] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const zoneOptions = useMemo(
    () => [...(zones ?? [])].sort((a, b) => refTextString(a.name, lang).localeCompare(refTextString(b.name, lang))),
    [zones, lang],
  );

  if (user === undefined) return null;
  if (user === null) {
    return (
      <>
        <h1 className="zl-page-title">{t('exNewTitle')}</h1>
        <LoginFirst />
      </>
    );
  }
  if (user.organisation.kind !== 'ministry' || user.role !== 'admin') {
    return (
      <>
        <h1 className="zl-page-title">{t('exNewTitle')}</h1>
        <Alert kind="info"><p>{t('exNewMinistryOnly')}</p></Alert>
      </>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const termless = kind === 'rapid_confirmation' || (kind === 'menu_special_case' && !validFrom && !validUntil);
      const body: ExemptionInput = {
        kind, title: requiredText(title), zoneId, holders, regulationIds: regulations.map((r) => r.id),
        conditions: conditionsOf(conditions), stages, grantedOn,
        validFrom: termless ? null : validFrom, validUntil: termless ? null : validUntil, insuranceProofSubmitted: proof,
      };
      // Checked against the contract before sending; the server checks the term and the insurance minimums.
      const refused = checkBeforeSending(ExemptionInput, body, t);
      if (refused) throw refused;
      const created = await exemptionsApi.create(body);
      navigate(`/exemptions/${created.id}`);
    } catch (e) {
      setError(e);
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  };

  const hasTerm = kind !== 'rapid_confirmation';
  return (
    <>
      <h1 className="zl-page-title">{t('exNewTitle')}</h1>
      <p className="zl-lead">{t('exNewLead')}</p>
      <form onSubmit={submit} noValidate className="zl-ex-form" data-testid="exemption-form">
        <FormErrors error={error} idBase="ex">
          {error && !(error instanceof ApiError && error.fieldErrors.length > 0) ? <ProblemAlert error={error} /> : null}
          <ErrorSummary describe={(pointer) => {
            const part = pointer.split('/')[1] ?? '';
            return PART_KEYS[part] ? t(PART_KEYS[part]) : pointer;
          }} />
          <SelectField pointer="/kind" label={t('exKind')} required value={kind} onChange={(v) => setKind(v as ExemptionKind)}
            options={EXEMPTION_KINDS.map((k) => ({ value: k, label: kindText(k, t) }))} />
          <I18nTextField pointer="/title" label={t('exTitleLabel')} value={title} onChange={setTitle} required />
          <SelectField pointer="/zoneId" label={t('exZone')} required value={zoneId} onChange={setZoneId} placeholder={t('exChooseZone')}
            options={zoneOptions.map((z) => ({ value: z.id, label: refTextString(z.name, lang) }))} />
          <RegulationPicker selected={regulations} onChange={setRegulations} />
          <CheckGroup pointer="/holders" legend={t('exHolders')} value={holders} onChange={setHolders}
            options={(companies ?? []).map((c) => ({ value: c.id, label: refTextString(c.name, lang) }))} />
          <CheckGroup pointer="/stages" legend={t('exStage')} value={stages} onChange={setStages}
            options={STAGES.map((s) => ({ value: s, label: stageText(s, t) }))} />
          <ConditionsEditor value={conditions} onChange={setConditions} insuranceRequired={kind === 'demonstration_exemption' || kind === 'temporary_permit'} />
          <fieldset className="zl-fieldset">
            <legend>{t('exTerm')}</legend>
            <p className="form-hint">{hasTerm ? t('exTermHint') : t('exCalNoTermRapid')}</p>
            <div className="zl-ex-row">
              <DateField pointer="/grantedOn" label={t('exGrantedOn')} required value={grantedOn} onChange={setGrantedOn} />
              {hasTerm ? (
                <>
                  <DateField pointer="/validFrom" label={t('exValidFrom')} required={kind !== 'menu_special_case'} value={validFrom} onChange={setValidFrom} />
                  <DateField pointer="/validUntil" label={t('exValidUntil')} required={kind !== 'menu_special_case'} value={validUntil} onChange={setValidUntil} />
                  <LawfulTermOffer error={error} onUse={setValidUntil} />
                </>
              ) : null}
            </div>
            <div className="krds-form-check">
              <input type="checkbox" id="ex-proof" checked={proof} onChange={(e) => setProof(e.target.checked)} />
              <label htmlFor="ex-proof">{t('exInsuranceProof')}</label>
            </div>
          </fieldset>
          <div className="zl-actions">
            <button type="submit" className="krds-btn primary medium" disabled={busy} data-testid="exemption-submit">
              {busy ? t('exSaving') : t('exRecord')}
            </button>
            <Link href={zoneId ? `/zones/${zoneId}` : '/reform'} className="krds-btn secondary medium">{t('exCancel')}</Link>
          </div>
        </FormErrors>
      </form>
    </>
  );
}
