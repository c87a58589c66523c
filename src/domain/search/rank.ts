// Ranking and snippets of search hits: fields matched (title weighs most), then recency.
import { snippet, type Snippet } from './highlight.ts';
import { documentTokens } from './tokenize.ts';

export const FIELD_WEIGHT: Record<string, number> = { title: 4, law: 2, conditions: 2, regulations: 1, body: 1, zone: 1, ministry: 1 };

export interface Ranked {
  readonly score: number;
  readonly matchedFields: readonly string[];
  readonly snippets: readonly (Snippet & { readonly field: string })[];
}

/**
 * Scores a hit whose fields are given as text lists. A field matches when its own tokens hold
 * every query token; `year` adds a small recency bonus that only breaks ties between equal matches.
 */
export function rank(fields: Record<string, readonly string[]>, query: string, queryTokens: readonly string[], year: number): Ranked {
  const matchedFields: string[] = [];
  let score = 0;
  const snippets: (Snippet & { field: string })[] = [];
  for (const [field, texts] of Object.entries(fields)) {
    const tokens = new Set(documentTokens(texts));
    const all = queryTokens.every((t) => tokens.has(t));
    const some = queryTokens.filter((t) => tokens.has(t)).length / Math.max(1, queryTokens.length);
    if (all) matchedFields.push(field);
    score += (FIELD_WEIGHT[field] ?? 1) * (all ? 1 : some * 0.25);
    if (snippets.length < 2 && some > 0) {
      for (const text of texts) {
        const s = snippet(text, query);
        if (s.highlights.length > 0) {
          snippets.push({ field, ...s });
          break;
        }
      }
    }
  }
  score += Math.min(Math.max(year - 2000, 0), 100) / 1000;
  return { score: Math.round(score * 1000) / 1000, matchedFields, snippets };
}
