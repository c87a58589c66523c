// Recording a granted exemption (/exemptions/new, MSS administrator): kind, title, zone, suspended provisions
// from the catalogue, holders, supply-chain stages, structured conditions and the term. The server checks the
// term and the insurance minimums (Act Art. 86(10), 88(2), 90(11); Decree Art. 60) and answers in the UI language.
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useApp } from '../../app-context.tsx';
import { Alert, Field, ProblemAlert, normalisePath, useTitle } from '../../components/ui.tsx';
import { refTextString } from '../../components/text.tsx';
import { useLoaded } from '../../data.ts';
import { ApiError } from '../../api.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { exemptionsApi } from './client.ts';
import { kindText, pair, seoulToday, stageText, TextPair } from './common.tsx';
import { ConditionsEditor, conditionsOf, emptyConditions, type ConditionsDraft } from './ConditionsEditor.tsx';
import { RegulationPicker } from './RegulationPicker.tsx';
import { EXEMPTION_KINDS, STAGES, type ExemptionKind, type Regulation } from './types.ts';

/** Form fields that take the errors of their own path and of every path below it. */
const FIELDS = [
  'kind', 'title', 'zoneId', 'regulationIds', 'holders', 'stages', 'grantedOn', 'validFrom', 'validUntil',
  'conditions.text', 'conditions.scope', 'conditions.area', 'conditions.time', 'conditions.quantities', 'conditions.safetyMeasures', 'conditions.insurance',
] as const;
type FieldName = (typeof FIELDS)[number];

function fieldErrors(error: unknown): { byField: Partial<Record<FieldName, string>>; unmatched: { path: string; message: string }[] } {
  const byField: Partial<Record<FieldName, string>> = {};
  const unmatched: { path: string; message: string }[] = [];
  if (!(error instanceof ApiError)) return { byField, unmatched };
  for (const item of error.fieldErrors) {
    const path = normalisePath(item.path);
    const field = [...FIELDS].sort((a, b) => b.length - a.length).find((f) => path === f || path.startsWith(`${f}.`));
    if (field && !byField[field]) byField[field] = item.message;
    else unmatched.push(item);
  }
  return { byField, unmatched };
}

const loadZones = () => api.listZones().then((r) => r.items);
const loadCompanies = () => exemptionsApi.organisations('company').then((r) => r.items);

export function ExemptionNewPage() {
  const { t, lang, user } = useApp();
  const { search } = useLocation();
  useTitle(t('exNewTitle'));
  const zones = useLoaded(loadZones).data;
  const companies = useLoaded(loadCompanies).data;
  const [kind, setKind] = useState<ExemptionKind>('demonstration_exemption');
  const [titleKo, setTitleKo] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [zoneId, setZoneId] = useState(search.get('zone') ?? '');
  const [regulations, setRegulations] = useState<Regulation[]>([]);
  const [holders, setHolders] = useState<string[]>([]);
  const [stages, setStages] = useState<string[]>([]);
  const [conditions, setConditions] = useState<ConditionsDraft>(emptyConditions());
  const [grantedOn, setGrantedOn] = useState(seoulToday());
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [proof, setProof] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { byField, unmatched } = useMemo(() => fieldErrors(error), [error]);
  const zoneOptions = useMemo(
    () => [...(zones ?? [])].sort((a, b) => refTextString(a.name, lang).localeCompare(refTextString(b.name, lang))),
    [zones, lang],
  );

  if (user === undefined) return null;
  if (!user || user.organisation.kind !== 'ministry' || user.role !== 'admin') {
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
      const created = await exemptionsApi.create({
        kind, title: pair(titleKo, titleEn), zoneId, holders, regulationIds: regulations.map((r) => r.id),
        conditions: conditionsOf(conditions), stages, grantedOn,
        validFrom: termless ? null : validFrom, validUntil: termless ? null : validUntil, insuranceProofSubmitted: proof,
      });
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
        {error ? (
          <ProblemAlert error={error} extra={unmatched} />
        ) : null}
        <Field id="ex-kind" label={t('exKind')} required error={byField.kind}>
          {(p) => (
            <select {...p} className="krds-form-select completed" value={kind} onChange={(e) => setKind(e.target.value as ExemptionKind)}>
              {EXEMPTION_KINDS.map((k) => <option key={k} value={k}>{kindText(k, t)}</option>)}
            </select>
          )}
        </Field>
        <TextPair id="ex-title" label={t('exTitleLabel')} ko={titleKo} en={titleEn} onKo={setTitleKo} onEn={setTitleEn} required error={byField.title} />
        <Field id="ex-zone" label={t('exZone')} required error={byField.zoneId}>
          {(p) => (
            <select {...p} className="krds-form-select completed" value={zoneId} onChange={(e) => setZoneId(e.target.value)}>
              <option value="">{t('exChooseZone')}</option>
              {zoneOptions.map((z) => <option key={z.id} value={z.id}>{refTextString(z.name, lang)}</option>)}
            </select>
          )}
        </Field>
        <RegulationPicker selected={regulations} onChange={setRegulations} error={byField.regulationIds} />
        <fieldset className="zl-ex-pair" data-testid="holders">
          <legend>{t('exHolders')}</legend>
          {byField.holders ? <p className="form-hint-invalid">{byField.holders}</p> : null}
          <div className="zl-ex-checks">
            {(companies ?? []).map((c) => (
              <div className="krds-form-check" key={c.id}>
                <input type="checkbox" id={`ex-holder-${c.id}`} checked={holders.includes(c.id)}
                  onChange={(e) => setHolders(e.target.checked ? [...holders, c.id] : holders.filter((h) => h !== c.id))} />
                <label htmlFor={`ex-holder-${c.id}`}>{refTextString(c.name, lang)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset className="zl-ex-pair">
          <legend>{t('exStage')}</legend>
          <div className="zl-ex-checks">
            {STAGES.map((s) => (
              <div className="krds-form-check" key={s}>
                <input type="checkbox" id={`ex-stage-${s}`} checked={stages.includes(s)}
                  onChange={(e) => setStages(e.target.checked ? [...stages, s] : stages.filter((x) => x !== s))} />
                <label htmlFor={`ex-stage-${s}`}>{stageText(s, t)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <ConditionsEditor value={conditions} onChange={setConditions} errors={byField} insuranceRequired={kind === 'demonstration_exemption' || kind === 'temporary_permit'} />
        <fieldset className="zl-ex-pair">
          <legend>{t('exTerm')}</legend>
          <p className="form-hint">{hasTerm ? t('exTermHint') : t('exCalNoTermRapid')}</p>
          <div className="zl-ex-row">
            <Field id="ex-granted" label={t('exGrantedOn')} required error={byField.grantedOn}>
              {(p) => <input {...p} type="date" className="krds-input" value={grantedOn} onChange={(e) => setGrantedOn(e.target.value)} />}
            </Field>
            {hasTerm ? (
              <>
                <Field id="ex-valid-from" label={t('exValidFrom')} required={kind !== 'menu_special_case'} error={byField.validFrom}>
                  {(p) => <input {...p} type="date" className="krds-input" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />}
                </Field>
                <Field id="ex-valid-until" label={t('exValidUntil')} required={kind !== 'menu_special_case'} error={byField.validUntil}>
                  {(p) => <input {...p} type="date" className="krds-input" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />}
                </Field>
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
      </form>
    </>
  );
}
