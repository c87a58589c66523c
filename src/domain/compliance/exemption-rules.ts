/**
 * An exemption's structured conditions (부가조건) compiled into compliance rules for one project that
 * demonstrates under it. Conditions on region, period and scale are what the act allows (Act Art. 86(4);
 * Decree Art. 57-2 bans vague ones), so each becomes a machine-checkable rule:
 *
 * - **area** → `geofence`: the project's sites (municipality polygons) — the exemption applies in the zone
 *   where it was granted (Act Art. 86(1)); without sites there is nothing to check against (reported).
 * - **period** → `timeWindow` over the exemption's validity (Act Art. 86(10), 90(11)), plus daily hours
 *   written in the time condition (`09:00~18:00`).
 * - **quantities** → `maximum` (speed km/h, altitude m, load kg or t, people carried) or `dailyCount`
 *   (times per day) by their unit; a quantity of another unit is listed as not machine-checkable.
 * - **required fields**: the event fields the rules above need.
 * - **insurance** → `insurance`: the project's policies whose cover reaches both Decree Art. 60(1) and the
 *   exemption's own stated cover must be valid at each event's time (Act Art. 88(2), 90(7)).
 */
import { DECREE_60_MINIMUM_COVER, type AreaGeometry, type EventField, type InsuranceCover, type InsurancePolicy, type Measure, type Rule } from './rules.ts';

export interface ConditionQuantity {
  readonly item: { readonly ko: string; readonly en?: string };
  readonly max: number;
  readonly unit: string;
}

export interface ExemptionConditionsInput {
  readonly id: string;
  readonly kind: 'rapid_confirmation' | 'demonstration_exemption' | 'temporary_permit' | 'menu_special_case';
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly conditions: {
    readonly quantities: readonly ConditionQuantity[];
    readonly time: { readonly ko: string; readonly en?: string } | null;
    readonly insurance: InsuranceCover | null;
  };
}

export interface ProjectRuleContext {
  /** The project's sites as one area (null: no sites). */
  readonly area: AreaGeometry | null;
  /** The project's liability insurance policies. */
  readonly policies: readonly InsurancePolicy[];
}

export type NotCheckable =
  | { readonly condition: 'quantity'; readonly index: number; readonly unit: string }
  | { readonly condition: 'area' };

export interface CompiledExemption {
  readonly rules: readonly Rule[];
  readonly notCheckable: readonly NotCheckable[];
}

const SPEED = new Set(['km/h', 'kmh', 'kph', 'km/hr', 'km/시']);
const LOAD_KG = new Set(['kg', '킬로그램']);
const LOAD_T = new Set(['t', 'ton', 'tons', 'tonne', 'tonnes', '톤']);
const PEOPLE = new Set(['명', '인', 'persons', 'person', 'people', 'passengers', 'pax']);
const METRES = new Set(['m', 'metre', 'metres', 'meter', 'meters', '미터']);
const ALTITUDE_WORDS = /고도|altitude|height|高度|높이/i;
const PER_DAY = /^(회|times|flights|trips|sessions|운행|비행)?\s*\/\s*(일|day|d)$/i;

/** Which rule a quantity condition becomes, by its unit (and, for metres, its wording). */
function quantityRule(q: ConditionQuantity, id: string, label: string): Rule | null {
  const unit = q.unit.trim().toLowerCase();
  const measure = (m: Measure, max: number): Rule => ({ id, kind: 'maximum', label, measure: m, max });
  if (SPEED.has(unit)) return measure('speed', q.max);
  if (LOAD_KG.has(unit)) return measure('load', q.max);
  if (LOAD_T.has(unit)) return measure('load', q.max * 1000);
  if (PEOPLE.has(unit)) return measure('people', q.max);
  if (METRES.has(unit) && (ALTITUDE_WORDS.test(q.item.ko) || ALTITUDE_WORDS.test(q.item.en ?? ''))) return measure('altitude', q.max);
  if (PER_DAY.test(unit) && Number.isInteger(q.max)) return { id, kind: 'dailyCount', label, per: 'device', unit: 'sessions', max: q.max };
  return null;
}

