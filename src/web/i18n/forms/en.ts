import type { formsKo } from './ko.ts';

export const formsEn: Record<keyof typeof formsKo, string> = {
  formTranslations: 'Translations',
  formTranslationsNone: 'none',
  formTranslationsHint: 'English, Japanese, Chinese and French are optional. Without a translation, readers see the Korean text with a notice.',
  formRowsEmpty: 'No entries yet.',
  formMoveUp: 'Move {item} up',
  formMoveDown: 'Move {item} down',
  formMoveUpShort: 'Up',
  formMoveDownShort: 'Down',
  formRemoveRow: 'Remove {item}',
  formRemoveRowShort: 'Remove',
  formErrorSummary: 'Please check what you entered ({count})',
  formSearchResults: "Search results",
  formSearchNone: "Nothing matches.",
  formSearchMore: "{count} more — type more of the name.",
  formNumberRange: 'Enter a whole number from {min} to {max}.',
  formTooLong: 'Enter at most {max} characters.',
};
