// A readable diff of plan content: part (common or a government's section), row, field, before and after,
// with names instead of codes (stages, kinds, sources, municipalities, referenced sites and companies).
import { useApp } from '../../../shared/app-context.tsx';
import type { Lang, Translate } from '../../../i18n/index.ts';
import type { I18nText } from '../../../shared/types.ts';
import { regionLabel } from './common.tsx';
import type { PlanChange } from '../plan-diff.ts';
import { ATTACHMENT_KEYS, COMPANY_KIND_KEYS, fieldLabel, KIND_KEYS, langLabel, LIST_KEYS, SOURCE_KEYS } from '../plan-labels.ts';
import { stageText } from '../../../shared/stages.ts';
import type { PlanContent, PlanView } from '../types.ts';

interface Names {
  region: (code: string) => string;
  /** Names of sites, companies and exemptions by id, from both versions. */
  refs: Map<string, I18nText>;
}

const pick = (text: I18nText, lang: Lang): string => text[lang]?.trim() || text.ko;

function refNames(...contents: PlanContent[]): Map<string, I18nText> {
  const map = new Map<string, I18nText>();
  for (const c of contents) {
    for (const e of c.exemptions) map.set(`exemptions:${e.id}`, { ko: `${e.law.ko} ${e.provision}`, ...(e.law.en ? { en: `${e.law.en} ${e.provision}` } : {}) });
    for (const s of Object.values(c.sections)) {
      for (const x of s.sites) map.set(`sites:${x.id}`, x.name);
      for (const x of s.companies) map.set(`companies:${x.id}`, x.name);
    }
  }
  return map;
}

function showValue(list: string | null, field: string, value: unknown, t: Translate, lang: Lang, names: Names): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (typeof value === 'boolean') return t(value ? 'planEdYes' : 'planEdNo');
  if (field === 'stages' && Array.isArray(value)) return value.map((s) => stageText(String(s), t)).join(', ');
  if (list === 'projects' && ['exemptions', 'companies', 'sites'].includes(field) && Array.isArray(value)) {
    return value.map((id) => {
      const name = names.refs.get(`${field}:${String(id)}`);
      return name ? pick(name, lang) : String(id);
    }).join(', ');
  }
  if (field === 'partners' && Array.isArray(value)) return value.map((c) => names.region(String(c))).join(', ');
  if (field === 'leadRegion' || (list === 'sites' && field === 'regionCode')) return names.region(String(value));
  if (list === 'exemptions' && field === 'kind' && String(value) in KIND_KEYS) return t(KIND_KEYS[value as keyof typeof KIND_KEYS]);
  if (list === 'attachments' && field === 'item' && String(value) in ATTACHMENT_KEYS) return t(ATTACHMENT_KEYS[value as keyof typeof ATTACHMENT_KEYS]);
  if (list === 'companies' && field === 'kind' && String(value) in COMPANY_KIND_KEYS) return t(COMPANY_KIND_KEYS[value as keyof typeof COMPANY_KIND_KEYS]);
  if (list === 'budget' && field === 'source' && String(value) in SOURCE_KEYS) return t(SOURCE_KEYS[value as keyof typeof SOURCE_KEYS]);
  if (field === 'model') return t(value === 'connected' ? 'planModelConnected' : 'planModelSingle');
  if (typeof value === 'number') {
    const n = value.toLocaleString(lang);
    if (list === 'budget' && field === 'amountMillionKrw') return `${n} ${t('planEdUnitMillionKrw')}`;
    if (list === 'sites' && field === 'areaSqm') return `${n} m²`;
    if (field === 'designationMonths') return `${n} ${t('planEdUnitMonths')}`;
    return n;
  }
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' && 'ko' in v ? pick(v as I18nText, lang) : String(v))).join(', ');
  if (typeof value === 'object' && 'ko' in (value as object)) return pick(value as I18nText, lang);
  return String(value);
}

function itemText(change: PlanChange, t: Translate, lang: Lang): string {
  if (!change.item) return '—';
  if (change.list === 'budget') {
    const [year, source] = change.item.key.split(':');
    return `${year} · ${source && source in SOURCE_KEYS ? t(SOURCE_KEYS[source as keyof typeof SOURCE_KEYS]) : source}`;
  }
  return typeof change.item.label === 'string' ? change.item.label : pick(change.item.label, lang);
}

/** The changes as a table; `testId` names it for tests. */
export function PlanDiffTable({ changes, plan, before, after, caption, testId }: { changes: PlanChange[]; plan: PlanView; before: PlanContent; after: PlanContent; caption: string; testId: string }) {
  const { t, lang } = useApp();
  const names: Names = {
    region: (code) => {
      const p = plan.participantDetails.find((x) => x.regionCode === code);
      return p ? regionLabel(p.name, code, lang) : code;
    },
    refs: refNames(before, after),
  };
  const opText = (op: PlanChange['op']) => t(op === 'add' ? 'planDiffAdd' : op === 'remove' ? 'planDiffRemove' : 'planDiffReplace');
  if (changes.length === 0) return <p data-testid={testId}>{t('planEdDiffNone')}</p>;
  return (
    <div className="krds-table-wrap zl-scroll" data-testid={testId} tabIndex={0} role="region" aria-label={caption}>
      <table className="tbl col data zl-table zl-compact zl-diff">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planEdDiffPart')}</th>
            <th scope="col">{t('planEdDiffItem')}</th>
            <th scope="col">{t('planEdDiffField')}</th>
            <th scope="col" className="zl-nowrap">{t('planDiffOp')}</th>
            <th scope="col" className="zl-diff-value">{t('planDiffBefore')}</th>
            <th scope="col" className="zl-diff-value">{t('planDiffAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.flatMap((c, i) => {
            const part = c.government === null ? t('planEdCommonPart') : t('planSectionTitle', { name: names.region(c.government) });
            const where = c.list ? `${t(LIST_KEYS[c.list].list)} · ${itemText(c, t, lang)}` : '—';
            const fields = c.fields.length > 0 ? c.fields : [{ field: '', before: null, after: null }];
            return fields.map((f, j) => (
              <tr
                key={`${i}-${j}`}
                className={`zl-diff-${c.op === 'change' ? 'replace' : c.op}`}
                data-change={`${c.government ?? 'common'}/${c.list ?? '-'}/${f.field}${'lang' in f && f.lang ? `/${f.lang}` : ''}`}
              >
                <td>{part}</td>
                <td>{where}</td>
                <td>
                  {f.field ? fieldLabel(c.list, f.field, t) : '—'}
                  {'lang' in f && f.lang ? <span className="zl-muted"> ({langLabel(f.lang, t)})</span> : null}
                </td>
                <td className="zl-nowrap">{opText(c.op)}</td>
                <td className="zl-diff-before">{showValue(c.list, f.field, f.before, t, lang, names)}</td>
                <td className="zl-diff-after">{showValue(c.list, f.field, f.after, t, lang, names)}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
