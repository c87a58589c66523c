// Every date and time the UI shows is a Korean one: instants are shown in Asia/Seoul (the legal time zone of
// the Act, where deadlines and civil dates are counted) whatever the browser's clock, formatted per UI language;
// civil dates (YYYY-MM-DD) are shown as the day they name. The one formatter of the web UI.
import { INTL_LOCALE, type Lang } from '../i18n/index.ts';

export const SEOUL = 'Asia/Seoul';
const CIVIL = /^\d{4}-\d{2}-\d{2}$/;
const DAY_KEY = new Intl.DateTimeFormat('en-CA', { timeZone: SEOUL, year: 'numeric', month: '2-digit', day: '2-digit' });

const instant = (iso: string): Date | null => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** An instant as date and time in Seoul, the zone named (e.g. "26 Nov 2026, 00:30 GMT+9"). */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = instant(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: SEOUL, timeZoneName: 'short' }).format(date);
}

/** A day: a civil date as the day it names, an instant by its date in Seoul. */
export function formatDate(iso: string, lang: Lang, style: 'medium' | 'long' = 'medium'): string {
  if (CIVIL.test(iso)) return new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const date = instant(iso);
  return date ? new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: style, timeZone: SEOUL }).format(date) : iso;
}

/** A civil date or an instant as its day, or null for none. */
export function formatDay(iso: string | null, lang: Lang): string | null {
  return iso ? formatDate(iso, lang) : null;
}

/** The time of day of an instant in Seoul (HH:MM). */
export function formatTime(iso: string, lang: Lang): string {
  const date = instant(iso);
  return date ? new Intl.DateTimeFormat(INTL_LOCALE[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: SEOUL }).format(date) : iso;
}

/** The Seoul civil date (YYYY-MM-DD) of an instant. */
export const seoulDay = (date: Date): string => DAY_KEY.format(date);

/** Today in Seoul as YYYY-MM-DD, moved by whole days (administrative days are Korean days; pre-fills forms). */
export const seoulToday = (offsetDays = 0): string => seoulDay(new Date(Date.now() + offsetDays * 86_400_000));

/** `YYYY-MM-DDTHH:MM` in Seoul time for a datetime-local input, and back (Korea keeps no daylight saving time). */
export const seoulLocalInput = (ms: number): string => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16);
export const fromSeoulLocalInput = (value: string): number => Date.parse(`${value}:00+09:00`);
