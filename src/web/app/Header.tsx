import { useState } from 'react';
import { api } from '../shared/api.ts';
import { useApp } from '../shared/app-context.tsx';
import { Link, navigate, useLocation } from '../shared/router.tsx';
import { useUnread } from '../features/notifications/index.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

export function SkipLink() {
  const { t } = useApp();
  return (
    <div id="krds-skip-link">
      <a href="#main-content">{t('skipToContent')}</a>
    </div>
  );
}

export function Header() {
  const { t, user, endSession } = useApp();
  const { pathname } = useLocation();
  const [busy, setBusy] = useState(false);
  // On narrow screens the navigation is a menu behind a button (CSS shows the button below 768 px).
  const [menuOpen, setMenuOpen] = useState(false);
  const unread = useUnread(user?.id);

  const current = (href: string) =>
    href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);

  const logout = async () => {
    setBusy(true);
    try {
      await api.logout();
    } catch {
      // the session is dropped locally either way
    } finally {
      setBusy(false);
      endSession();
      navigate('/');
    }
  };

  const links: { href: string; label: string }[] = [
    { href: '/', label: t('navHome') },
    { href: '/zones', label: t('navZones') },
    { href: '/regions', label: t('navRegions') },
    { href: '/search', label: t('exNavSearch') },
    { href: '/reform', label: t('exNavReform') },
  ];
  if (user) links.push({ href: '/planner', label: t('navPlanner') }, { href: '/plans', label: t('planNav') }, { href: '/projects', label: t('prjNav') }, { href: '/rapid-confirmations', label: t('rcNav') });
  if (user?.organisation.kind === 'expert') links.push({ href: '/expert', label: t('rvNav') });
  if (user?.organisation.kind === 'ministry') links.push({ href: '/committees', label: t('rvCommitteeNav') }, { href: '/holidays', label: t('hdNav') }, { href: '/organisations', label: t('orgNav') });
  if (user) links.push({ href: '/me', label: t('navMe') });

  return (
    <header id="krds-header" className="zl-header">
      <div className="header-in">
        <div className="header-container">
          <div className="inner zl-header-inner">
            <div className="zl-branding">
              <Link href="/" className="zl-brand">
                <span className="zl-brand-mark" aria-hidden="true">
                  ZL
                </span>
                <span className="zl-brand-text">
                  <span className="zl-brand-name">{t('appName')}</span>
                  <span className="zl-brand-tagline">{t('appTagline')}</span>
                </span>
              </Link>
            </div>
            <div className="zl-utility">
              <LanguageSwitcher />
              {user ? (
                <>
                  <Link
                    href="/me#notifications"
                    className="krds-btn small text zl-bell"
                    data-testid="notification-bell"
                    aria-label={
                      unread ? t('notificationsBellUnread', { count: unread }) : t('notificationsBell')
                    }
                  >
                    <BellIcon />
                    {unread ? (
                      <span className="zl-bell-count" aria-hidden="true">
                        {unread > 99 ? '99+' : unread}
                      </span>
                    ) : null}
                  </Link>
                  <Link href="/me" className="krds-btn small text zl-user">
                    <i className="svg-icon ico-my" aria-hidden="true" />
                    {/* On a phone only the icon shows; the name stays the link's accessible name. */}
                    <span className="zl-user-name">{t('signedInAs', { name: user.displayName })}</span>
                  </Link>
                  <button type="button" className="krds-btn small tertiary" onClick={logout} disabled={busy}>
                    {t('navLogout')}
                  </button>
                </>
              ) : user === null ? (
                <Link
                  href={pathname === '/login' || pathname === '/' ? '/login' : `/login?next=${encodeURIComponent(pathname)}`}
                  className="krds-btn small secondary"
                >
                  {t('navLogin')}
                </Link>
              ) : null}
            </div>
          </div>
        </div>
        <nav className={`zl-nav${menuOpen ? ' is-open' : ''}`} aria-label={t('navLabel')}>
          <div className="inner">
            <button
              type="button"
              className="krds-btn small secondary zl-nav-toggle"
              aria-expanded={menuOpen}
              aria-controls="zl-nav-links"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('navMenu')}
            </button>
            <ul id="zl-nav-links">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} aria-current={current(link.href) ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      </div>
    </header>
  );
}

function BellIcon() {
  return (
    <svg className="zl-bell-icon" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm0 19a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Z"
        fill="currentColor"
      />
    </svg>
  );
}
