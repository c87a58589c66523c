// The signed-in user as the API shows it.
import { Type, type Static } from 'typebox';
import { I18nTextSchema, LocaleSchema, Nullable } from './common.ts';

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
}, { title: 'Me' });
export type Me = Static<typeof MeSchema>;

/** A browser session: the user and the token that every write sends as X-CSRF-Token. */
export const SessionSchema = Type.Object({ user: MeSchema, csrfToken: Type.String() });
export type Session = Static<typeof SessionSchema>;
