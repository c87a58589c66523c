import { useEffect, useRef } from 'react';
import { Outlet } from 'react-router';
import { useApp } from '../shared/app-context.tsx';
import { useLocation } from '../shared/router.tsx';
import { Footer } from './Footer.tsx';
import { Header, SkipLink } from './Header.tsx';

/** The frame of every page (skip link, header, main, footer); the route's page renders in the outlet. */
export function Layout() {
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
          <Outlet />
        </div>
      </main>
      <Footer />
    </div>
  );
}
