// The holiday calendar API: the year's public holidays (public) and an MSS administrator's one-off holidays.
import { request } from '../../../shared/api.ts';
import type { I18nText } from '../../../shared/types.ts';

export interface HolidayItem {
  date: string;
  source: 'package' | 'added' | 'both';
  names: string[];
  added: { name: I18nText; basis: string; createdAt: string } | null;
  removable: boolean;
}

export interface HolidayYear {
  year: number;
  coverage: { firstYear: number; lastYear: number; gazettedThrough: number };
  basis: 'gazette' | 'rules' | 'provisional';
  provisional: boolean;
  items: HolidayItem[];
}

export interface HolidayChange {
  moved: { objectType: 'exemption' | 'zone'; objectId: string; kind: string; before: string; after: string }[];
}

export const holidaysApi = {
  year: (year: number) => request<HolidayYear>('GET', `/api/holidays?year=${year}`),
  add: (input: { date: string; name: I18nText; basis: string }) => request<HolidayChange>('POST', '/api/holidays', input),
  remove: (date: string) => request<HolidayChange>('DELETE', `/api/holidays/${encodeURIComponent(date)}`),
};
