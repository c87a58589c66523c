import type { formsKo } from './ko.ts';

export const formsZh: Record<keyof typeof formsKo, string> = {
  formTranslations: '翻译',
  formTranslationsNone: '无',
  formTranslationsHint: '英文、日文、中文和法文为可选项。没有翻译时，读者会看到附有说明的韩文原文。',
  formRowsEmpty: '尚无条目。',
  formMoveUp: '上移{item}',
  formMoveDown: '下移{item}',
  formMoveUpShort: '上移',
  formMoveDownShort: '下移',
  formRemoveRow: '删除{item}',
  formRemoveRowShort: '删除',
  formErrorSummary: '请检查填写的内容（{count} 处）',
  formSearchResults: "搜索结果",
  formSearchNone: "没有匹配项。",
  formSearchMore: "还有 {count} 项，请输入更多名称。",
  formNumberRange: '请输入{min}至{max}之间的整数。',
  formTooLong: '请输入不超过{max}个字符。',
};
