// What other features use of the regulation catalogue (decision record 0041: a feature reaches another only here).
export { regulationsApi } from './api/client.ts';
export { regulationKeys, regulationQuery, regulationsQuery } from './api/queries.ts';
export { articleText } from './components/article-text.ts';
export { RegulationImport } from './components/RegulationImport.tsx';
export { RegulationPicker } from './components/RegulationPicker.tsx';
