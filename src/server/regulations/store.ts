// Regulations: rows ↔ API objects, and writes that keep the search tokens in step.
import { randomUUID } from 'node:crypto';
import type { Instrument } from '../../contract/regulations.ts';
import type { Database } from '../../db/database.ts';
import type { I18nText } from '../../domain/i18n-text.ts';
import { normaliseText } from '../../domain/i18n-text.ts';
import { regulationFields, tokensOf } from '../../domain/search/documents.ts';


export interface RegulationInput {
  instrument: Instrument;
  law: I18nText;
  article: string;
  paragraph: string | null;
  ministry: string;
  ministryName: I18nText;
  title: I18nText;
  body: I18nText;
  effectiveFrom: string;
  amendments: { date: string; act: string; note: I18nText | null }[];
}

export interface Regulation extends RegulationInput {
  id: string;
  demo: boolean;
  source: 'reference' | 'demo' | 'platform';
  updatedAt: string;
}

type Row = Awaited<ReturnType<typeof selectRegulations>>[number];
export function selectRegulations(db: Database) {
  return db.selectFrom('regulation').select(['id', 'instrument', 'law', 'article', 'paragraph', 'ministry', 'ministry_name', 'title', 'body', 'effective_from', 'amendments', 'demo', 'source', 'updated_at', 'search_tokens']).execute();
}

export function toRegulation(r: Omit<Row, 'search_tokens'>): Regulation {
  return {
    id: r.id, instrument: r.instrument, law: r.law, article: r.article, paragraph: r.paragraph, ministry: r.ministry, ministryName: r.ministry_name,
    title: r.title, body: r.body, effectiveFrom: r.effective_from, amendments: r.amendments, demo: r.demo, source: r.source,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function normaliseRegulation(input: RegulationInput): RegulationInput {
  return {
    ...input,
    law: normaliseText(input.law), article: input.article.trim(), paragraph: input.paragraph?.trim() || null, ministry: input.ministry.trim(),
    ministryName: normaliseText(input.ministryName), title: normaliseText(input.title), body: normaliseText(input.body),
    amendments: input.amendments.map((a) => ({ date: a.date, act: a.act.trim(), note: a.note ? normaliseText(a.note) : null })),
  };
}

/** Same law (Korean name), article and paragraph: one provision. */
export async function findSameProvision(db: Database, input: RegulationInput): Promise<string | null> {
  const rows = await db.selectFrom('regulation').select(['id', 'law', 'paragraph']).where('instrument', '=', input.instrument).where('article', '=', input.article).execute();
  return rows.find((r) => r.law.ko === input.law.ko && (r.paragraph ?? null) === (input.paragraph ?? null))?.id ?? null;
}

export async function insertRegulation(db: Database, input: RegulationInput, meta: { id?: string; demo: boolean; source: Regulation['source'] }): Promise<string> {
  const r = normaliseRegulation(input);
  const id = meta.id ?? randomUUID();
  const tokens = tokensOf(regulationFields({ ...r }));
  await db.insertInto('regulation').values({
    id, instrument: r.instrument, law: JSON.stringify(r.law), article: r.article, paragraph: r.paragraph, ministry: r.ministry,
    ministry_name: JSON.stringify(r.ministryName), title: JSON.stringify(r.title), body: JSON.stringify(r.body), effective_from: r.effectiveFrom,
    amendments: JSON.stringify(r.amendments), demo: meta.demo, source: meta.source, search_tokens: tokens,
  }).execute();
  return id;
}
