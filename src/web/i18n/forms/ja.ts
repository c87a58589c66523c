import type { formsKo } from './ko.ts';

export const formsJa: Record<keyof typeof formsKo, string> = {
  formTranslations: '翻訳',
  formTranslationsNone: 'なし',
  formTranslationsHint: '英語、日本語、中国語、フランス語は任意です。翻訳がない場合、韓国語が注記付きで表示されます。',
  formRowsEmpty: 'まだ項目がありません。',
  formMoveUp: '{item}を上へ移動',
  formMoveDown: '{item}を下へ移動',
  formMoveUpShort: '上へ',
  formMoveDownShort: '下へ',
  formRemoveRow: '{item}を削除',
  formRemoveRowShort: '削除',
  formErrorSummary: '入力内容を確認してください（{count}件）',
  formSearchResults: "検索結果",
  formSearchNone: "該当するものがありません。",
  formSearchMore: "ほかに {count} 件あります。名前をさらに入力してください。",
  formNumberRange: '{min}から{max}までの整数を入力してください。',
  formTooLong: '{max}文字以内で入力してください。',
};
