// Schema pieces shared by the contract of every capability (texts, languages, problems, ids).
import { Type, type Static, type TSchema } from 'typebox';
import { LOCALES } from './locales.ts';

/** No C0 control characters except tab, line feed and carriage return; no DEL. */
export const SAFE_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

export const Text = (maxLength: number, minLength = 0) =>
  Type.String({ minLength, maxLength, pattern: SAFE_TEXT_PATTERN });

/** A line of text: no control characters at all. */
export const Line = (maxLength: number, minLength = 1) =>
  Type.String({ minLength, maxLength, pattern: '^[^\\u0000-\\u001F\\u007F]*$' });

export const LocaleSchema = Type.Enum([...LOCALES]);

export const I18nTextSchema = (maxLength: number) =>
  Type.Object(
    {
      ko: Text(maxLength, 1),
      en: Type.Optional(Text(maxLength)),
      ja: Type.Optional(Text(maxLength)),
      zh: Type.Optional(Text(maxLength)),
      fr: Type.Optional(Text(maxLength)),
    },
    { additionalProperties: false, title: `I18nText${maxLength}`, description: `a text in Korean and optionally in en, ja, zh and fr, at most ${maxLength} characters each` },
  );

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  instance: Type.Optional(Type.String()),
  requestId: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  guards: Type.Optional(Type.Array(Type.Object({
    guard: Type.String(),
    article: Type.String(),
    violations: Type.Optional(Type.Array(Type.Object({ path: Type.Optional(Type.String()), code: Type.String(), rule: Type.String(), params: Type.Record(Type.String(), Type.Unknown()), message: Type.String() }))),
  }))),
  violations: Type.Optional(Type.Array(Type.Object({ path: Type.Optional(Type.String()), code: Type.String(), rule: Type.String(), params: Type.Record(Type.String(), Type.Unknown()), message: Type.String() }), {
    description: 'the rules the request breaks, each as data and as a sentence in the request\'s language (refused exemption operations)',
  })),
  transition: Type.Optional(Type.Object({ state: Type.String(), action: Type.String(), allowed: Type.Array(Type.String()) })),
  limit: Type.Optional(Type.Object({ name: Type.String(), max: Type.Integer() }, {
    description: 'the input limit a file or body went beyond (input-limit): its name (INPUT_MAX_… in the README) and value',
  })),
}, { title: 'Problem', description: 'application/problem+json (RFC 9457) in the language of the request' });

export const Uuid = Type.String({ format: 'uuid', examples: ['0b6f3c2e-5d1a-4f7e-9a8b-2c4d6e8f0a1b'] });
/** A civil date (YYYY-MM-DD), in Korea's calendar. */
export const DateOnly = Type.String({ format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', examples: ['2026-12-08'] });

/** A text in Korean and optionally in the other four languages. */
export type I18nText = Static<ReturnType<typeof I18nTextSchema>>;
export type Problem = Static<typeof ProblemSchema>;
