import type { regulationImportKo } from './ko.ts';

export const regulationImportEn: Record<keyof typeof regulationImportKo, string> = {
  riTitle: 'Import into the regulation catalogue',
  riLead: 'Adds the provisions of a CSV or JSON file to the catalogue at once. If any row is wrong, nothing is stored and every problem is named by row and column.',
  riColumns: 'CSV columns (first row, any order): instrument, law_ko, article, paragraph, ministry, ministry_name_ko, title_ko, body_ko, effective_from, amendments, and translations _en, _ja, _zh, _fr of each _ko column. UTF-8, with or without BOM.',
  riFile: 'CSV or JSON file',
  riChoose: 'Choose a file.',
  riSubmit: 'Import',
  riBusy: 'Importing…',
  riDone: '{count, plural, one {# provision added.} other {# provisions added.}}',
  riErrors: 'Import problems',
  riRow: 'Row',
  riColumn: 'Column',
  riProblem: 'Problem',
  riItem: 'item {n}',
  riWholeRow: 'whole row',
};
