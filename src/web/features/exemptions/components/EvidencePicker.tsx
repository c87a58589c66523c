// Evidence cited by a law-amendment request or a results report, picked from what the demonstration already
// recorded (Act Art. 87(9), 87(11)): the projects working under this exemption, their filed reports, incidents
// and uploads, instead of typed ids. The evidence pack of each project can be opened beside.
import { useEffect, useState } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import { RefText, refTextString } from '../../../shared/ui/text.tsx';
import { formatDay } from '../../../shared/dates.ts';
import { projectsApi } from '../../demonstrations/index.ts';
import type { EvidenceRef, Exemption } from '../types.ts';

interface Option { key: string; ref: EvidenceRef; label: string }
interface ProjectOptions { id: string; title: Exemption['title']; options: Option[] }

const SEVERITY = { minor: 'prjSeverityMinor', serious: 'prjSeveritySerious', critical: 'prjSeverityCritical' } as const;
const keyOf = (r: EvidenceRef): string => `${r.type}:${r.id}:${r.period ?? ''}`;

export function EvidencePicker({ id, exemption, value, onChange, error }: {
  id: string; exemption: Exemption; value: EvidenceRef[]; onChange: (refs: EvidenceRef[]) => void; error?: string | undefined;
}) {
  const { t, lang } = useApp();
  const [projects, setProjects] = useState<ProjectOptions[] | null>(null);

  useEffect(() => {
    let live = true;
    const day = (iso: string) => formatDay(iso, lang) ?? iso;
    (async () => {
      const mine = (await projectsApi.list()).filter((p) => p.exemptionIds.includes(exemption.id));
      const out: ProjectOptions[] = [];
      for (const p of mine) {
        const [reports, incidents, uploads] = await Promise.all([projectsApi.reports(p.id), projectsApi.incidents(p.id), projectsApi.uploads(p.id)]);
        const options: Option[] = [{ key: '', ref: { type: 'demonstration_project', id: p.id }, label: t('xaEvidenceProject', { name: refTextString(p.title, lang) }) }];
        for (const r of reports.items.filter((x) => x.report !== null)) {
          options.push({ key: '', ref: { type: 'demonstration_report', id: p.id, period: r.index }, label: t('xaEvidenceReport', { period: r.index, from: day(r.from), to: day(r.to) }) });
        }
        for (const i of incidents.items) options.push({ key: '', ref: { type: 'demonstration_incident', id: i.id }, label: t('xaEvidenceIncident', { date: day(i.occurredAt), severity: t(SEVERITY[i.severity]) }) });
        for (const u of uploads) options.push({ key: '', ref: { type: 'demonstration_upload', id: u.uploadId }, label: t('xaEvidenceUpload', { date: day(u.createdAt), rows: u.rowsStored }) });
        out.push({ id: p.id, title: p.title, options: options.map((o) => ({ ...o, key: keyOf(o.ref) })) });
      }
      if (live) setProjects(out);
    })().catch(() => live && setProjects([]));
    return () => {
      live = false;
    };
  }, [exemption.id, lang, t]);

  const chosen = new Set(value.map(keyOf));
  const toggle = (o: Option, on: boolean) => onChange(on ? [...value, o.ref] : value.filter((r) => keyOf(r) !== o.key));
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="zl-fieldset zl-ex-evidence" data-testid={id} aria-describedby={[errorId, `${id}-hint`].filter(Boolean).join(' ')}>
      <legend>{t('xaEvidence')}</legend>
      <p className="form-hint" id={`${id}-hint`}>{t('xaEvidenceHint')}</p>
      {error ? <p className="form-hint-invalid" id={errorId}>{error}</p> : null}
      {projects === null ? <p className="zl-muted">{t('xaEvidenceLoading')}</p> : projects.length === 0 ? <p className="zl-muted">{t('xaEvidenceNone')}</p> : projects.map((p) => (
        <div key={p.id} className="zl-ex-evidence-project">
          <p className="zl-ex-evidence-title">
            <RefText value={p.title} /> · <a className="zl-link" href={`/api/projects/${encodeURIComponent(p.id)}/evidence-pack.pdf`}>{t('xaEvidencePack')}</a>
          </p>
          {p.options.map((o, i) => (
            <div className="krds-form-check" key={o.key}>
              <input type="checkbox" id={`${id}-${p.id}-${i}`} checked={chosen.has(o.key)} onChange={(e) => toggle(o, e.target.checked)} />
              <label htmlFor={`${id}-${p.id}-${i}`}>{o.label}</label>
            </div>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
