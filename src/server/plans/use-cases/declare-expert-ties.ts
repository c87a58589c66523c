// The expert declares its ties to governments and companies (Decree Art. 50). Declaring the same ties again changes
// nothing and records nothing (idempotent); the expert's user row is locked so repeats run one after another.
import { isDeepStrictEqual } from 'node:util';
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import { regionByCode } from '../../../domain/regions/reference.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';
import { invalidField, tiesOf } from '../review-rules.ts';
import type { TiesInput } from '../../../contract/plan-review.ts';

export async function declareExpertTies(db: Database, caller: Caller, input: Static<typeof TiesInput>): Promise<void> {
  const ties = input.ties.map((t) => (t.kind === 'company' ? { ...t, name: t.name.trim() } : t));
  await runWrite(db, caller, {
    action: 'expert:declare-ties', resource: 'user', target: { kind: 'none' },
    lock: async (trx) => (caller.actor ? await trx.selectFrom('app_user').select('id').where('id', '=', caller.actor.userId).forUpdate().executeTakeFirst() : {}),
    apply: async ({ trx, actor, audit }) => {
      ties.forEach((t, i) => { if (t.kind === 'government' && !regionByCode(t.regionCode)) throw invalidField(`/body/ties/${i}/regionCode`, 'unknown', { value: t.regionCode }); });
      const before = await tiesOf(trx, actor.userId);
      if (isDeepStrictEqual(before, JSON.parse(JSON.stringify(ties)))) return;
      await trx.insertInto('expert_declaration').values({ user_id: actor.userId, ties: JSON.stringify(ties), updated_at: new Date() })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ ties: JSON.stringify(ties), updated_at: new Date() })).execute();
      await audit({ action: 'expert:declare-ties', objectType: 'app_user', objectId: actor.userId, before: { ties: before }, after: { ties } });
    },
  });
}
