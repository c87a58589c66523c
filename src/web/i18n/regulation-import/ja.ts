import type { regulationImportKo } from './ko.ts';

export const regulationImportJa: Record<keyof typeof regulationImportKo, string> = {
  riTitle: '規制カタログへの取り込み',
  riLead: 'CSV または JSON ファイルの規定をまとめてカタログに追加します。1 行でも誤りがあれば何も保存せず、問題を行と列ごとに示します。',
  riColumns: 'CSV の列(1 行目、順不同): instrument, law_ko, article, paragraph, ministry, ministry_name_ko, title_ko, body_ko, effective_from, amendments、各 _ko 列の翻訳 _en・_ja・_zh・_fr。UTF-8(BOM の有無は問いません)。',
  riFile: 'CSV または JSON ファイル',
  riChoose: 'ファイルを選んでください。',
  riSubmit: '取り込む',
  riBusy: '取り込み中…',
  riDone: '規定を {count} 件追加しました。',
  riErrors: '取り込みの問題',
  riRow: '行',
  riColumn: '列',
  riProblem: '問題',
  riItem: '{n} 番目の項目',
  riWholeRow: '行全体',
};
