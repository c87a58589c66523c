// /rapid-confirmations (and /rapid-confirmations/:id, opened): the requests the user may see — the server decides
// which (the company its own, the zone's governments theirs, a ministry those addressed to it, MSS all) — each with
// every ministry's clock (days left, paused, deemed), and the forms of the user's role: a company files and sends
// supplements, the zone's government forwards or answers, an addressed ministry replies or asks for a supplement,
// an MSS administrator records the committee's decision. Rules and refusals come from the server (Act Art. 85).
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { ShowMore, usePaged } from '../../../shared/data/paged.tsx';
import { LoginFirst } from '../../../shared/ui/LoginFirst.tsx';
import { ErrorSummary, FormErrors, I18nTextField, SchemaFormErrors, SelectField, CheckGroup } from '../../../shared/forms/forms.tsx';
import { bindField, schemaRequired, setServerErrors, useSchemaForm } from '../../../shared/forms/schema-form.ts';
import { RapidFileInput } from '../../../../contract/rapid-confirmations.ts';
import { blankText, cleanText, requiredText } from '../../../shared/forms/form-values.ts';
import { LocalText, refTextString } from '../../../shared/ui/text.tsx';
import { Alert, Loading, ProblemAlert, useTitle } from '../../../shared/ui/ui.tsx';
import { allZonesQuery } from '../../../shared/data/reference-data.ts';
import { organisationsQuery } from '../../exemptions/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { I18nText, Regulation, Zone } from '../../../shared/types.ts';
import { formatDay } from '../../../shared/dates.ts';
import { RegulationPicker } from '../../regulations/index.ts';
import { rapidApi, type RapidAnswer, type RapidReply, type RapidRequest } from '../api/client.ts';
import { TableFrame } from '../../../shared/ui/TableFrame.tsx';

const OPERATING = new Set(['designated', 'evaluated', 'extended']);
const operatingZones = (zones: Zone[]) => zones.filter((z) => z.source !== 'reference' && OPERATING.has(z.state));
const ANSWERS: RapidAnswer[] = ['permit_needed', 'no_permit_needed', 'not_our_matter'];

export function RapidConfirmationsPage({ openId }: { openId?: string }) {
  const { t, user } = useApp();
  useTitle(t('rcTitle'));
  // The list pages on the server, newest filed first; its pages are read again after each change the user makes.
  const paged = usePaged(['rapid-confirmations', user?.id], user ? rapidApi.list : null);
  const { items, error, reload: load } = paged;

  if (user === undefined) return null;
  if (user === null) {
    return (
      <>
        <h1 className="zl-page-title">{t('rcTitle')}</h1>
        <LoginFirst />
      </>
    );
  }
  return (
    <>
      <h1 className="zl-page-title">{t('rcTitle')}</h1>
      <p className="zl-lead">{t('rcLead')}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {!items ? <Loading /> : (
        <section className="zl-section" aria-labelledby="rc-list-title">
          <h2 id="rc-list-title">{t('rcListCaption')}</h2>
          {items.length === 0 ? <p>{t('rcNone')}</p> : (
            <ul className="zl-plain-list" data-testid="rapid-list">
              {items.map((r) => <RequestItem key={r.id} item={r} open={r.id === openId} onChange={load} />)}
            </ul>
          )}
          <ShowMore paged={paged} testId="rapid-more" />
        </section>
      )}
      {user.organisation.kind === 'company' ? <FileForm onFiled={load} /> : null}
    </>
  );
}

function ClockText({ reply }: { reply: RapidReply }) {
  const { t, lang } = useApp();
  const day = (d: string | null) => formatDay(d, lang) ?? '—';
  if (reply.deemed) return <span className="krds-badge bg-light-primary">{t('rcDeemed', { due: day(reply.due) })}</span>;
  if (reply.answer !== null) return <span>{t('rcRepliedOn', { date: day(reply.repliedOn) })}</span>;
  if (reply.paused) return <span className="krds-badge bg-light-gray" data-testid="rapid-paused">{t('rcPaused')}</span>;
  if (reply.status === 'deemed_no_permit_needed') return <span>{t('rcOverdue', { due: day(reply.due) })}</span>;
  return <span data-testid="rapid-days-left">{t('rcDaysLeft', { days: reply.daysLeft ?? 0, due: day(reply.due) })}</span>;
}

