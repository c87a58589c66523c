// The 42 zones designated in rounds 1–10 (DOMAIN.md §7) as reference data; idempotent.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import zonesJson from '../../../data/reference/zones.json' with { type: 'json' };
import type { Database } from '../database.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { regionNameOn } from '../../domain/regions/names.ts';
import { regionByCode } from '../../domain/regions/reference.ts';
import type { ZoneState } from '../../domain/zones/zone-machine.ts';

interface ReferenceZone {
  round: number;
  region: string;
  ko: string;
  en: string;
  /** ZoneLink's translations (data/reference/zones.json `translations`). */
  ja: string;
  zh: string;
  fr: string;
  state: ZoneState;
  outcome?: 'ended' | 'temporary_permit' | 'cancelled';
  statusNote?: I18nText;
  /** Designation period with its basis (data/reference/zones.json `source`); `end` null where no end was found. */
  period: { start: string; end: string | null; startBasis: string; endBasis: string };
}

export const referenceZoneData = zonesJson as { rounds: Record<string, string>; translations: string; zones: ReferenceZone[] };
const data = referenceZoneData;

export function referenceZoneId(zone: ReferenceZone, index: number): string {
  const h = createHash('sha256').update(`zonelink-reference-zone:${index}:${zone.round}:${zone.region}:${zone.en}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-9${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A reference zone's name and field in five languages: the region's name of the designation date (issue 15,
 * item 5) and the field; ja, zh and fr are ZoneLink's translations (item 9).
 */
export function referenceZoneTexts(zone: ReferenceZone): { name: I18nText; field: I18nText } {
  const region = regionByCode(zone.region);
  if (!region) throw new Error(`reference zone names unknown region ${zone.region}`);
  const committee = data.rounds[String(zone.round)] ?? '9999-12-31';
  const r = regionNameOn(region, committee);
  return {
    name: {
      ko: `${r.ko} ${zone.ko} 규제자유특구`, en: `${r.en} ${zone.en} Regulation-Free Special Zone`,
      ja: `${r.ja ?? r.en} ${zone.ja} 規制自由特区`, zh: `${r.zh ?? r.en} ${zone.zh} 规制自由特区`,
      fr: `Zone spéciale sans réglementation « ${zone.fr} » (${r.fr ?? r.en})`,
    },
    field: { ko: zone.ko, en: zone.en, ja: zone.ja, zh: zone.zh, fr: zone.fr },
  };
}

export async function seedReferenceZones(db: Database): Promise<number> {
  const existing = await db.selectFrom('zone').select('id').where('source', '=', 'reference').limit(1).executeTakeFirst();
  if (existing) {
    // Names, fields and status notes follow the reference data (translations added later reach existing databases
    // here), in one statement that changes only the rows that differ.
    const rows = data.zones.map((zone, index) => {
      const { name, field } = referenceZoneTexts(zone);
      return sql`(${referenceZoneId(zone, index)}::uuid, ${JSON.stringify(name)}::jsonb, ${JSON.stringify(field)}::jsonb, ${zone.statusNote ? JSON.stringify(zone.statusNote) : null}::jsonb)`;
    });
    await sql`update zone set name = v.name, field = v.field, status_note = v.note
      from (values ${sql.join(rows)}) as v (id, name, field, note)
      where zone.id = v.id and zone.source = 'reference'
        and (zone.name <> v.name or zone.field <> v.field or zone.status_note is distinct from v.note)`.execute(db);
    return 0;
  }
  await db.transaction().execute(async (trx) => {
    for (const [index, zone] of data.zones.entries()) {
      const id = referenceZoneId(zone, index);
      const { name, field } = referenceZoneTexts(zone);
      await trx.insertInto('zone').values({
        id, name: JSON.stringify(name), field: JSON.stringify(field), model: 'single', round: zone.round,
        committee_date: data.rounds[String(zone.round)] ?? null, state: zone.state, outcome: zone.outcome ?? null,
        status_note: zone.statusNote ? JSON.stringify(zone.statusNote) : null, period_start: zone.period.start, period_end: zone.period.end, source: 'reference',
      }).execute();
      await trx.insertInto('zone_region').values({ zone_id: id, region_code: zone.region, role: 'lead' }).execute();
    }
  });
  return data.zones.length;
}
