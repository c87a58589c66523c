// The signed-in user as the API shows it, read from the database (shape: src/contract/me.ts).
import type { Me } from '../../contract/me.ts';
import type { Database } from '../../db/database.ts';
import { notFound } from '../errors.ts';

export async function loadMe(db: Database, userId: string): Promise<Me> {
  const row = await db
    .selectFrom('app_user')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select([
      'app_user.id', 'app_user.email', 'app_user.display_name', 'app_user.locale', 'app_user.role',
      'organisation.id as org_id', 'organisation.kind', 'organisation.name', 'organisation.region_code', 'organisation.demo',
    ])
    .where('app_user.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound('user');
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    role: row.role,
    organisation: { id: row.org_id, kind: row.kind, name: row.name, regionCode: row.region_code, demo: row.demo },
  };
}
