// The signed-in user as the API shows it.
import { Type, type Static } from 'typebox';
import type { Database } from '../../db/database.ts';
import { notFound } from '../errors.ts';
import { I18nTextSchema, LocaleSchema, Nullable } from '../http/schemas.ts';

export const MeSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  locale: LocaleSchema,
  role: Type.Enum(['admin', 'member']),
  organisation: Type.Object({
    id: Type.String(),
    kind: Type.Enum(['ministry', 'local_government', 'company', 'expert', 'responsible_ministry']),
    name: I18nTextSchema(200),
    regionCode: Nullable(Type.String()),
    demo: Type.Boolean(),
  }),
});
export type Me = Static<typeof MeSchema>;

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
