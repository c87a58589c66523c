// The five UI catalogues, read at once for the tests' expected texts (the app itself loads only the reader's).
import { en } from '../../src/web/i18n/en.ts';
import { fr } from '../../src/web/i18n/fr.ts';
import type { Catalogue, Lang } from '../../src/web/i18n/index.ts';
import { ja } from '../../src/web/i18n/ja.ts';
import { ko } from '../../src/web/i18n/ko.ts';
import { zh } from '../../src/web/i18n/zh.ts';

export const catalogues: Record<Lang, Catalogue> = { ko, en, ja, zh, fr };
