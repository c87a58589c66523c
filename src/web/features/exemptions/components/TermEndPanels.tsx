// When the term has run out: MSS records the expiry (Act Art. 86(10)); the operator files the results report
// within 30 days after it, citing the demonstration's own reports, incidents and uploads (Art. 87(11); Decree
// Art. 59(11)).
import { useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { Field } from '../../../shared/ui/ui.tsx';
import { formatDay } from '../../../shared/dates.ts';
import { ActionPanel } from './ActionPanel.tsx';
import { exemptionsApi } from '../api/client.ts';
import { seoulToday } from './common.tsx';
import { EvidencePicker } from './EvidencePicker.tsx';
import type { EvidenceRef, Exemption } from '../types.ts';

type Done = (e: Exemption, message: string) => void;

export function ExpirePanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const until = exemption.validity.validThrough ?? exemption.validity.until ?? '';
  return (
    <ActionPanel
      id="ex-expire"
      title={t('xaExpireTitle')}
      lead={t('xaExpireLead', { date: formatDay(until, lang) ?? until })}
      fields={[]}
      submitLabel={t('xaExpireSubmit')}
      run={async () => onDone(await exemptionsApi.expire(exemption.id), t('xaExpireDone'))}
    >
      {() => null}
    </ActionPanel>
  );
}

export function ResultsReportPanel({ exemption, onDone }: { exemption: Exemption; onDone: Done }) {
  const { t, lang } = useApp();
  const [submittedOn, setSubmittedOn] = useState(seoulToday());
  const [results, setResults] = useState('');
  const [refs, setRefs] = useState<EvidenceRef[]>([]);
  const due = exemption.lifecycle.resultsReport.due;
  return (
    <ActionPanel
      id="ex-results-report"
      title={t('xaReportTitle')}
      lead={due ? t('xaReportLead', { date: formatDay(due, lang) ?? due }) : t('xaReportLeadNoDue')}
      fields={['submittedOn', 'results.ko', 'evidenceRefs']}
      submitLabel={t('xaReportSubmit')}
      run={async () => onDone(await exemptionsApi.reportResults(exemption.id, { submittedOn, results: { ko: results }, evidenceRefs: refs }), t('xaReportDone'))}
    >
      {({ fieldError }) => (
        <>
          <Field id="ex-report-on" label={t('xaSubmittedOn')} required error={fieldError('submittedOn')}>
            {(p) => <input {...p} type="date" className="krds-input" value={submittedOn} onChange={(e) => setSubmittedOn(e.target.value)} />}
          </Field>
          <Field id="ex-report-results" label={t('exResults')} required error={fieldError('results.ko')}>
            {(p) => <textarea {...p} rows={4} className="krds-input zl-textarea" value={results} onChange={(e) => setResults(e.target.value)} />}
          </Field>
          <EvidencePicker id="ex-report-evidence" exemption={exemption} value={refs} onChange={setRefs} error={fieldError('evidenceRefs')} />
        </>
      )}
    </ActionPanel>
  );
}
