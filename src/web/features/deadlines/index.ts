// What other features use of deadlines (decision record 0041: a feature reaches another only here).
export { DeadlinesSection } from './components/DeadlinesSection.tsx';
