// What other features use of exemptions (decision record 0041: a feature reaches another only here).
export { organisationsQuery } from './api/queries.ts';
export { needsCoverageQuery } from './api/queries.ts';
export { ExemptionStateBadge, FilterSelect, Highlighted, kindText, stageText, stateText } from './components/common.tsx';
export { NeedsPanel } from './components/NeedsPanel.tsx';
export { ZoneExemptions } from './components/ZoneExemptions.tsx';
export { EXEMPTION_FILTER_STATES, EXEMPTION_KINDS, STAGES } from './types.ts';
