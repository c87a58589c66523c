// The five UI catalogues, read at once for the tests' expected texts (the app itself loads only the reader's).
import { en } from '../../src/web/i18n/en.ts';
import { fr } from '../../src/web/i18n/fr.ts';
import type { MessageValues } from '../../src/domain/i18n/icu.ts';
import { translator, type Catalogue, type Lang, type MessageKey } from '../../src/web/i18n/index.ts';
import { ja } from '../../src/web/i18n/ja.ts';
import { ko } from '../../src/web/i18n/ko.ts';
import { zh } from '../../src/web/i18n/zh.ts';

export const catalogues: Record<Lang, Catalogue> = { ko, en, ja, zh, fr };

/** The message `key` in `lang` with `vars`, as the app renders it (ICU plurals, numbers, dates). */
export const text = (lang: Lang, key: MessageKey, vars?: MessageValues): string => translator(catalogues[lang], lang)(key, vars);
