// A local government's reach written in SQL, as the policy (src/domain/auth/policy.ts) decides it in code: its own
// region, and for a province (a two-digit code) every municipality under it. Lists that decide visibility in SQL use
// it, so a reader who may see none of many rows waits no longer than one who may see them all.
import { sql, type Expression, type SqlBool } from 'kysely';

/** Whether the region code in `column` (a column reference written in code) is governed by a government of `code`. */
export function governedRegion(columnName: string, code: string): Expression<SqlBool> {
  const column = sql.ref(columnName);
  return code.length === 2
    ? sql<SqlBool>`(${column} = ${code} or ${column} like ${`${code}%`})`
    : sql<SqlBool>`${column} = ${code}`;
}
