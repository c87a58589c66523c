// Notification texts in five languages; each catalogue has exactly the Korean keys.
import { format, type Locale } from '../locales.ts';
import { ko } from './ko.ts';

export type NotificationKind = keyof typeof ko;
type Catalogue = Record<NotificationKind, { title: string; body: string }>;

const en: Catalogue = {
  'deadline-approaching': { title: '{days} days left: {subject}', body: 'The deadline of {subject} is {due}. Days left: {days}.' },
  'deadline-overdue': { title: 'Overdue: {subject}', body: 'The deadline of {subject}, {due}, has passed.' },
  transition: { title: '{subject}: {state}', body: '{actor} moved {subject} to "{state}".' },
  message: { title: '{subject}', body: '{text}' },
};
const ja: Catalogue = {
  'deadline-approaching': { title: '期限まであと{days}日: {subject}', body: '{subject}の期限は{due}です。残り{days}日。' },
  'deadline-overdue': { title: '期限超過: {subject}', body: '{subject}の期限（{due}）を過ぎました。' },
  transition: { title: '{subject}: {state}', body: '{actor}さんが{subject}を「{state}」にしました。' },
  message: { title: '{subject}', body: '{text}' },
};
const zh: Catalogue = {
  'deadline-approaching': { title: '距期限还有 {days} 天：{subject}', body: '{subject}的期限为 {due}。剩余 {days} 天。' },
  'deadline-overdue': { title: '已逾期：{subject}', body: '{subject}的期限 {due} 已过。' },
  transition: { title: '{subject}：{state}', body: '{actor} 已将{subject}变更为“{state}”。' },
  message: { title: '{subject}', body: '{text}' },
};
const fr: Catalogue = {
  'deadline-approaching': { title: 'Plus que {days} jours : {subject}', body: 'L’échéance de {subject} est le {due}. Jours restants : {days}.' },
  'deadline-overdue': { title: 'Échéance dépassée : {subject}', body: 'L’échéance de {subject}, le {due}, est dépassée.' },
  transition: { title: '{subject} : {state}', body: '{actor} a fait passer {subject} à l’état « {state} ».' },
  message: { title: '{subject}', body: '{text}' },
};

export const notificationCatalogues: Record<Locale, Catalogue> = { ko, en, ja, zh, fr };

export function renderNotification(kind: NotificationKind, params: Record<string, string | number>, locale: Locale): { title: string; body: string } {
  const text = notificationCatalogues[locale][kind];
  return { title: format(text.title, params), body: format(text.body, params) };
}
