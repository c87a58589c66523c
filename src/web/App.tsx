import { useEffect, useRef } from 'react';
import { useApp } from './app-context.tsx';
import { matchRoute, useLocation } from './router.tsx';
import { Footer } from './components/Footer.tsx';
import { Header, SkipLink } from './components/Header.tsx';
import { HomePage } from './pages/Home.tsx';
import { LoginPage } from './pages/Login.tsx';
import { MePage } from './pages/MePage.tsx';
import { NotFoundPage } from './pages/NotFound.tsx';
import { PlanNewPage } from './pages/plans/PlanNew.tsx';
import { PlansListPage } from './pages/plans/PlansList.tsx';
import { PlanWorkspacePage } from './pages/plans/PlanWorkspace.tsx';
import { RegionPage } from './pages/RegionPage.tsx';
import { CommitteesPage } from './pages/review/Committees.tsx';
import { HolidaysPage } from './pages/holidays/HolidaysPage.tsx';
import { RapidConfirmationsPage } from './pages/rapid-confirmations/RapidConfirmationsPage.tsx';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage.tsx';
import { ExpertWorkspacePage } from './pages/review/ExpertWorkspace.tsx';
import { RegionsPage } from './pages/Regions.tsx';
import { PlannerPage } from './pages/Planner.tsx';
import { ProjectNewPage } from './pages/demonstrations/ProjectNew.tsx';
import { ProjectPage } from './pages/demonstrations/ProjectPage.tsx';
import { ProjectsListPage } from './pages/demonstrations/ProjectsList.tsx';
import { ZonePage } from './pages/ZonePage.tsx';
import { ZonesPage } from './pages/Zones.tsx';
import { ExemptionNewPage } from './pages/exemptions/ExemptionNew.tsx';
import { ExemptionPage } from './pages/exemptions/ExemptionPage.tsx';
import { ReformBoardPage } from './pages/exemptions/ReformBoard.tsx';
import { RegulationPage } from './pages/exemptions/RegulationPage.tsx';
import { SearchPage } from './pages/exemptions/SearchPage.tsx';

function Page() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'login':
      return <LoginPage />;
    case 'regions':
      return <RegionsPage />;
    case 'region':
      return <RegionPage key={route.code} code={route.code} />;
    case 'zones':
      return <ZonesPage />;
    case 'zone':
      return <ZonePage key={route.id} id={route.id} />;
    case 'planner':
      return <PlannerPage />;
    case 'plans':
      return <PlansListPage />;
    case 'planNew':
      return <PlanNewPage />;
    case 'plan':
      return <PlanWorkspacePage key={route.id} id={route.id} />;
    case 'projects':
      return <ProjectsListPage />;
    case 'projectNew':
      return <ProjectNewPage />;
    case 'project':
      return <ProjectPage key={route.id} id={route.id} />;
    case 'me':
      return <MePage />;
    case 'search':
      return <SearchPage />;
    case 'reform':
      return <ReformBoardPage />;
    case 'exemptionNew':
      return <ExemptionNewPage />;
    case 'exemption':
      return <ExemptionPage key={route.id} id={route.id} />;
    case 'regulation':
      return <RegulationPage key={route.id} id={route.id} />;
    case 'expert':
      return <ExpertWorkspacePage />;
    case 'committees':
      return <CommitteesPage />;
    case 'holidays':
      return <HolidaysPage />;
    case 'rapidConfirmations':
      return <RapidConfirmationsPage openId={route.id} />;
    case 'organisations':
      return <OrganisationsPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

export function App() {
  const { pathname } = useLocation();
  const { lang } = useApp();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a client-side navigation, start at the top and move focus to the new content,
  // as a full page load would for keyboard and screen reader users.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div id="wrap" className="zl-app" data-lang={lang}>
      <SkipLink />
      <Header />
      <main id="main-content" ref={mainRef} tabIndex={-1} className="zl-main">
        <div className="inner">
          <Page />
        </div>
      </main>
      <Footer />
    </div>
  );
}
