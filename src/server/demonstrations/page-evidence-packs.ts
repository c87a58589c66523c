// A page of the evidence packs a reader may download, oldest project first — visibility decided in SQL by the same
// rule as the policy's `project:evidence` (src/domain/auth/policy.ts): whoever reads the project, and a responsible
// ministry for the projects using an exemption that suspends one of its regulations. tests/api/list-pages-more.test.ts
// checks it against the policy.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import type { Actor } from '../../domain/auth/types.ts';
import { inPageOrder, pageOf, type ListSpec, type PageRequest } from '../http/pages.ts';
import { visibleProjects } from './page-projects.ts';
import { selectProjects } from './store.ts';

export const EVIDENCE_PACK_LIST: ListSpec<'created'> = {
  list: 'evidence-packs', defaultSort: 'created', defaultLimit: 50, maxLimit: 200,
  orders: { created: { direction: 'asc', columns: [{ sql: 'demonstration_project.created_at', type: 'timestamptz' }, { sql: 'demonstration_project.id', type: 'uuid' }] } },
};

function readableEvidence(actor: Actor): (eb: ExpressionBuilder<DB, 'demonstration_project'>) => Expression<SqlBool> {
  if (actor.orgKind !== 'responsible_ministry') return visibleProjects(actor);
  return () => sql<SqlBool>`exists (select 1 from demonstration_project_exemption dpe
    join exemption_regulation er on er.exemption_id = dpe.exemption_id
    join regulation r on r.id = er.regulation_id
    join organisation o on o.ministry_code = r.ministry and o.kind = 'responsible_ministry'
    where dpe.project_id = demonstration_project.id and o.id = ${actor.organisationId})`;
}

export async function pageEvidencePacks(db: Database, actor: Actor, page: PageRequest) {
  const query = selectProjects(db).where(readableEvidence(actor));
  const { rows, next } = pageOf(page, await inPageOrder(query, page).execute());
  const exemptionIds = [...new Set(rows.flatMap((r) => r.exemption_ids))];
  const titles = new Map(exemptionIds.length === 0 ? [] : (await db.selectFrom('exemption').select(['id', 'title']).where('id', 'in', exemptionIds).execute()).map((e) => [e.id, e.title as I18nText]));
  return {
    items: rows.map((r) => ({
      projectId: r.id, title: r.title as I18nText, zoneId: r.zone_id, state: r.state, demo: r.demo,
      exemptions: r.exemption_ids.map((id) => ({ id, title: titles.get(id) ?? { ko: id } })),
      pdf: `/api/projects/${r.id}/evidence-pack.pdf`, csv: `/api/projects/${r.id}/evidence-pack.csv`,
    })),
    next,
  };
}
