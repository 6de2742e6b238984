// A static host without rewrites answers a deep link (/base/flow, or /base/callback?code=… from
// an authorization server) with its 404 page. Ours sends the browser to the app's own index with
// the route appended as the last query parameter, and the app puts the route back before it
// renders. The original query stays in place, byte for byte, in front of that parameter: the
// callback's `code`, `state` and `iss`, or `embed=1` (which a host's framing rule reads).

/** Named so that no authorization response or app parameter is likely to share it. */
export const ROUTE_PARAM = 'playground-route';

interface PageLocation {
  pathname: string;
  search: string;
  hash: string;
}

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * Where the 404 page should send the browser, or undefined when the address is not the app's
 * to restore: outside the base path, the base itself (the app's index is missing, so a redirect
 * would loop), or an address that has been through the fallback once already.
 */
export function fallbackTarget(location: PageLocation, base: string): string | undefined {
  const prefix = withSlash(base);
  const { pathname, search, hash } = location;
  if (`${pathname}/` === prefix) return `${prefix}${search}${hash}`;
  if (!pathname.startsWith(prefix) || pathname === prefix) return undefined;
  if (new URLSearchParams(search).has(ROUTE_PARAM)) return undefined;
  const route = pathname.slice(prefix.length - 1);
  const param = `${ROUTE_PARAM}=${encodeURIComponent(route)}`;
  return `${prefix}${search ? `${search}&` : '?'}${param}${hash}`;
}

/** A route the app may restore: a path below the base, with no dot segments to climb out. */
function isRoutePath(route: string): boolean {
  if (!route.startsWith('/') || route.startsWith('//') || route.includes('\\')) return false;
  return route.split('/').every((segment) => segment !== '.' && segment !== '..');
}

/**
 * The address a fallback redirect stands for, or undefined when the address did not come
 * through the 404 page. A route that is not a plain path below the base is dropped, leaving the
 * app's index with the original query.
 */
export function restoredAddress(location: PageLocation, base: string): string | undefined {
  const match = new RegExp(`(?:^\\?|&)${ROUTE_PARAM}=([^&]*)$`).exec(location.search);
  if (!match) return undefined;
  const query = location.search.slice(0, match.index);
  const prefix = withSlash(base);
  let route: string;
  try {
    route = decodeURIComponent(match[1] ?? '');
  } catch {
    return `${prefix}${query}${location.hash}`;
  }
  const path = isRoutePath(route) ? `${prefix}${route.slice(1)}` : prefix;
  return `${path}${query}${location.hash}`;
}

/** Puts a route the 404 page carried back in the address bar, before anything reads it. */
export function restoreRoute(base: string = import.meta.env.BASE_URL): void {
  const address = restoredAddress(window.location, base);
  if (address !== undefined) window.history.replaceState(window.history.state, '', address);
}
