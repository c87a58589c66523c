// Evidence cited for a law amendment or a results report: existing demonstration rows of a project that
// works under this exemption (Act Art. 87(9), 87(11): the results of *this* demonstration).
import type { Database } from '../../db/database.ts';
import { AppError, type FieldError } from '../errors.ts';
import type { EvidenceRef } from './view.ts';

async function projectOf(trx: Database, ref: EvidenceRef): Promise<string | null> {
  switch (ref.type) {
    case 'demonstration_project':
      return (await trx.selectFrom('demonstration_project').select('id').where('id', '=', ref.id).executeTakeFirst())?.id ?? null;
    case 'demonstration_report':
      if (ref.period === undefined) return null;
      return (await trx.selectFrom('demonstration_report').select('project_id').where('project_id', '=', ref.id).where('period_index', '=', ref.period).executeTakeFirst())?.project_id ?? null;
    case 'demonstration_incident':
      return (await trx.selectFrom('demonstration_incident').select('project_id').where('id', '=', ref.id).executeTakeFirst())?.project_id ?? null;
    case 'demonstration_upload':
      return (await trx.selectFrom('demonstration_upload').select('project_id').where('id', '=', ref.id).executeTakeFirst())?.project_id ?? null;
    default:
      return null;
  }
}

/** 400 naming each reference that is unknown or belongs to a project not under this exemption; nothing is written. */
export async function checkEvidence(trx: Database, exemptionId: string, refs: readonly EvidenceRef[]): Promise<void> {
  const fields: FieldError[] = [];
  for (const [i, ref] of refs.entries()) {
    const project = await projectOf(trx, ref);
    const under = project === null ? null
      : await trx.selectFrom('demonstration_project_exemption').select('project_id').where('project_id', '=', project).where('exemption_id', '=', exemptionId).executeTakeFirst();
    if (!under) {
      const code = project === null ? 'unknown-evidence' : 'evidence-of-another-exemption';
      const rule = 'RFZ Act Art. 87(9), 87(11)';
      fields.push({ path: `/body/evidenceRefs/${i}`, keyword: 'rule', params: { code, rule }, violation: { code, rule, params: { type: ref.type, id: ref.id } } });
    }
  }
  if (fields.length > 0) throw new AppError('validation', { fields });
}
