// A tiny History-API router: enough for a handful of pages, no dependency.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(current, 'http://local');
  return { pathname: url.pathname, search: url.searchParams };
}

export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'regions' }
  | { name: 'region'; code: string }
  | { name: 'zones' }
  | { name: 'zone'; id: string }
  | { name: 'planner' }
  | { name: 'plans' }
  | { name: 'planNew' }
  | { name: 'plan'; id: string }
  | { name: 'projects' }
  | { name: 'projectNew' }
  | { name: 'project'; id: string }
  | { name: 'me' }
  | { name: 'search' }
  | { name: 'reform' }
  | { name: 'exemptionNew' }
  | { name: 'exemption'; id: string }
  | { name: 'regulation'; id: string }
  | { name: 'expert' }
  | { name: 'committees' }
  | { name: 'holidays' }
  | { name: 'rapidConfirmations'; id?: string }
  | { name: 'organisations' }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { name: 'home' };
  if (path === '/login') return { name: 'login' };
  if (path === '/regions') return { name: 'regions' };
  if (path === '/me') return { name: 'me' };
  if (path === '/expert') return { name: 'expert' };
  if (path === '/committees') return { name: 'committees' };
  if (path === '/holidays') return { name: 'holidays' };
  if (path === '/rapid-confirmations') return { name: 'rapidConfirmations' };
  const rapid = /^\/rapid-confirmations\/([0-9a-fA-F-]{36})$/.exec(path);
  if (rapid?.[1]) return { name: 'rapidConfirmations', id: rapid[1].toLowerCase() };
  if (path === '/organisations') return { name: 'organisations' };
  if (path === '/plans') return { name: 'plans' };
  if (path === '/plans/new') return { name: 'planNew' };
  const plan = /^\/plans\/([0-9a-fA-F-]{36})$/.exec(path);
  if (plan?.[1]) return { name: 'plan', id: plan[1].toLowerCase() };
  if (path === '/projects') return { name: 'projects' };
  if (path === '/projects/new') return { name: 'projectNew' };
  const project = /^\/projects\/([0-9a-fA-F-]{36})$/.exec(path);
  if (project?.[1]) return { name: 'project', id: project[1].toLowerCase() };
  if (path === '/search') return { name: 'search' };
  if (path === '/reform') return { name: 'reform' };
  if (path === '/exemptions/new') return { name: 'exemptionNew' };
  const exemption = /^\/exemptions\/([0-9a-fA-F-]{36})$/.exec(path);
  if (exemption?.[1]) return { name: 'exemption', id: exemption[1].toLowerCase() };
  const regulation = /^\/regulations\/([0-9a-fA-F-]{36})$/.exec(path);
  if (regulation?.[1]) return { name: 'regulation', id: regulation[1].toLowerCase() };
  if (path === '/zones') return { name: 'zones' };
  if (path === '/planner') return { name: 'planner' };
  const zone = /^\/zones\/([0-9a-fA-F-]{36})$/.exec(path);
  if (zone?.[1]) return { name: 'zone', id: zone[1].toLowerCase() };
  const region = /^\/regions\/(\d{2}|\d{5})$/.exec(path);
  if (region?.[1]) return { name: 'region', code: region[1] };
  return { name: 'notFound' };
}

/** Only same-site paths are followed after login. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return null;
  return next;
}

export function handleLinkClick(event: MouseEvent<Element>, href: string): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  event.preventDefault();
  navigate(href);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

export function Link({ href, onClick, ...rest }: LinkProps) {
  return (
    <a
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!rest.target) handleLinkClick(event, href);
      }}
      {...rest}
    />
  );
}
