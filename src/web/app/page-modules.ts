// Where each page's code is: a chunk of its own. The first script (main.tsx) asks for the current page's chunk at
// once, beside the app's own code; the route table (routes.tsx) renders it. Both import the same module, so the
// browser fetches it once.
import { ROUTE_PATHS, type RouteName } from './route-paths.ts';

export const PAGE_MODULES = {
  home: () => import('../features/home/routes/Home.tsx'),
  login: () => import('../features/account/routes/Login.tsx'),
  regions: () => import('../features/regions/routes/Regions.tsx'),
  region: () => import('../features/regions/routes/RegionPage.tsx'),
  zones: () => import('../features/zones/routes/Zones.tsx'),
  zone: () => import('../features/zones/routes/ZonePage.tsx'),
  planner: () => import('../features/planner/routes/Planner.tsx'),
  plans: () => import('../features/plans/routes/PlansList.tsx'),
  planNew: () => import('../features/plans/routes/PlanNew.tsx'),
  plan: () => import('../features/plans/routes/PlanWorkspace.tsx'),
  projects: () => import('../features/demonstrations/routes/ProjectsList.tsx'),
  projectNew: () => import('../features/demonstrations/routes/ProjectNew.tsx'),
  project: () => import('../features/demonstrations/routes/ProjectPage.tsx'),
  me: () => import('../features/account/routes/MePage.tsx'),
  search: () => import('../features/search/routes/SearchPage.tsx'),
  reform: () => import('../features/exemptions/routes/ReformBoard.tsx'),
  exemptionNew: () => import('../features/exemptions/routes/ExemptionNew.tsx'),
  exemption: () => import('../features/exemptions/routes/ExemptionPage.tsx'),
  regulation: () => import('../features/regulations/routes/RegulationPage.tsx'),
  expert: () => import('../features/review/routes/ExpertWorkspace.tsx'),
  committees: () => import('../features/review/routes/Committees.tsx'),
  holidays: () => import('../features/holidays/routes/HolidaysPage.tsx'),
  rapidConfirmations: () => import('../features/rapid-confirmations/routes/RapidConfirmationsPage.tsx'),
  rapidConfirmation: () => import('../features/rapid-confirmations/routes/RapidConfirmationsPage.tsx'),
  organisations: () => import('../features/organisations/routes/OrganisationsPage.tsx'),
} satisfies Record<RouteName, () => Promise<unknown>>;

const PATTERNS = (Object.keys(ROUTE_PATHS) as RouteName[]).map(
  (name) => [name, new RegExp(`^${ROUTE_PATHS[name].replace(/:\w+/g, '[^/]+')}$`)] as const,
);

/** The route a path shows, by its pattern alone (`/plans/new` before `/plans/:id`, as in ROUTE_PATHS). */
export function routeAt(pathname: string): RouteName | undefined {
  return PATTERNS.find(([, pattern]) => pattern.test(pathname))?.[0];
}
