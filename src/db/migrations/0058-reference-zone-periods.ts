// The 42 reference zones get their designation periods (issue 15, item 3; data/reference/zones.json, each start and
// end with its basis), so that the zone's period caps exemption terms and the deadline scan expires them. A zone
// whose end was not found keeps a null end.
import { sql, type Kysely } from 'kysely';
import { referenceZoneData, referenceZoneId } from '../seed/zones.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [index, zone] of referenceZoneData.zones.entries()) {
    await sql`update zone set period_start = ${zone.period.start}, period_end = ${zone.period.end}
      where id = ${referenceZoneId(zone, index)} and source = 'reference' and period_start is null and period_end is null`.execute(db);
  }
}