const HOURS = /([01]?\d|2[0-4]):([0-5]\d)\s*[~\-–—]\s*([01]?\d|2[0-4]):([0-5]\d)/g;
const pad = (h: string, m: string) => `${h.padStart(2, '0')}:${m}`;

/** Daily hours written in a time condition, e.g. "주간 09:00~18:00" (every day of the week). */
export function dailyHours(text: string): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  for (const m of text.matchAll(HOURS)) {
    const start = pad(m[1]!, m[2]!);
    const end = pad(m[3]!, m[4]!);
    if (start <= '23:59' && end <= '24:00' && start !== end) out.push({ start, end });
  }
  return out;
}

const covers = (cover: InsuranceCover | undefined, minimum: InsuranceCover): boolean =>
  cover !== undefined && (Object.keys(minimum) as (keyof InsuranceCover)[]).every((k) => cover[k] >= minimum[k]);

/** Rules of one exemption for one project; rule ids are `<exemption id>/<condition>`. */
export function compileExemptionRules(exemption: ExemptionConditionsInput, project: ProjectRuleContext): CompiledExemption {
  const rules: Rule[] = [];
  const notCheckable: NotCheckable[] = [];
  const id = (part: string) => `${exemption.id}/${part}`;
  const needed = new Set<EventField>();

  if (project.area) {
    rules.push({ id: id('area'), kind: 'geofence', label: 'Act Art. 86(1), 86(4): the project\'s sites in the zone', area: project.area });
    needed.add('lon').add('lat');
  } else {
    notCheckable.push({ condition: 'area' });
  }

  const hours = exemption.conditions.time ? dailyHours(exemption.conditions.time.ko) : [];
  if (exemption.validFrom !== null || exemption.validUntil !== null || hours.length > 0) {
    rules.push({
      id: id('period'), kind: 'timeWindow', label: 'Act Art. 86(4), 86(10): within the exemption\'s validity and hours',
      ...(hours.length > 0 ? { windows: hours.map((h) => ({ days: [0, 1, 2, 3, 4, 5, 6] as const, ...h })) } : {}),
      ...(exemption.validFrom !== null ? { validFrom: exemption.validFrom } : {}),
      ...(exemption.validUntil !== null ? { validTo: exemption.validUntil } : {}),
    });
  }

  exemption.conditions.quantities.forEach((q, i) => {
    const rule = quantityRule(q, id(`quantity-${i + 1}`), `Act Art. 86(4): ${q.item.ko} ≤ ${q.max} ${q.unit}`);
    if (rule === null) { notCheckable.push({ condition: 'quantity', index: i, unit: q.unit }); return; }
    rules.push(rule);
    if (rule.kind === 'maximum') needed.add(rule.measure);
    else needed.add('deviceId').add('sessionId');
  });

  const insured = exemption.kind === 'demonstration_exemption' || exemption.kind === 'temporary_permit' || exemption.conditions.insurance !== null;
  if (insured) {
    const stated = exemption.conditions.insurance ?? DECREE_60_MINIMUM_COVER;
    const minimum = Object.fromEntries((Object.keys(DECREE_60_MINIMUM_COVER) as (keyof InsuranceCover)[])
      .map((k) => [k, Math.max(stated[k], DECREE_60_MINIMUM_COVER[k])])) as unknown as InsuranceCover;
    rules.push({
      id: id('insurance'), kind: 'insurance', label: 'Act Art. 88(2), 90(7); Decree Art. 60(1): liability insurance valid at the event\'s time',
      policies: project.policies.filter((p) => covers(p.cover, minimum)),
    });
  }

  if (needed.size > 0) {
    const order: EventField[] = ['deviceId', 'sessionId', 'lon', 'lat', 'speed', 'altitude', 'load', 'people'];
    rules.push({ id: id('fields'), kind: 'requiredFields', label: 'the fields the conditions are checked on', fields: order.filter((f) => needed.has(f)) });
  }
  return { rules, notCheckable };
}
