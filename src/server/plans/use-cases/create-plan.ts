// A government starts a plan it leads (RFZ Act Art. 72(1)). Each call creates a new plan (POST without a key).
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../db/database.ts';
import type { I18nText } from '../../../domain/i18n-text.ts';
import { checkApplicantsAndSites } from '../../../domain/zones/eligibility.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';
import { applicantsOf, isGovernment, EMPTY_CONSULTATION, emptyContent } from '../content.ts';
import { invalid, ruleFailure } from '../plan-rules.ts';
import { insertPlan } from '../store.ts';

export interface CreatePlanInput { model: 'single' | 'connected'; leadRegion: string; title: I18nText }

export function createPlan(db: Database, caller: Caller, input: CreatePlanInput): Promise<string> {
  const { model, leadRegion, title } = input;
  return runWrite(db, caller, {
    action: 'plan:create', target: { kind: 'region', code: leadRegion },
    apply: async (ctx) => {
      if (!isGovernment(leadRegion)) throw invalid([{ path: '/body/leadRegion', keyword: 'unknown', params: { value: leadRegion } }]);
      const content = emptyContent(model, leadRegion, title);
      const eligibility = checkApplicantsAndSites(applicantsOf(content), []).filter((v) => v.code !== 'no-site');
      if (eligibility.length > 0) throw ruleFailure(caller.locale, 'applicants-eligible', eligibility);
      const id = randomUUID();
      await insertPlan(ctx.trx, { id, content, demo: false, actor: ctx.actor, change: 'create', consultation: EMPTY_CONSULTATION });
      await ctx.audit({ action: 'plan:create', objectType: 'zone_plan', objectId: id, before: null, after: { model, leadRegion, title } });
      return id;
    },
  });
}
