import type { AuthorizeHook } from './io.ts';
import { describeTransportFailure, TransportError } from './transport.ts';

/** The redirects a browser follows before it calls a chain a loop (the Fetch standard's 20). */
export const MAX_AUTHORIZATION_REDIRECTS = 20;

export interface FollowRedirectsOptions {
  /** Most hops before the chain counts as a loop. */
  maxRedirects?: number;
}

/** Cookies by origin, so a server that signs in through a redirect chain sees its own again. */
class CookieJar {
  private readonly jar = new Map<string, Map<string, string>>();

  take(origin: string, response: Response): void {
    const set =
      typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [];
    for (const line of set) {
      const pair = line.split(';', 1)[0] ?? '';
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const cookies = this.jar.get(origin) ?? new Map<string, string>();
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
      this.jar.set(origin, cookies);
    }
  }

  header(origin: string): string | undefined {
    const cookies = this.jar.get(origin);
    if (!cookies || cookies.size === 0) return undefined;
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** True when `url` is the redirect URI itself, whatever query the server added. */
function isCallback(url: URL, redirectUri: string): boolean {
  const expected = new URL(redirectUri);
  return url.origin === expected.origin && url.pathname === expected.pathname;
}

/**
 * The authorize hook of a headless run: follows the authorization endpoint's redirects itself,
 * as a browser would, until one points at the redirect URI, and returns that URL. It serves an
 * authorization server that approves without a person (a conformance suite's, or the testbed's
 * opt-in headless mode); one that shows a sign-in page ends the run with a plain message.
 */
export function followAuthorizationRedirects(
  fetch: typeof globalThis.fetch,
  options: FollowRedirectsOptions = {},
): AuthorizeHook {
  const limit = options.maxRedirects ?? MAX_AUTHORIZATION_REDIRECTS;
  return async ({ url, redirectUri, signal }) => {
    const jar = new CookieJar();
    let current = new URL(url);
    for (let hop = 0; hop <= limit; hop += 1) {
      if (isCallback(current, redirectUri)) return current.href;
      const cookie = jar.header(current.origin);
      let response: Response;
      try {
        response = await fetch(current.href, {
          method: 'GET',
          redirect: 'manual',
          signal,
          headers: { accept: 'text/html, application/json', ...(cookie ? { cookie } : {}) },
        });
      } catch (error) {
        if (signal.aborted) throw new Error('the run was cancelled', { cause: error });
        throw describeTransportFailure(error, current.href);
      }
      jar.take(current.origin, response);
      const location = response.headers.get('location');
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 300 || response.status >= 400 || location === null) {
        throw new Error(
          `the authorization endpoint answered ${response.status} at ${current.origin}${current.pathname} instead of redirecting: it wants a person to sign in or consent, so run the flow interactively`,
        );
      }
      try {
        current = new URL(location, current);
      } catch {
        throw new Error(`the authorization server redirected to “${location}”, which is not a URL`);
      }
    }
    throw new TransportError(
      'redirect-loop',
      `the authorization server redirected more than ${limit} times without reaching ${redirectUri} (a redirect loop)`,
    );
  };
}
