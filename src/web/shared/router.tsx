// The pages' view of the router (React Router, route table in routes.tsx): links and navigation by path string,
// the current location, and the safe `next` of the login page.
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { Link as RouterLink, useLocation as useRouterLocation } from 'react-router';

type Navigate = (to: string, options: { replace?: boolean }) => void;
let navigator: Navigate | null = null;

/** Called once with the app's router (main.tsx), so code outside components can navigate. */
export function bindNavigator(navigate: Navigate): void {
  navigator = navigate;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (!navigator) throw new Error('navigate before the router is bound');
  navigator(to, options);
}

/** The current path and query, re-rendering on every navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const location = useRouterLocation();
  return { pathname: location.pathname, search: new URLSearchParams(location.search) };
}

/** Only same-site paths are followed after login. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return null;
  return next;
}

/** Client-side navigation for a plain link (e.g. an SVG map area); modified clicks open as the browser would. */
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

export function Link({ href, target, ...rest }: LinkProps) {
  if (target) return <a href={href} target={target} {...rest} />;
  return <RouterLink to={href} {...rest} />;
}