function RequestItem({ item, open, onChange }: { item: RapidRequest; open: boolean; onChange: () => void }) {
  const { t, lang, user } = useApp();
  const org = user!.organisation;
  const own = item.replies.find((r) => r.organisationId === org.id);
  const stateKey = `rcState_${item.state}` as MessageKey;
  return (
    <li className="zl-card" data-testid={`rapid-${item.id}`}>
      <details open={open}>
        <summary>
          <strong><LocalText value={item.activity} /></strong>{' — '}
          <LocalText value={item.zoneName} />{' · '}<LocalText value={item.companyName} />{' · '}
          {t('rcColFiled')} {formatDay(item.filedOn, lang)}{' · '}
          <span className="krds-badge bg-light-primary" data-testid="rapid-state">{t(stateKey)}</span>
        </summary>
        <h3>{t('rcRegulations')}</h3>
        <ul>
          {item.regulations.map((g) => <li key={g.id}><LocalText value={g.law} /> {g.article} — <LocalText value={g.title} /> ({g.ministry})</li>)}
        </ul>
        {item.localAnswer ? <p><strong>{t('rcLocalAnswerShown')}: </strong><LocalText value={item.localAnswer} /></p> : null}
        {item.replies.length > 0 ? (
          <TableFrame>
            <table className="tbl col data zl-table zl-compact">
              <caption>{t('rcReplies')}</caption>
              <tbody>
                {item.replies.map((r) => (
                  <tr key={r.organisationId} data-testid={`rapid-reply-${r.organisationId}`}>
                    <th scope="row"><LocalText value={r.name} /></th>
                    <td><ClockText reply={r} /></td>
                    <td>
                      {r.answer ? t(`rcAnswer_${r.answer}` as MessageKey) : null}
                      {r.rules ? <> — {t('rcRules')}: <LocalText value={r.rules} /></> : null}
                      {r.supplementRequest && r.answer === null ? <> {t('rcSupplementAsked')}<LocalText value={r.supplementRequest} /></> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        ) : null}
        {item.committeeDue && item.state === 'committee' ? <p>{t('rcCommitteeDue', { due: formatDay(item.committeeDue, lang) ?? '' })}</p> : null}
        {item.committeeDecision ? <p>{t('rcCommitteeDecided', { date: formatDay(item.decidedOn, lang) ?? '', decision: t(`rcAnswer_${item.committeeDecision}` as MessageKey) })}</p> : null}
        {item.state === 'filed' && org.kind === 'local_government' ? <ForwardForms item={item} onChange={onChange} /> : null}
        {item.state === 'forwarded' && own && own.answer === null && own.status !== 'deemed_no_permit_needed' ? <ReplyForms item={item} reply={own} onChange={onChange} /> : null}
        {item.state === 'forwarded' && org.id === item.companyId ? item.replies.filter((r) => r.paused).map((r) => (
          <Action key={r.organisationId} label={t('rcSupplementGive', { ministry: refTextString(r.name, lang) })} hint={t('rcSupplementGiveHint')}
            run={() => rapidApi.supplement(item.id, r.organisationId)} onDone={onChange} />
        )) : null}
        {item.state === 'committee' && org.kind === 'ministry' && user!.role === 'admin' ? <DecisionForm item={item} onChange={onChange} /> : null}
      </details>
    </li>
  );
}

/** A one-button action with its refusal shown next to it. */
function Action({ label, hint, run, onDone }: { label: string; hint?: string; run: () => Promise<unknown>; onDone: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="zl-actions">
      {hint ? <p className="form-hint">{hint}</p> : null}
      {error ? <ProblemAlert error={error} /> : null}
      <button type="button" className="krds-btn secondary medium" disabled={busy} onClick={async () => {
        setBusy(true);
        setError(null);
        try {
          await run();
          onDone();
        } catch (e) {
          setError(e);
        } finally {
          setBusy(false);
        }
      }}>{label}</button>
    </div>
  );
}

/** A small form: its fields, a submit button, refusals (field errors beside the fields) from the server. */
function SmallForm({ title, submitLabel, send, onDone, testId, itemId, children }: { title: string; submitLabel: string; send: () => Promise<unknown>; onDone: () => void; testId: string; itemId: string; children: ReactNode }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="zl-section" data-testid={testId}>
      <h3>{title}</h3>
      <FormErrors error={error} idBase={`${testId}-${itemId}`}>
        {error ? <ProblemAlert error={error} /> : null}
        {children}
        <button type="submit" className="krds-btn primary medium" disabled={busy}>{submitLabel}</button>
      </FormErrors>
    </form>
  );
}

function ForwardForms({ item, onChange }: { item: RapidRequest; onChange: () => void }) {
  const { t, lang } = useApp();
  const ministries = useQuery(organisationsQuery('responsible_ministry')).data ?? [];
  const [extra, setExtra] = useState<string[]>([]);
  const [answer, setAnswer] = useState<I18nText>(blankText());
  return (
    <>
      <SmallForm title={t('rcForwardTitle')} submitLabel={t('rcForwardSubmit')} testId="rapid-forward" itemId={item.id} send={() => rapidApi.forward(item.id, extra)} onDone={onChange}>
        <p className="form-hint">{t('rcForwardHint')}</p>
        <CheckGroup pointer="/ministryIds" legend={t('rcForwardMinistries')} value={extra} onChange={setExtra}
          options={ministries.map((m) => ({ value: m.id, label: refTextString(m.name, lang) }))} />
      </SmallForm>
      <SmallForm title={t('rcLocalAnswer')} submitLabel={t('rcLocalAnswerSubmit')} testId="rapid-local-answer" itemId={item.id} send={() => rapidApi.answerLocally(item.id, requiredText(answer))} onDone={onChange}>
        <I18nTextField pointer="/answer" label={t('rcLocalAnswer')} value={answer} onChange={setAnswer} required multiline />
      </SmallForm>
    </>
  );
}

function ReplyForms({ item, reply, onChange }: { item: RapidRequest; reply: RapidReply; onChange: () => void }) {
  const { t } = useApp();
  const [answer, setAnswer] = useState<RapidAnswer>('permit_needed');
  const [rules, setRules] = useState<I18nText>(blankText());
  const [supplement, setSupplement] = useState<I18nText>(blankText());
  return (
    <>
      <SmallForm title={t('rcReplyTitle')} submitLabel={t('rcReplySubmit')} testId="rapid-reply" itemId={item.id} send={() => rapidApi.reply(item.id, answer, cleanText(rules))} onDone={onChange}>
        <SelectField pointer="/answer" label={t('rcReplyAnswer')} required value={answer} onChange={(v) => setAnswer(v as RapidAnswer)}
          options={ANSWERS.map((a) => ({ value: a, label: t(`rcAnswer_${a}` as MessageKey) }))} />
        <I18nTextField pointer="/rules" label={t('rcReplyRules')} value={rules} onChange={setRules} required={answer === 'permit_needed'} multiline />
      </SmallForm>
      {reply.paused ? null : (
        <SmallForm title={t('rcSupplementRequest')} submitLabel={t('rcSupplementRequestSubmit')} testId="rapid-supplement-request" itemId={item.id} send={() => rapidApi.requestSupplement(item.id, requiredText(supplement))} onDone={onChange}>
          <I18nTextField pointer="/request" label={t('rcSupplementRequest')} value={supplement} onChange={setSupplement} required multiline />
        </SmallForm>
      )}
    </>
  );
}

function DecisionForm({ item, onChange }: { item: RapidRequest; onChange: () => void }) {
  const { t } = useApp();
  const [decision, setDecision] = useState<'permit_needed' | 'no_permit_needed'>('no_permit_needed');
  const [note, setNote] = useState<I18nText>(blankText());
  return (
    <SmallForm title={t('rcDecisionTitle')} submitLabel={t('rcDecisionSubmit')} testId="rapid-decision" itemId={item.id} send={() => rapidApi.decide(item.id, decision, cleanText(note))} onDone={onChange}>
      <SelectField pointer="/decision" label={t('rcDecision')} required value={decision} onChange={(v) => setDecision(v as typeof decision)}
        options={(['permit_needed', 'no_permit_needed'] as const).map((a) => ({ value: a, label: t(`rcAnswer_${a}`) }))} />
      <I18nTextField pointer="/note" label={t('rcDecisionNote')} value={note} onChange={setNote} multiline />
    </SmallForm>
  );
}

const PART_KEYS: Record<string, MessageKey> = { zoneId: 'rcZone', activity: 'rcActivity', regulationIds: 'rcRegulations', ministryId: 'rcMinistry' };
const FILE_FIELDS = Object.keys(PART_KEYS);
const FILE_DEFAULTS: RapidFileInput = { zoneId: '', activity: blankText(), regulationIds: [], ministryId: null };

/** A company files a request: checked against the contract's `RapidFileInput` before sending, errors beside the fields. */
function FileForm({ onFiled }: { onFiled: () => void }) {
  const { t, lang } = useApp();
  const zones = useQuery({ ...allZonesQuery, select: operatingZones }).data ?? [];
  const ministries = useQuery(organisationsQuery('responsible_ministry')).data ?? [];
  const form = useSchemaForm<RapidFileInput>(RapidFileInput, FILE_DEFAULTS);
  // The picker holds the chosen regulations (names for the list); the form holds their ids.
  const [regulations, setRegulations] = useState<Regulation[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setDone(false);
    try {
      await rapidApi.file({ ...values, activity: requiredText(values.activity) });
      form.reset({ ...FILE_DEFAULTS, zoneId: values.zoneId, ministryId: values.ministryId });
      setRegulations([]);
      setDone(true);
      onFiled();
    } catch (e) {
      setError(e);
      setServerErrors(form, e, FILE_FIELDS);
    }
  });
  const zone = bindField(form, 'zoneId');
  const activity = bindField(form, 'activity');
  const ministry = bindField(form, 'ministryId');
  const required = (name: string) => schemaRequired(RapidFileInput, name);
  return (
    <section className="zl-section" aria-labelledby="rc-file-title">
      <h2 id="rc-file-title">{t('rcFileTitle')}</h2>
      <p>{t('rcFileLead')}</p>
      <div role="status">{done ? <Alert kind="success"><p>{t('rcFiled')}</p></Alert> : null}</div>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="rapid-file">
        <SchemaFormErrors form={form as never} schema={RapidFileInput} idBase="rc">
          {error ? <ProblemAlert error={error} /> : null}
          <ErrorSummary describe={(pointer) => {
            const part = pointer.split('/')[1] ?? '';
            return PART_KEYS[part] ? t(PART_KEYS[part]) : t('rcFileTitle');
          }} />
          <SelectField pointer="/zoneId" label={t('rcZone')} required={required('zoneId')} value={zone.value} onChange={zone.onChange} placeholder={t('rcChooseZone')}
            options={zones.map((z) => ({ value: z.id, label: refTextString(z.name, lang) }))} />
          <I18nTextField pointer="/activity" label={t('rcActivity')} value={activity.value} onChange={activity.onChange} required={required('activity')} multiline />
          <RegulationPicker selected={regulations} legend={t('rcRegulations')} onChange={(next) => {
            setRegulations(next);
            form.setValue('regulationIds', next.map((r) => r.id), { shouldValidate: form.formState.isSubmitted });
          }} />
          <SelectField pointer="/ministryId" label={t('rcMinistry')} required={required('ministryId')} value={ministry.value ?? ''} onChange={(v) => ministry.onChange(v || null)} placeholder={t('rcMinistryNone')}
            options={ministries.map((m) => ({ value: m.id, label: refTextString(m.name, lang) }))} />
          <button type="submit" className="krds-btn primary medium" disabled={form.formState.isSubmitting} data-testid="rapid-file-submit">{t('rcFileSubmit')}</button>
        </SchemaFormErrors>
      </form>
    </section>
  );
}
