// The route table: each page is its own chunk, loaded when its route is first visited, with an error boundary of
// its own (RouteError) so a page that fails to render or to load leaves the header, footer and other routes working.
import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, useParams, type RouteObject } from 'react-router';
import { Layout } from './App.tsx';
import { RouteError } from './RouteError.tsx';
import { Loading } from '../shared/ui/ui.tsx';
import { NotFoundPage } from './NotFound.tsx';
import { REGION_CODE_PARAM, ROUTE_PATHS, UUID_PARAM, type RouteName } from './route-paths.ts';
import { PAGE_MODULES } from './page-modules.ts';

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
  home: () => PAGE_MODULES.home().then((m) => m.HomePage),
  login: () => PAGE_MODULES.login().then((m) => m.LoginPage),
  regions: () => PAGE_MODULES.regions().then((m) => m.RegionsPage),
  region: () =>
    PAGE_MODULES.region().then(({ RegionPage }) =>
      withParam('code', REGION_CODE_PARAM, (code) => <RegionPage key={code} code={code} />),
    ),
  zones: () => PAGE_MODULES.zones().then((m) => m.ZonesPage),
  zone: () => PAGE_MODULES.zone().then(({ ZonePage }) => withId((id) => <ZonePage key={id} id={id} />)),
  planner: () => PAGE_MODULES.planner().then((m) => m.PlannerPage),
  plans: () => PAGE_MODULES.plans().then((m) => m.PlansListPage),
  planNew: () => PAGE_MODULES.planNew().then((m) => m.PlanNewPage),
  plan: () =>
    PAGE_MODULES.plan().then(({ PlanWorkspacePage }) =>
      withId((id) => <PlanWorkspacePage key={id} id={id} />),
    ),
  projects: () => PAGE_MODULES.projects().then((m) => m.ProjectsListPage),
  projectNew: () => PAGE_MODULES.projectNew().then((m) => m.ProjectNewPage),
  project: () =>
    PAGE_MODULES.project().then(({ ProjectPage }) => withId((id) => <ProjectPage key={id} id={id} />)),
  me: () => PAGE_MODULES.me().then((m) => m.MePage),
  search: () => PAGE_MODULES.search().then((m) => m.SearchPage),
  reform: () => PAGE_MODULES.reform().then((m) => m.ReformBoardPage),
  exemptionNew: () => PAGE_MODULES.exemptionNew().then((m) => m.ExemptionNewPage),
  exemption: () =>
    PAGE_MODULES.exemption().then(({ ExemptionPage }) => withId((id) => <ExemptionPage key={id} id={id} />)),
  regulation: () =>
    PAGE_MODULES.regulation().then(({ RegulationPage }) =>
      withId((id) => <RegulationPage key={id} id={id} />),
    ),
  expert: () => PAGE_MODULES.expert().then((m) => m.ExpertWorkspacePage),
  committees: () => PAGE_MODULES.committees().then((m) => m.CommitteesPage),
  holidays: () => PAGE_MODULES.holidays().then((m) => m.HolidaysPage),
  rapidConfirmations: () =>
    PAGE_MODULES.rapidConfirmations().then((m) => m.RapidConfirmationsPage),
  rapidConfirmation: () =>
    PAGE_MODULES.rapidConfirmation().then(({ RapidConfirmationsPage }) =>
      withId((id) => <RapidConfirmationsPage openId={id} />),
    ),
  organisations: () => PAGE_MODULES.organisations().then((m) => m.OrganisationsPage),
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
