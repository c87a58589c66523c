// What other features use of demonstration projects (decision record 0041: a feature reaches another only here).
export { projectsApi } from './api/client.ts';
