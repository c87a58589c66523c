// Every page of the browser UI by name, with its path pattern (React Router syntax). routes.tsx must give each a
// page (Record<RouteName, …>), and the phone-screen test must visit each, so a new route cannot be forgotten.
export const ROUTE_PATHS = {
  home: '/',
  login: '/login',
  regions: '/regions',
  region: '/regions/:code',
  zones: '/zones',
  zone: '/zones/:id',
  planner: '/planner',
  plans: '/plans',
  planNew: '/plans/new',
  plan: '/plans/:id',
  projects: '/projects',
  projectNew: '/projects/new',
  project: '/projects/:id',
  me: '/me',
  search: '/search',
  reform: '/reform',
  exemptionNew: '/exemptions/new',
  exemption: '/exemptions/:id',
  regulation: '/regulations/:id',
  expert: '/expert',
  committees: '/committees',
  holidays: '/holidays',
  rapidConfirmations: '/rapid-confirmations',
  rapidConfirmation: '/rapid-confirmations/:id',
  organisations: '/organisations',
} as const;

export type RouteName = keyof typeof ROUTE_PATHS;

/** What a `:id` segment must look like (anything else is the not-found page, as for an unknown path). */
export const UUID_PARAM = /^[0-9a-fA-F-]{36}$/;
/** A province (2 digits) or municipality (5 digits) code. */
export const REGION_CODE_PARAM = /^(\d{2}|\d{5})$/;
