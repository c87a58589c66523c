import type { regulationImportKo } from './ko.ts';

export const regulationImportFr: Record<keyof typeof regulationImportKo, string> = {
  riTitle: 'Importer dans le catalogue des réglementations',
  riLead: 'Ajoute d’un coup au catalogue les dispositions d’un fichier CSV ou JSON. Si une seule ligne est erronée, rien n’est enregistré et chaque problème est indiqué par ligne et colonne.',
  riColumns: 'Colonnes CSV (première ligne, ordre libre) : instrument, law_ko, article, paragraph, ministry, ministry_name_ko, title_ko, body_ko, effective_from, amendments, et les traductions _en, _ja, _zh, _fr de chaque colonne _ko. UTF-8, avec ou sans BOM.',
  riFile: 'Fichier CSV ou JSON',
  riChoose: 'Choisissez un fichier.',
  riSubmit: 'Importer',
  riBusy: 'Import en cours…',
  riDone: '{count, plural, one {# disposition ajoutée.} other {# dispositions ajoutées.}}',
  riErrors: 'Problèmes d’import',
  riRow: 'Ligne',
  riColumn: 'Colonne',
  riProblem: 'Problème',
  riItem: 'élément {n}',
  riWholeRow: 'ligne entière',
};
