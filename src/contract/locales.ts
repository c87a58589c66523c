// The five languages of the API (Accept-Language, a user's locale, texts per language).
export const LOCALES = ['ko', 'en', 'ja', 'zh', 'fr'] as const;
