// Localised reasons of refused plan operations (the `{reason}` of a 409 `conflict` problem) that are not rule
// violations; the violations themselves are sentences of src/i18n/violations (scope 'zone').
import { format, type Locale } from '../../i18n/locales.ts';

type Frames = Record<'no-such-transition' | 'before-submission' | 'already-participant' | 'review-state' | 'already-assigned' | 'already-consulted', string>;

const FRAMES: Record<Locale, Frames> = {
  ko: {
    'no-such-transition': "특구계획이 '{state}' 상태일 때는 '{action}'을(를) 할 수 없습니다. 가능한 작업: {allowed}",
    'before-submission': "제출 전에만 할 수 있습니다 ({rule}). 현재 상태: '{state}'",
    'already-participant': '{region}은(는) 이미 이 계획에 참여하고 있습니다.',
    'review-state': "심사 중에만 할 수 있습니다 ({rule}; 가능한 상태: {states}). 현재 상태: '{state}'",
    'already-assigned': '{expert}은(는) 이미 이 계획에 배정되어 있습니다.',
    'already-consulted': '{ministry}에는 이미 의견을 요청했습니다.',
  },
  en: {
    'no-such-transition': "'{action}' is not possible while the plan is '{state}'. Possible now: {allowed}",
    'before-submission': "Only possible before submission ({rule}); the plan is '{state}'.",
    'already-participant': '{region} already takes part in this plan.',
    'review-state': "Only possible during review ({rule}; states: {states}); the plan is '{state}'.",
    'already-assigned': '{expert} is already assigned to this plan.',
    'already-consulted': '{ministry} was already asked for its opinion.',
  },
  ja: {
    'no-such-transition': "計画が「{state}」の状態では「{action}」はできません。可能な操作: {allowed}",
    'before-submission': "提出前にのみ可能です（{rule}）。現在の状態: 「{state}」",
    'already-participant': '{region} はすでにこの計画に参加しています。',
    'review-state': "審査中にのみ可能です（{rule}。可能な状態: {states}）。現在の状態: 「{state}」",
    'already-assigned': '{expert} はすでにこの計画に割り当てられています。',
    'already-consulted': '{ministry} にはすでに意見を照会しています。',
  },
  zh: {
    'no-such-transition': "计划处于“{state}”状态时不能执行“{action}”。当前可执行: {allowed}",
    'before-submission': "只能在提交前进行（{rule}）。当前状态: “{state}”",
    'already-participant': '{region} 已参与此计划。',
    'review-state': "只能在审查期间进行（{rule}；可用状态：{states}）。当前状态: “{state}”",
    'already-assigned': '{expert} 已被分配到此计划。',
    'already-consulted': '已向 {ministry} 征求过意见。',
  },
  fr: {
    'no-such-transition': "« {action} » est impossible tant que le plan est « {state} ». Possible maintenant : {allowed}",
    'before-submission': "Possible seulement avant le dépôt ({rule}) ; le plan est « {state} ».",
    'already-participant': '{region} participe déjà à ce plan.',
    'review-state': "Possible seulement pendant l’examen ({rule} ; états : {states}) ; le plan est « {state} ».",
    'already-assigned': '{expert} est déjà chargé de ce plan.',
    'already-consulted': '{ministry} a déjà été consulté.',
  },
};

export function frame(locale: Locale, key: keyof Frames, params: Record<string, string | number>): string {
  return format(locale, FRAMES[locale][key], params);
}
