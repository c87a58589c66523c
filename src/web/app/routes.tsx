// The route table: each page is its own chunk, loaded when its route is first visited, with an error boundary of
// its own (RouteError) so a page that fails to render or to load leaves the header, footer and other routes working.
import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, useParams, type RouteObject } from 'react-router';
import { Layout } from './App.tsx';
import { RouteError } from './RouteError.tsx';
import { Loading } from '../shared/ui/ui.tsx';
import { NotFoundPage } from './NotFound.tsx';
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
  home: () => import('../features/home/routes/Home.tsx').then((m) => m.HomePage),
  login: () => import('../features/account/routes/Login.tsx').then((m) => m.LoginPage),
  regions: () => import('../features/regions/routes/Regions.tsx').then((m) => m.RegionsPage),
  region: () =>
    import('../features/regions/routes/RegionPage.tsx').then(({ RegionPage }) =>
      withParam('code', REGION_CODE_PARAM, (code) => <RegionPage key={code} code={code} />),
    ),
  zones: () => import('../features/zones/routes/Zones.tsx').then((m) => m.ZonesPage),
  zone: () => import('../features/zones/routes/ZonePage.tsx').then(({ ZonePage }) => withId((id) => <ZonePage key={id} id={id} />)),
  planner: () => import('../features/planner/routes/Planner.tsx').then((m) => m.PlannerPage),
  plans: () => import('../features/plans/routes/PlansList.tsx').then((m) => m.PlansListPage),
  planNew: () => import('../features/plans/routes/PlanNew.tsx').then((m) => m.PlanNewPage),
  plan: () =>
    import('../features/plans/routes/PlanWorkspace.tsx').then(({ PlanWorkspacePage }) =>
      withId((id) => <PlanWorkspacePage key={id} id={id} />),
    ),
  projects: () => import('../features/demonstrations/routes/ProjectsList.tsx').then((m) => m.ProjectsListPage),
  projectNew: () => import('../features/demonstrations/routes/ProjectNew.tsx').then((m) => m.ProjectNewPage),
  project: () =>
    import('../features/demonstrations/routes/ProjectPage.tsx').then(({ ProjectPage }) => withId((id) => <ProjectPage key={id} id={id} />)),
  me: () => import('../features/account/routes/MePage.tsx').then((m) => m.MePage),
  search: () => import('../features/regulations/routes/SearchPage.tsx').then((m) => m.SearchPage),
  reform: () => import('../features/exemptions/routes/ReformBoard.tsx').then((m) => m.ReformBoardPage),
  exemptionNew: () => import('../features/exemptions/routes/ExemptionNew.tsx').then((m) => m.ExemptionNewPage),
  exemption: () =>
    import('../features/exemptions/routes/ExemptionPage.tsx').then(({ ExemptionPage }) => withId((id) => <ExemptionPage key={id} id={id} />)),
  regulation: () =>
    import('../features/regulations/routes/RegulationPage.tsx').then(({ RegulationPage }) =>
      withId((id) => <RegulationPage key={id} id={id} />),
    ),
  expert: () => import('../features/review/routes/ExpertWorkspace.tsx').then((m) => m.ExpertWorkspacePage),
  committees: () => import('../features/review/routes/Committees.tsx').then((m) => m.CommitteesPage),
  holidays: () => import('../features/holidays/routes/HolidaysPage.tsx').then((m) => m.HolidaysPage),
  rapidConfirmations: () =>
    import('../features/rapid-confirmations/routes/RapidConfirmationsPage.tsx').then((m) => m.RapidConfirmationsPage),
  rapidConfirmation: () =>
    import('../features/rapid-confirmations/routes/RapidConfirmationsPage.tsx').then(({ RapidConfirmationsPage }) =>
      withId((id) => <RapidConfirmationsPage openId={id} />),
    ),
  organisations: () => import('../features/organisations/routes/OrganisationsPage.tsx').then((m) => m.OrganisationsPage),
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
