// Notification texts in five languages; each catalogue has exactly the Korean keys.
import { format, type Locale } from '../locales.ts';
import { ko } from './ko.ts';

export type NotificationKind = keyof typeof ko;
type Catalogue = Record<NotificationKind, { title: string; body: string }>;

const en: Catalogue = {
  'deadline-approaching': { title: '{days, plural, one {# day left} other {# days left}}: {subject}', body: 'The deadline of {subject} is {due}. Days left: {days}.' },
  'deadline-overdue': { title: 'Overdue: {subject}', body: 'The deadline of {subject}, {due}, has passed.' },
  transition: { title: '{subject}: {state}', body: '{actor} moved {subject} to "{state}".' },
  'expert-assigned': { title: 'Review assigned: {subject}', body: '{actor} assigned you to review {subject}. Declare any conflict of interest, then score it against the criteria of Decree Art. 45.' },
  'opinion-requested': { title: 'Opinion requested: {subject}', body: '{actor} asks your ministry for its written opinion on {subject} by {due} (RFZ Act Art. 75(2)).' },
  message: { title: '{subject}', body: '{text}' },
};
const ja: Catalogue = {
  'deadline-approaching': { title: '期限まであと{days}日: {subject}', body: '{subject}の期限は{due}です。残り{days}日。' },
  'deadline-overdue': { title: '期限超過: {subject}', body: '{subject}の期限（{due}）を過ぎました。' },
  transition: { title: '{subject}: {state}', body: '{actor}さんが{subject}を「{state}」にしました。' },
  'expert-assigned': { title: '審査の割当: {subject}', body: '{actor}さんが{subject}の審査をあなたに割り当てました。利益相反の有無を申告し、施行令第45条の基準で評価してください。' },
  'opinion-requested': { title: '意見照会: {subject}', body: '{actor}さんが{subject}について{due}までの書面意見を求めています（法第75条第2項）。' },
  message: { title: '{subject}', body: '{text}' },
};
const zh: Catalogue = {
  'deadline-approaching': { title: '距期限还有 {days} 天：{subject}', body: '{subject}的期限为 {due}。剩余 {days} 天。' },
  'deadline-overdue': { title: '已逾期：{subject}', body: '{subject}的期限 {due} 已过。' },
  transition: { title: '{subject}：{state}', body: '{actor} 已将{subject}变更为“{state}”。' },
  'expert-assigned': { title: '评审分配：{subject}', body: '{actor} 已将{subject}分配给您评审。请申报利益冲突，然后按施行令第45条的标准评分。' },
  'opinion-requested': { title: '征求意见：{subject}', body: '{actor} 请贵部门在 {due} 前就{subject}提交书面意见（法第75条第2款）。' },
  message: { title: '{subject}', body: '{text}' },
};
const fr: Catalogue = {
  'deadline-approaching': { title: 'Plus que {days, plural, one {# jour} other {# jours}} : {subject}', body: 'L’échéance de {subject} est le {due}. Jours restants : {days}.' },
  'deadline-overdue': { title: 'Échéance dépassée : {subject}', body: 'L’échéance de {subject}, le {due}, est dépassée.' },
  transition: { title: '{subject} : {state}', body: '{actor} a fait passer {subject} à l’état « {state} ».' },
  'expert-assigned': { title: 'Évaluation confiée : {subject}', body: '{actor} vous a confié l’évaluation de {subject}. Déclarez tout conflit d’intérêts, puis notez le plan selon les critères de l’art. 45 du décret.' },
  'opinion-requested': { title: 'Avis demandé : {subject}', body: '{actor} demande l’avis écrit de votre ministère sur {subject} d’ici le {due} (loi, art. 75(2)).' },
  message: { title: '{subject}', body: '{text}' },
};

export const notificationCatalogues: Record<Locale, Catalogue> = { ko, en, ja, zh, fr };

export function renderNotification(kind: NotificationKind, params: Record<string, string | number>, locale: Locale): { title: string; body: string } {
  const text = notificationCatalogues[locale][kind];
  return { title: format(locale, text.title, params), body: format(locale, text.body, params) };
}
