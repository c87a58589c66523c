// The five notification catalogues (typed by ./catalogue.ts).
import type { Locale } from '../locales.ts';
import type { NotificationCatalogue } from './catalogue.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { ja } from './ja.ts';
import { ko } from './ko.ts';
import { zh } from './zh.ts';

export const notificationCatalogues: Record<Locale, NotificationCatalogue> = { ko, en, ja, zh, fr };
