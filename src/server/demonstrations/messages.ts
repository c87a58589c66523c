// Localised reasons of refused demonstration operations (the `{reason}` of a 409 `conflict` problem).
import { format, type Locale } from '../../i18n/locales.ts';

type Frames = Record<'no-such-transition' | 'insurance' | 'upload-differs' | 'not-a-company' | 'unknown-zone' | 'period-outside-events' | 'period-open' | 'report-state' | 'attachment-evidence' | 'no-serious-incident', string>;

const FRAMES: Record<Locale, Frames> = {
  ko: {
    'no-such-transition': "실증사업이 '{state}' 상태일 때는 '{to}'(으)로 바꿀 수 없습니다. 가능한 상태: {allowed}",
    insurance: '책임보험 요건(시행령 제60조)을 충족해야 실증을 시작할 수 있습니다.',
    'upload-differs': '업로드 {upload}는 이미 다른 내용으로 저장되었습니다. 새 업로드 ID를 사용하세요.',
    'not-a-company': '참여 기업은 기업으로 등록된 기관이어야 합니다: {value}',
    'unknown-zone': '특구가 없습니다: {value}',
    'period-outside-events': '저장된 실증 데이터가 새 사업 기간 밖에 있습니다.',
    'period-open': '보고 기간 {period}은(는) {to}에 끝납니다. 그 뒤에 제출하세요.',
    'report-state': '보고서 {period}은(는) 현재 \'{state}\' 상태입니다.',
    'attachment-evidence': '보고서 {period}은(는) 승인되었습니다. 승인된 보고서의 첨부파일은 증빙으로 남으며 삭제할 수 없습니다.',
    'no-serious-incident': '중대한 안전사고 기록이 있어야 실증을 정지할 수 있습니다.',
  },
  en: {
    'no-such-transition': "A project in state '{state}' cannot move to '{to}'. Possible: {allowed}",
    insurance: 'The project cannot start demonstrating without liability insurance meeting Decree Art. 60.',
    'upload-differs': 'Upload {upload} was already stored with different content; use a new upload id.',
    'not-a-company': 'Partner organisations must be companies: {value}',
    'unknown-zone': 'No such zone: {value}',
    'period-outside-events': 'Stored demonstration data lies outside the new project period.',
    'period-open': 'Reporting period {period} ends on {to}; file its report afterwards.',
    'report-state': 'Report {period} is \'{state}\'.',
    'attachment-evidence': 'Report {period} has been accepted; the files of an accepted report are evidence and stay.',
    'no-serious-incident': 'A demonstration is suspended only after a serious or critical incident on record.',
  },
  ja: {
    'no-such-transition': "「{state}」の実証事業は「{to}」に変更できません。可能な状態: {allowed}",
    insurance: '施行令第60条を満たす賠償責任保険がなければ実証を開始できません。',
    'upload-differs': 'アップロード {upload} は別の内容で既に保存されています。新しいアップロード ID を使ってください。',
    'not-a-company': '参加機関は企業でなければなりません: {value}',
    'unknown-zone': '特区がありません: {value}',
    'period-outside-events': '保存済みの実証データが新しい事業期間の外にあります。',
    'period-open': '報告期間 {period} は {to} に終わります。その後に提出してください。',
    'report-state': '報告書 {period} は現在「{state}」です。',
    'attachment-evidence': '報告書 {period} は承認済みです。承認された報告書の添付ファイルは証拠として残り、削除できません。',
    'no-serious-incident': '重大な安全事故の記録がある場合にのみ実証を停止できます。',
  },
  zh: {
    'no-such-transition': "处于“{state}”状态的项目不能变为“{to}”。可选：{allowed}",
    insurance: '没有符合施行令第60条的责任保险，项目不能开始实证。',
    'upload-differs': '上传 {upload} 已以不同内容保存；请使用新的上传 ID。',
    'not-a-company': '参与机构必须是企业：{value}',
    'unknown-zone': '没有该特区：{value}',
    'period-outside-events': '已保存的实证数据不在新的项目期间内。',
    'period-open': '报告期 {period} 于 {to} 结束，请在此后提交。',
    'report-state': '报告 {period} 当前为“{state}”。',
    'attachment-evidence': '报告 {period} 已通过审核；已通过报告的附件作为证据保留，不能删除。',
    'no-serious-incident': '只有在记录了严重安全事故后才能暂停实证。',
  },
  fr: {
    'no-such-transition': "Un projet à l’état « {state} » ne peut pas passer à « {to} ». Possible : {allowed}",
    insurance: 'Le projet ne peut pas commencer la démonstration sans assurance responsabilité conforme au décret, art. 60.',
    'upload-differs': 'Le téléversement {upload} a déjà été enregistré avec un autre contenu ; utilisez un nouvel identifiant.',
    'not-a-company': 'Les organisations partenaires doivent être des entreprises : {value}',
    'unknown-zone': 'Zone inconnue : {value}',
    'period-outside-events': 'Des données de démonstration enregistrées sont hors de la nouvelle période du projet.',
    'period-open': 'La période {period} se termine le {to} ; déposez son rapport ensuite.',
    'report-state': 'Le rapport {period} est à l’état « {state} ».',
    'attachment-evidence': 'Le rapport {period} a été accepté ; les fichiers d’un rapport accepté sont des preuves et restent.',
    'no-serious-incident': 'Une démonstration n’est suspendue qu’après un incident grave ou critique enregistré.',
  },
};

export function frame(locale: Locale, key: keyof Frames, params: Record<string, string | number> = {}): string {
  return format(FRAMES[locale][key], params);
}
