// Shared bits of the exemption pages: kind, state and stage labels, badges, highlighted snippets, a filter select
// and the lawful-term offer; dates, the date and line fields and article texts are re-exported from where they live.
import type { ReactNode } from 'react';
import { useApp } from '../../../shared/app-context.tsx';
import type { MessageKey, Translate } from '../../../i18n/index.ts';
import { formatDay } from '../../../shared/dates.ts';
import { ApiError } from '../../../shared/api.ts';
import type { ExemptionKind } from '../types.ts';
import '../exemptions.css';

const KIND_KEYS: Record<ExemptionKind, MessageKey> = {
  rapid_confirmation: 'exKindRapidConfirmation',
  demonstration_exemption: 'exKindDemonstration',
  temporary_permit: 'exKindTemporaryPermit',
  menu_special_case: 'exKindMenu',
};
export const kindText = (kind: string, t: Translate): string => (kind in KIND_KEYS ? t(KIND_KEYS[kind as ExemptionKind]) : kind);

const STATE_KEYS: Record<string, MessageKey> = {
  requested: 'exStateRequested', forwarded: 'exStateForwarded', declined: 'exStateDeclined', returned: 'exStateReturned',
  ministry_review: 'exStateMinistryReview', supplement_requested: 'exStateSupplementRequested', committee: 'exStateCommittee',
  granted: 'exStateGranted', rejected: 'exStateRejected', redeliberation: 'exStateRedeliberation', active: 'exStateActive',
  extended: 'exStateExtended', amendment_requested: 'exStateAmendmentRequested', expired: 'exStateExpired',
  results_reported: 'exStateResultsReported', law_amended: 'exStateLawAmended', temporary_permit: 'exStateTemporaryPermit',
  ended: 'exStateEnded', cancelled: 'exStateCancelled', withdrawn: 'exStateWithdrawn',
};
export const stateText = (state: string, t: Translate): string => (STATE_KEYS[state] ? t(STATE_KEYS[state]) : state);

const STATE_TONE: Record<string, string> = {
  active: 'bg-light-primary', extended: 'bg-light-primary', granted: 'bg-light-primary', amendment_requested: 'bg-light-warning',
  law_amended: 'bg-light-success', temporary_permit: 'bg-light-success', cancelled: 'bg-light-danger', rejected: 'bg-light-danger',
};

export function ExemptionStateBadge({ state }: { state: string }) {
  const { t } = useApp();
  return (
    <span className={`krds-badge ${STATE_TONE[state] ?? 'bg-light-gray'} zl-ex-state`} data-state={state}>
      {stateText(state, t)}
    </span>
  );
}

export { stageText } from '../../../shared/stages.ts';

export { seoulToday } from '../../../shared/dates.ts';
export { Day } from '../../../shared/ui/text.tsx';
export { DateField, LineField } from '../../../shared/forms/fields.tsx';
export { articleText } from '../../regulations/index.ts';

/** Text with [start, end) ranges marked, as the search API returns them. */
export function Highlighted({ text, ranges }: { text: string; ranges: number[][] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start = 0, end = 0], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A labelled select over fixed values with an "all" option (filters). */
export function FilterSelect({
  id, label, value, onChange, options,
}: {
  id: string; label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[];
}) {
  const { t } = useApp();
  return (
    <div className="form-group">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="krds-form-select completed" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filterAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The longest lawful last day a refused term offers (`maxUntil` of `exceeds-maximum` / `beyond-zone-period`, ADR 0013). */
export function lawfulMaxOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const offered = (error.problem.violations ?? [])
    .filter((v) => v.code === 'exceeds-maximum' || v.code === 'beyond-zone-period')
    .map((v) => v.params.maxUntil)
    .filter((d): d is string => typeof d === 'string');
  return offered.length > 0 ? offered.sort()[0]! : null;
}

/** "Use the longest lawful term" after a refusal: sets the field to the day the server offered. */
export function LawfulTermOffer({ error, onUse }: { error: unknown; onUse: (day: string) => void }) {
  const { t, lang } = useApp();
  const day = lawfulMaxOf(error);
  if (day === null) return null;
  return (
    <p className="zl-ex-offer" data-testid="lawful-term-offer">
      <button type="button" className="krds-btn small secondary" onClick={() => onUse(day)}>
        {t('exUseLawfulMax', { date: formatDay(day, lang) ?? day })}
      </button>
    </p>
  );
}
