// Designation creates the zone (RFZ Act Art. 75(3)–(4); Decree Art. 44(3)): its period and regions, a designation
// number and the gazette-style public notice built from the approved plan, and the first line of its history.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import type { CivilDate } from '../../domain/calendar/civil-date.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { buildDesignationNotice, designationNumber } from '../../domain/zones/designation-notice.ts';
import { participantsOf, type PlanContent } from '../plans/content.ts';
import { addZoneEvent } from './store.ts';

export interface DesignationInput {
  readonly planId: string;
  readonly content: PlanContent;
  readonly zoneName: I18nText | null;
  readonly meetingOn: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly conditions: I18nText | null;
  readonly gazettedOn: CivilDate;
  readonly actorUserId: string;
}

export async function designateZone(trx: Database, input: DesignationInput): Promise<{ zoneId: string; number: string }> {
  const c = input.content;
  const zoneId = randomUUID();
  const year = Number(input.gazettedOn.slice(0, 4));
  const prefix = `RFZ-${year}-`;
  const taken = await trx.selectFrom('zone').select((eb) => eb.fn.countAll<string>().as('n')).where('designation_number', 'like', `${prefix}%`).executeTakeFirstOrThrow();
  const number = designationNumber(year, Number(taken.n) + 1);
  const sections = participantsOf(c).map((code) => c.sections[code]).filter((s) => s !== undefined);
  const notice = buildDesignationNotice({
    number, gazettedOn: input.gazettedOn, name: input.zoneName ?? c.title, summary: c.summary, industries: c.industries,
    sites: sections.flatMap((s) => s.sites.map((site) => ({ regionCode: site.regionCode, areaSqm: site.areaSqm }))),
    companies: sections.flatMap((s) => s.companies.map((co) => ({ name: co.name, address: co.address }))),
    exemptions: c.exemptions.map((e) => ({ kind: e.kind, law: e.law, provision: e.provision, request: e.request })),
    regions: participantsOf(c), periodStart: input.periodStart as CivilDate, periodEnd: input.periodEnd as CivilDate, conditions: input.conditions,
  });
  const field: I18nText = c.industries.length > 0
    ? { ko: c.industries.map((i) => i.ko).join(', '), ...(c.industries.every((i) => i.en) ? { en: c.industries.map((i) => i.en).join(', ') } : {}) }
    : c.title;
  await trx.insertInto('zone').values({
    id: zoneId, name: JSON.stringify(notice.name), field: JSON.stringify(field), model: c.model, round: null, committee_date: input.meetingOn,
    state: 'designated', outcome: null, status_note: input.conditions ? JSON.stringify(input.conditions) : null,
    period_start: input.periodStart, period_end: input.periodEnd, source: 'platform', designation_number: number, notice: JSON.stringify(notice),
  }).execute();
  await trx.insertInto('zone_region').values(participantsOf(c).map((code) => ({ zone_id: zoneId, region_code: code, role: code === c.leadRegion ? 'lead' as const : 'partner' as const }))).execute();
  await addZoneEvent(trx, zoneId, 'designated', input.gazettedOn, { number, plan: input.planId, periodStart: input.periodStart, periodEnd: input.periodEnd }, input.actorUserId);
  return { zoneId, number };
}
