// Runs a project's compiled compliance rules over its stored events, read in keyset-paginated batches
// (time order, then upload and line) straight into the engine's columnar batches.
import type { Database } from '../../db/database.ts';
import { compileRules, validateRules, type ComplianceReport, type EventBatch, type Rule, type RuleIssue } from '../../domain/compliance/index.ts';
import { compileExemptionRules, type ExemptionConditionsInput, type NotCheckable } from '../../domain/compliance/exemption-rules.ts';
import { insurancePolicy, type LiabilityInsurance } from '../../domain/demonstrations/project.ts';
import { suspensionRule, type SuspensionRecord } from '../../domain/demonstrations/suspension.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { municipalitiesArea } from './areas.ts';
import type { ProjectRow } from './store.ts';

export const READ_BATCH = 10_000;
export const INSURANCE_RULE_ID = 'decree-60-insurance';

/** The project's rules, plus — when it needs insurance — its policy as an `insurance` rule (Decree Art. 60). */
export function projectRules(row: ProjectRow): { rules: readonly Rule[]; warnings: readonly RuleIssue[] } {
  const stored = row.rules as unknown[];
  const extra: unknown[] = [];
  const insurance = row.insurance as LiabilityInsurance | null;
  const policy = insurance ? insurancePolicy(insurance) : null;
  if (row.insurance_required && !stored.some((r) => (r as { id?: unknown } | null)?.id === INSURANCE_RULE_ID)) {
    extra.push({ id: INSURANCE_RULE_ID, kind: 'insurance', label: 'Decree Art. 60 liability insurance', policies: policy ? [policy] : [] });
  }
  const result = validateRules([...stored, ...extra]);
  if (!result.ok) throw new Error(`stored rules of project ${row.id} no longer validate`);
  return { rules: result.rules, warnings: result.warnings };
}

export interface ExemptionRules {
  readonly exemptionId: string;
  readonly title: I18nText;
  readonly kind: ExemptionConditionsInput['kind'];
  readonly state: string;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly rules: readonly Rule[];
  readonly notCheckable: readonly NotCheckable[];
  /** While the exemption is suspended for the project: since when (ISO instant). */
  readonly suspendedSince: string | null;
}

/** Every suspension of the project's exemptions, lifted or not (the engine judges past events by them too). */
async function suspensionRecords(db: Database, projectId: string): Promise<SuspensionRecord[]> {
  const rows = await db.selectFrom('demonstration_exemption_suspension').select(['id', 'exemption_id', 'suspended_at', 'lifted_at'])
    .where('project_id', '=', projectId).orderBy('suspended_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, exemptionId: r.exemption_id, suspendedAt: r.suspended_at.getTime(), liftedAt: r.lifted_at?.getTime() ?? null }));
}

/**
 * The project's exemptions (in the project's order) with their conditions compiled into rules, plus — for an
 * exemption ever suspended for the project after a serious incident — a `suspension` rule over its periods.
 */
export async function exemptionRules(db: Database, row: ProjectRow): Promise<ExemptionRules[]> {
  if (row.exemption_ids.length === 0) return [];
  const found = await db.selectFrom('exemption').select(['id', 'kind', 'title', 'state', 'valid_from', 'valid_until', 'conditions'])
    .where('id', 'in', row.exemption_ids).execute();
  const insurance = row.insurance as LiabilityInsurance | null;
  const policy = insurance ? insurancePolicy(insurance) : null;
  const context = { area: municipalitiesArea(row.sites), policies: policy ? [policy] : [] };
  const suspensions = await suspensionRecords(db, row.id);
  return row.exemption_ids.flatMap((id) => {
    const e = found.find((x) => x.id === id);
    if (!e) return [];
    const compiled = compileExemptionRules({
      id: e.id, kind: e.kind, validFrom: e.valid_from, validUntil: e.valid_until, conditions: e.conditions as ExemptionConditionsInput['conditions'],
    }, context);
    const suspension = suspensionRule(suspensions, e.id);
    const open = suspensions.find((s) => s.exemptionId === e.id && s.liftedAt === null);
    const checked = validateRules(suspension ? [...compiled.rules, suspension] : compiled.rules);
    if (!checked.ok) throw new Error(`conditions of exemption ${e.id} compile to invalid rules: ${JSON.stringify(checked.errors.slice(0, 3))}`);
    return [{
      exemptionId: e.id, title: e.title as I18nText, kind: e.kind, state: e.state, validFrom: e.valid_from, validUntil: e.valid_until,
      rules: checked.rules, notCheckable: compiled.notCheckable,
      suspendedSince: open ? new Date(open.suspendedAt).toISOString() : null,
    }];
  });
}

const num = (v: number | null): number => (v === null ? NaN : v);
const id = (v: number | null): number => (v === null ? -1 : v);

export interface ProjectCompliance {
  rules: readonly Rule[];
  warnings: readonly RuleIssue[];
  report: ComplianceReport;
  /** Per exemption the project uses: its conditions as rules and their report over the same events. */
  exemptions: (ExemptionRules & { report: ComplianceReport })[];
}

/** One pass over the project's events feeds the project's own rules and each exemption's rules. */
export async function complianceReport(db: Database, row: ProjectRow, examplesPerRule: number): Promise<ProjectCompliance> {
  const { rules, warnings } = projectRules(row);
  const exemptions = await exemptionRules(db, row);
  const runs = [rules, ...exemptions.map((e) => e.rules)].map((set) => compileRules(set).start({ examplesPerRule }));
  let cursor: { ts: Date; upload: string; row: number } | null = null;
  for (;;) {
    let query = db.selectFrom('demonstration_event')
      .select(['ts', 'upload_id', 'row_no', 'device_id', 'session_id', 'lon', 'lat', 'speed', 'altitude', 'load', 'people'])
      .where('project_id', '=', row.id)
      .orderBy('ts').orderBy('upload_id').orderBy('row_no')
      .limit(READ_BATCH);
    if (cursor !== null) {
      const c: { ts: Date; upload: string; row: number } = cursor;
      query = query.where((eb) => eb(eb.refTuple('ts', 'upload_id', 'row_no'), '>', eb.tuple(c.ts, c.upload, c.row)));
    }
    const events = await query.execute();
    if (events.length === 0) break;
    const n = events.length;
    const batch: Required<EventBatch> = {
      ts: new Float64Array(n), deviceId: new Int32Array(n), sessionId: new Int32Array(n), lon: new Float64Array(n), lat: new Float64Array(n),
      speed: new Float64Array(n), altitude: new Float64Array(n), load: new Float64Array(n), people: new Float64Array(n),
    };
    for (let i = 0; i < n; i += 1) {
      const e = events[i]!;
      batch.ts[i] = e.ts.getTime();
      batch.deviceId[i] = id(e.device_id);
      batch.sessionId[i] = id(e.session_id);
      batch.lon[i] = num(e.lon);
      batch.lat[i] = num(e.lat);
      batch.speed[i] = num(e.speed);
      batch.altitude[i] = num(e.altitude);
      batch.load[i] = num(e.load);
      batch.people[i] = num(e.people);
    }
    for (const run of runs) run.push(batch);
    const last = events[n - 1]!;
    cursor = { ts: last.ts, upload: last.upload_id, row: last.row_no };
    if (n < READ_BATCH) break;
  }
  const [report, ...perExemption] = runs.map((run) => run.finish());
  return { rules, warnings, report: report!, exemptions: exemptions.map((e, i) => ({ ...e, report: perExemption[i]! })) };
}
