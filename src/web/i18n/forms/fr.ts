import type { formsKo } from './ko.ts';

export const formsFr: Record<keyof typeof formsKo, string> = {
  formTranslations: 'Traductions',
  formTranslationsNone: 'aucune',
  formTranslationsHint: 'L’anglais, le japonais, le chinois et le français sont facultatifs. Sans traduction, le lecteur voit le texte coréen avec une mention.',
  formRowsEmpty: 'Aucune entrée pour l’instant.',
  formMoveUp: 'Monter {item}',
  formMoveDown: 'Descendre {item}',
  formMoveUpShort: 'Monter',
  formMoveDownShort: 'Descendre',
  formRemoveRow: 'Supprimer {item}',
  formRemoveRowShort: 'Supprimer',
  formErrorSummary: 'Veuillez vérifier votre saisie ({count})',
  formSearchResults: "Résultats de la recherche",
  formSearchNone: "Aucun résultat.",
  formSearchMore: "{count} de plus — précisez le nom.",
  formNumberRange: 'Saisissez un nombre entier de {min} à {max}.',
  formTooLong: 'Saisissez au plus {max} caractères.',
};
