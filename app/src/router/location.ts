import { useSyncExternalStore } from 'react';

// The app is served under Vite's base path (BASE_URL: '/' locally, a prefix on the hosted
// docs), so every route is matched and linked relative to it.

const NAVIGATE_EVENT = 'playground:navigate';

function normalise(path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  return withSlash.length > 1 && withSlash.endsWith('/') ? withSlash.slice(0, -1) : withSlash;
}

/** The route path ('/', '/flow') of a pathname served under `base`. */
export function routePathOf(pathname: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (pathname === prefix.slice(0, -1)) return '/';
  return normalise(pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname);
}

/** The href of a route path under `base`. */
export function hrefOf(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const route = normalise(path);
  return route === '/' ? prefix : prefix + route.slice(1);
}

export function navigate(path: string, { replace = false } = {}): void {
  const href = hrefOf(path);
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current route path; re-renders on back/forward and on `navigate`. */
export function useRoutePath(): string {
  return useSyncExternalStore(
    subscribe,
    () => routePathOf(window.location.pathname),
    () => '/',
  );
}
