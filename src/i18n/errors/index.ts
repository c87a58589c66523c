import type { Locale } from '../locales.ts';
import type { ErrorCatalogue } from './catalogue.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { zh } from './zh.ts';

export const errorCatalogues: Record<Locale, ErrorCatalogue> = { ko, en, ja, zh, fr };
export type { ErrorCatalogue };
