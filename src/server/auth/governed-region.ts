// A local government's reach written in SQL, as the policy (src/domain/auth/policy.ts) decides it in code: its own
// region, and for a province (a two-digit code) every municipality that belongs to it today (`provinces.ts`):
// those under its code prefix except the ones that moved away, and those that moved in — 군위군 (37310) belongs to
// 대구 (22) since 2023-07-01, not to 경북 (37).
import { sql, type Expression, type SqlBool } from 'kysely';
import { movedMunicipalities } from '../../domain/regions/provinces.ts';

/** Whether the region code in `column` (a column reference written in code) is governed by a government of `code`. */
export function governedRegion(columnName: string, code: string): Expression<SqlBool> {
  const column = sql.ref(columnName);
  if (code.length !== 2) return sql<SqlBool>`${column} = ${code}`;
  const movedAway = movedMunicipalities().filter((m) => m.code.startsWith(code) && m.parentCode !== code).map((m) => m.code);
  const movedIn = movedMunicipalities().filter((m) => m.parentCode === code && !m.code.startsWith(code)).map((m) => m.code);
  const underPrefix = movedAway.length === 0
    ? sql<SqlBool>`${column} like ${`${code}%`}`
    : sql<SqlBool>`(${column} like ${`${code}%`} and not (${column} = any(${movedAway}::text[])))`;
  return movedIn.length === 0
    ? sql<SqlBool>`(${column} = ${code} or ${underPrefix})`
    : sql<SqlBool>`(${column} = ${code} or ${underPrefix} or ${column} = any(${movedIn}::text[]))`;
}
