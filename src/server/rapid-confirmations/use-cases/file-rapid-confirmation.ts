// A company asks whether what it wants to do in a zone needs a permit, and which rules apply (Art. 85(1)).
// Each call files a new request (no natural key).
import { randomUUID } from 'node:crypto';
import type { Static } from 'typebox';
import type { Database } from '../../../db/database.ts';
import type { FieldError } from '../../errors.ts';
import type { Caller } from '../../write/caller.ts';
import { runWrite } from '../../write/run-write.ts';
import { invalid, transition } from '../rapid-rules.ts';
import type { RapidFileInput } from '../../../contract/rapid-confirmations.ts';
import { loadRequest, notifyRequest } from '../store.ts';

export function fileRapidConfirmation(db: Database, caller: Caller, body: Static<typeof RapidFileInput>): Promise<string> {
  return runWrite(db, caller, {
    action: 'rapid-confirmation:file', target: { kind: 'none' },
    apply: async ({ trx, actor, today, audit }) => {
      const fields: FieldError[] = [];
      const zone = await trx.selectFrom('zone').select(['id', 'state']).where('id', '=', body.zoneId).executeTakeFirst();
      if (!zone) fields.push({ path: '/body/zoneId', keyword: 'invalid' });
      const known = body.regulationIds.length === 0 ? [] : await trx.selectFrom('regulation').select('id').where('id', 'in', body.regulationIds).execute();
      if (known.length !== body.regulationIds.length) fields.push({ path: '/body/regulationIds', keyword: 'invalid' });
      if (body.ministryId !== null) {
        const m = await trx.selectFrom('organisation').select('kind').where('id', '=', body.ministryId).executeTakeFirst();
        if (m?.kind !== 'responsible_ministry') fields.push({ path: '/body/ministryId', keyword: 'invalid' });
      }
      if (fields.length > 0) throw invalid(fields);
      if (!['designated', 'evaluated', 'extended'].includes(zone!.state)) throw transition('file', zone!.state, 'designated, evaluated, extended');
      const id = randomUUID();
      await trx.insertInto('rapid_confirmation').values({
        id, zone_id: body.zoneId, company_id: actor.organisationId, filed_by: actor.userId, activity: JSON.stringify(body.activity), regulation_ids: JSON.stringify(body.regulationIds),
        ministry_id: body.ministryId, state: 'filed', filed_on: today, forwarded_on: null, local_answer: null, committee_due: null, committee_decision: null, committee_note: null, decided_on: null,
      }).execute();
      await audit({ action: 'rapid-confirmation:file', objectType: 'rapid_confirmation', objectId: id, before: null, after: { zone: body.zoneId, regulations: body.regulationIds, ministry: body.ministryId } });
      await notifyRequest(trx, (await loadRequest(trx, id))!, { state: 'rapid:filed', actorUserId: actor.userId });
      return id;
    },
  });
}
