import type { regulationImportKo } from './ko.ts';

export const regulationImportZh: Record<keyof typeof regulationImportKo, string> = {
  riTitle: '导入规制目录',
  riLead: '将 CSV 或 JSON 文件中的条款一次性加入目录。只要有一行有误,就不保存任何内容,并按行和列列出每个问题。',
  riColumns: 'CSV 列(第一行,顺序不限):instrument, law_ko, article, paragraph, ministry, ministry_name_ko, title_ko, body_ko, effective_from, amendments,以及各 _ko 列的译文 _en、_ja、_zh、_fr。UTF-8(有无 BOM 均可)。',
  riFile: 'CSV 或 JSON 文件',
  riChoose: '请选择文件。',
  riSubmit: '导入',
  riBusy: '正在导入…',
  riDone: '已添加 {count} 条条款。',
  riErrors: '导入问题',
  riRow: '行',
  riColumn: '列',
  riProblem: '问题',
  riItem: '第 {n} 项',
  riWholeRow: '整行',
};
