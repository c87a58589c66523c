// States a zone-plan or zone rule names (`state` of a zone-scope violation) in the reader's language: plan states and
// change states as the notifications name them, and the zone's own states.
import type { Locale } from '../../locales.ts';
import { notificationCatalogues } from '../../notifications/catalogues.ts';

const ZONE_STATES: Record<Locale, Record<string, string>> = {
  ko: { designated: '지정됨', evaluated: '평가됨', extended: '연장됨', cancelled: '지정 해제됨', expired: '기간 만료', post_management: '사후관리 중', closed: '종료됨' },
  en: { designated: 'designated', evaluated: 'evaluated', extended: 'extended', cancelled: 'cancelled', expired: 'expired', post_management: 'in post-management', closed: 'closed' },
  ja: { designated: '指定', evaluated: '評価済み', extended: '延長', cancelled: '指定解除', expired: '期間満了', post_management: '事後管理中', closed: '終了' },
  zh: { designated: '已指定', evaluated: '已评价', extended: '已延长', cancelled: '已撤销指定', expired: '期限届满', post_management: '事后管理中', closed: '已结束' },
  fr: { designated: 'désignée', evaluated: 'évaluée', extended: 'prolongée', cancelled: 'retirée', expired: 'échue', post_management: 'en suivi', closed: 'close' },
};

/** The state's name in `locale`, or the value itself when no list knows it. */
export function zoneStateLabel(locale: Locale, state: string): string {
  const n = notificationCatalogues[locale];
  return (n.events as Record<string, string>)[`plan:${state}`] ?? ZONE_STATES[locale][state] ?? (n.values.changeStates as Record<string, string>)[state] ?? state;
}
