// Localised reasons of refused zone operations after designation (the `{reason}` of a 409 `conflict` problem) that
// are not rule violations; the violations themselves are sentences of src/i18n/violations (scope 'zone').
import { format, type Locale } from '../../i18n/locales.ts';

type Frames = Record<'no-such-transition' | 'already-answered' | 'not-addressable', string>;

const FRAMES: Record<Locale, Frames> = {
  ko: {
    'no-such-transition': "'{state}' 상태에서는 '{action}'을(를) 할 수 없습니다. 가능한 작업: {allowed}",
    'already-answered': '이미 답변한 자료 요구입니다.',
    'not-addressable': '자료 요구는 지방자치단체, 소관부처 또는 특구사업자에게 보낼 수 있습니다 (법 제84조제2항).',
  },
  en: {
    'no-such-transition': "'{action}' is not possible while it is '{state}'. Possible now: {allowed}",
    'already-answered': 'This data request has already been answered.',
    'not-addressable': 'Data requests go to local governments, responsible ministries or zone operators (Act Art. 84(2)).',
  },
  ja: {
    'no-such-transition': "「{state}」の状態では「{action}」はできません。可能な操作: {allowed}",
    'already-answered': 'この資料要求にはすでに回答しています。',
    'not-addressable': '資料要求は自治体、所管省庁または特区事業者に送れます（法第84条第2項）。',
  },
  zh: {
    'no-such-transition': "处于“{state}”状态时不能执行“{action}”。当前可执行: {allowed}",
    'already-answered': '该资料要求已答复。',
    'not-addressable': '资料要求可发给地方政府、主管部门或特区经营者（法第84条第2款）。',
  },
  fr: {
    'no-such-transition': "« {action} » est impossible à l’état « {state} ». Possible maintenant : {allowed}",
    'already-answered': 'Cette demande de données a déjà reçu une réponse.',
    'not-addressable': 'Les demandes de données vont aux collectivités, aux ministères compétents ou aux opérateurs de la zone (loi, art. 84(2)).',
  },
};

export function frame(locale: Locale, key: keyof Frames, params: Record<string, string | number> = {}): string {
  return format(locale, FRAMES[locale][key], params);
}
