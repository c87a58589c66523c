// The route table: each page is its own chunk, loaded when its route is first visited, with an error boundary of
// its own (RouteError) so a page that fails to render or to load leaves the header, footer and other routes working.
import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, useParams, type RouteObject } from 'react-router';
import { Layout } from './App.tsx';
import { RouteError } from './components/RouteError.tsx';
import { Loading } from './components/ui.tsx';
import { NotFoundPage } from './pages/NotFound.tsx';
import { REGION_CODE_PARAM, ROUTE_PATHS, UUID_PARAM, type RouteName } from './route-paths.ts';

type PageLoader = () => Promise<ComponentType>;

/** A page taking its `:name` parameter, checked against `pattern` (else not found); ids are lower-cased. */
function withParam(name: 'id' | 'code', pattern: RegExp, render: (value: string) => ReactNode): ComponentType {
  return function ParamPage() {
    const value = useParams()[name];
    if (value === undefined || !pattern.test(value)) return <NotFoundPage />;
    return render(name === 'id' ? value.toLowerCase() : value);
  };
}

const withId = (render: (id: string) => ReactNode) => withParam('id', UUID_PARAM, render);

const PAGES: Record<RouteName, PageLoader> = {
  home: () => import('./pages/Home.tsx').then((m) => m.HomePage),
  login: () => import('./pages/Login.tsx').then((m) => m.LoginPage),
  regions: () => import('./pages/Regions.tsx').then((m) => m.RegionsPage),
  region: () =>
    import('./pages/RegionPage.tsx').then(({ RegionPage }) =>
      withParam('code', REGION_CODE_PARAM, (code) => <RegionPage key={code} code={code} />),
    ),
  zones: () => import('./pages/Zones.tsx').then((m) => m.ZonesPage),
  zone: () => import('./pages/ZonePage.tsx').then(({ ZonePage }) => withId((id) => <ZonePage key={id} id={id} />)),
  planner: () => import('./pages/Planner.tsx').then((m) => m.PlannerPage),
  plans: () => import('./pages/plans/PlansList.tsx').then((m) => m.PlansListPage),
  planNew: () => import('./pages/plans/PlanNew.tsx').then((m) => m.PlanNewPage),
  plan: () =>
    import('./pages/plans/PlanWorkspace.tsx').then(({ PlanWorkspacePage }) =>
      withId((id) => <PlanWorkspacePage key={id} id={id} />),
    ),
  projects: () => import('./pages/demonstrations/ProjectsList.tsx').then((m) => m.ProjectsListPage),
  projectNew: () => import('./pages/demonstrations/ProjectNew.tsx').then((m) => m.ProjectNewPage),
  project: () =>
    import('./pages/demonstrations/ProjectPage.tsx').then(({ ProjectPage }) => withId((id) => <ProjectPage key={id} id={id} />)),
  me: () => import('./pages/MePage.tsx').then((m) => m.MePage),
  search: () => import('./pages/exemptions/SearchPage.tsx').then((m) => m.SearchPage),
  reform: () => import('./pages/exemptions/ReformBoard.tsx').then((m) => m.ReformBoardPage),
  exemptionNew: () => import('./pages/exemptions/ExemptionNew.tsx').then((m) => m.ExemptionNewPage),
  exemption: () =>
    import('./pages/exemptions/ExemptionPage.tsx').then(({ ExemptionPage }) => withId((id) => <ExemptionPage key={id} id={id} />)),
  regulation: () =>
    import('./pages/exemptions/RegulationPage.tsx').then(({ RegulationPage }) =>
      withId((id) => <RegulationPage key={id} id={id} />),
    ),
  expert: () => import('./pages/review/ExpertWorkspace.tsx').then((m) => m.ExpertWorkspacePage),
  committees: () => import('./pages/review/Committees.tsx').then((m) => m.CommitteesPage),
  holidays: () => import('./pages/holidays/HolidaysPage.tsx').then((m) => m.HolidaysPage),
  rapidConfirmations: () =>
    import('./pages/rapid-confirmations/RapidConfirmationsPage.tsx').then((m) => m.RapidConfirmationsPage),
  rapidConfirmation: () =>
    import('./pages/rapid-confirmations/RapidConfirmationsPage.tsx').then(({ RapidConfirmationsPage }) =>
      withId((id) => <RapidConfirmationsPage openId={id} />),
    ),
  organisations: () => import('./pages/organisations/OrganisationsPage.tsx').then((m) => m.OrganisationsPage),
};

const pageRoutes: RouteObject[] = (Object.keys(ROUTE_PATHS) as RouteName[]).map((name) => ({
  id: name,
  path: ROUTE_PATHS[name],
  lazy: async () => ({ Component: await PAGES[name]() }),
  HydrateFallback: Loading,
  ErrorBoundary: RouteError,
}));

export const routes: RouteObject[] = [
  {
    id: 'root',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [...pageRoutes, { path: '*', Component: NotFoundPage }],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
