// Notifications are stored as a kind (the message key) and parameters, never as sentences, and rendered here in the
// reader's language: in the inbox in the language of the request, in e-mail in the recipient's when it is sent.
// Parameters: `subject` a text per language ({ ko, en?, … }) or a name; `state` an event (`<machine>:<value>`,
// ./ko.ts `events`); `deadline` and `rule` name the deadline and its article (rendered by ../violations' citation);
// `answer`, `changeState`, `grade`, `ground` values of their lists; dates as "2026-12-08". Rows written before
// migration 0061 may hold a bare state ("signing_off") or an English phrase: a bare state of a known machine is
// named in the reader's language, anything else is shown as stored.
import { formatMessage, type MessageValues } from '../../domain/i18n/icu.ts';
import type { Locale } from '../locales.ts';
import { citation } from '../violations/index.ts';
import type { NotificationCatalogue } from './catalogue.ts';
import { notificationCatalogues } from './catalogues.ts';
import type { ko } from './ko.ts';

export type NotificationKind = keyof typeof ko.kinds;
export type NotificationEvent = keyof typeof ko.events;
export type NotificationDeadline = keyof typeof ko.deadlines;
/** A stored parameter: a name, number or date, or a text per language. */
export type NotificationParam = string | number | Readonly<Partial<Record<Locale, string>>>;
export type NotificationParams = Readonly<Record<string, NotificationParam | null | undefined>>;

export { notificationCatalogues };

/** The article a kind cites when its parameters name none. */
const KIND_RULES: Partial<Record<NotificationKind, string>> = { 'expert-assigned': 'Decree Art. 45', 'opinion-requested': 'RFZ Act Art. 75(2)' };
/** Machines a bare state of an older row may belong to, most common first. */
const MACHINES = ['plan', 'report', 'rapid', 'zone'] as const;
const VALUE_LISTS = { answer: 'answers', changeState: 'changeStates', grade: 'grades', ground: 'grounds' } as const;

const isText = (value: unknown): value is Readonly<Partial<Record<Locale, string>>> => typeof value === 'object' && value !== null && !Array.isArray(value);

function value(locale: Locale, c: NotificationCatalogue, key: string, raw: NotificationParam): string | number {
  if (isText(raw)) return raw[locale] ?? raw.ko ?? Object.values(raw).find((x) => typeof x === 'string') ?? '';
  if (key === 'rule' && typeof raw === 'string') return citation(locale, raw);
  const list = VALUE_LISTS[key as keyof typeof VALUE_LISTS];
  if (list && typeof raw === 'string') return (c.values[list] as Record<string, string>)[raw] ?? raw;
  return raw;
}

function event(c: NotificationCatalogue, state: string): string | null {
  const events = c.events as Record<string, string>;
  if (state in events) return events[state]!;
  for (const machine of MACHINES) if (`${machine}:${state}` in events) return events[`${machine}:${state}`]!;
  return null;
}

/** The notification's title and body in `locale`. */
export function renderNotification(kind: string, params: NotificationParams, locale: Locale): { title: string; body: string } {
  const c = notificationCatalogues[locale];
  const text = (c.kinds as Record<string, { title: string; body: string }>)[kind] ?? c.kinds.message;
  const values: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(params)) if (raw !== null && raw !== undefined) values[key] = value(locale, c, key, raw);
  const rule = KIND_RULES[kind as NotificationKind];
  if (rule && values.rule === undefined) values.rule = citation(locale, rule);
  const say = (message: string): string => formatMessage(locale, message, values as MessageValues);
  if (!values.actor) values.actor = c.system;
  if (params.about === 'rapid') values.subject = say(c.subjects.rapid);
  if (typeof params.state === 'string') {
    const phrase = event(c, params.state);
    if (phrase !== null) values.state = say(phrase);
  }
  if (typeof params.deadline === 'string' && params.deadline in c.deadlines) {
    values.deadline = say((c.deadlines as Record<string, string>)[params.deadline]!);
    values.subject = say(c.subjects.deadline);
  }
  if (kind === 'message' && values.text === undefined) values.text = '';
  return { title: say(text.title), body: say(text.body) };
}
