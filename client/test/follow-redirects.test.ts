import { describe, expect, it } from 'vitest';
import { followAuthorizationRedirects } from '../src/index.ts';

const REDIRECT = 'http://127.0.0.1:9000/callback';
const signal = new AbortController().signal;

describe('followAuthorizationRedirects', () => {
  it('follows an approval that signs in through a cookie, as a browser would', async () => {
    const seen: string[] = [];
    const fetch = ((input: string, init?: RequestInit) => {
      const url = new URL(input);
      const cookie = new Headers(init?.headers).get('cookie');
      seen.push(`${url.pathname} ${cookie ?? '-'}`);
      if (url.pathname === '/authorize') {
        return Promise.resolve(
          new Response(null, {
            status: 303,
            headers: { location: '/interaction/1', 'set-cookie': 'session=abc; Path=/; HttpOnly' },
          }),
        );
      }
      if (url.pathname === '/interaction/1' && cookie === 'session=abc') {
        return Promise.resolve(
          new Response(null, { status: 302, headers: { location: `${REDIRECT}?code=c&state=s` } }),
        );
      }
      return Promise.resolve(new Response('sign in', { status: 200 }));
    }) as typeof globalThis.fetch;
    const callback = await followAuthorizationRedirects(fetch)({
      url: 'https://auth.example.com/authorize?client_id=x',
      redirectUri: REDIRECT,
      phase: 'main',
      signal,
    });
    expect(callback).toBe(`${REDIRECT}?code=c&state=s`);
    expect(seen).toEqual(['/authorize -', '/interaction/1 session=abc']);
  });

  it('does not send one origin’s cookies to another', async () => {
    const cookies: (string | null)[] = [];
    const fetch = ((input: string, init?: RequestInit) => {
      const url = new URL(input);
      cookies.push(new Headers(init?.headers).get('cookie'));
      const location =
        url.host === 'auth.example.com' ? 'https://other.example.com/next' : `${REDIRECT}?code=c`;
      return Promise.resolve(
        new Response(null, { status: 302, headers: { location, 'set-cookie': 'a=1' } }),
      );
    }) as typeof globalThis.fetch;
    await followAuthorizationRedirects(fetch)({
      url: 'https://auth.example.com/authorize',
      redirectUri: REDIRECT,
      phase: 'main',
      signal,
    });
    expect(cookies).toEqual([null, null]);
  });
});
