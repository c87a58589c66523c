// Loads the reference regions and their links (KOSTAT/SGIS 2018) into the database; idempotent.
import type { Database } from '../database.ts';
import { regions, regionLinks } from '../../domain/regions/reference.ts';
import { STANDING_GOVERNMENTS } from '../../domain/zones/special-governments.ts';

export async function seedReference(db: Database): Promise<{ regions: number; links: number }> {
  await db.transaction().execute(async (trx) => {
    // Provinces first: municipalities reference them.
    const ordered = [...regions].sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'province' ? -1 : 1));
    for (let i = 0; i < ordered.length; i += 100) {
      const rows = ordered.slice(i, i + 100).map((r) => ({
        code: r.code, level: r.level, parent_code: r.parentCode, name: JSON.stringify(r.name), capital_area: r.capitalArea,
        names: r.names ? JSON.stringify(r.names) : null,
        parents: r.parents ? JSON.stringify(r.parents) : null,
      }));
      await trx.insertInto('region').values(rows)
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'), names: eb.ref('excluded.names'), capital_area: eb.ref('excluded.capital_area'),
          parent_code: eb.ref('excluded.parent_code'), parents: eb.ref('excluded.parents'),
        })))
        .execute();
    }
    for (let i = 0; i < regionLinks.length; i += 200) {
      const rows = regionLinks.slice(i, i + 200).map((l) => ({ a: l.a, b: l.b, kind: l.kind, note: l.note ?? null }));
      await trx.insertInto('region_link').values(rows)
        .onConflict((oc) => oc.columns(['a', 'b']).doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), note: eb.ref('excluded.note') })))
        .execute();
    }
  });
  return { regions: regions.length, links: regionLinks.length };
}

/**
 * The special local governments and integrated special cities (data/reference/special-governments.json) as region
 * rows of their level with their members; idempotent, run at every start so a database migrated before the list
 * changed gets it too.
 */
export async function seedStandingGovernments(db: Database): Promise<number> {
  for (const g of STANDING_GOVERNMENTS) {
    await db.insertInto('region').values({ code: g.code, level: g.level, parent_code: null, name: JSON.stringify(g.name), capital_area: false, members: [...g.members] })
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), members: eb.ref('excluded.members') })))
      .execute();
  }
  return STANDING_GOVERNMENTS.length;
}
