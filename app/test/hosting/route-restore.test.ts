import { describe, expect, it } from 'vitest';
import { ROUTE_PARAM, fallbackTarget, restoredAddress } from '../../src/boot/route-restore.ts';

const BASE = '/tools/auth-playground/';

function at(address: string) {
  const url = new URL(address, 'https://docs.example.com');
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

/** The address after the 404 page's redirect and the app's restore, as the browser shows it. */
function roundTrip(address: string, base = BASE): string | undefined {
  const target = fallbackTarget(at(address), base);
  if (target === undefined) return undefined;
  return restoredAddress(at(target), base) ?? target;
}

describe('the 404 fallback', () => {
  it.each([
    '/tools/auth-playground/flow',
    '/tools/auth-playground/flow?server=http%3A%2F%2Flocalhost%3A4000%2Fmcp',
    '/tools/auth-playground/callback?code=abc+def&state=x%2By&iss=https%3A%2F%2Fas.example',
    '/tools/auth-playground/flow?embed=1#s=AbC-_9',
    '/tools/auth-playground/no/such/page',
    '/tools/auth-playground/caf%C3%A9',
  ])('brings %s back exactly', (address) => {
    expect(roundTrip(address)).toBe(address);
  });

  it('keeps the original query in front of the route, so a host still sees embed=1', () => {
    expect(fallbackTarget(at('/tools/auth-playground/flow?embed=1#s=x'), BASE)).toBe(
      `/tools/auth-playground/?embed=1&${ROUTE_PARAM}=%2Fflow#s=x`,
    );
  });

  it('works for an app at the root of its host', () => {
    expect(roundTrip('/callback?code=1&state=2', '/')).toBe('/callback?code=1&state=2');
  });

  it('adds the slash a base path without one is missing', () => {
    expect(fallbackTarget(at('/tools/auth-playground?embed=1#s=x'), BASE)).toBe(
      '/tools/auth-playground/?embed=1#s=x',
    );
  });

  it('leaves addresses outside the base path alone', () => {
    expect(fallbackTarget(at('/tools/other/flow'), BASE)).toBeUndefined();
    expect(fallbackTarget(at('/tools/auth-playgroundish/flow'), BASE)).toBeUndefined();
  });

  it('does not loop when the app itself is missing or the redirect already happened', () => {
    expect(fallbackTarget(at('/tools/auth-playground/'), BASE)).toBeUndefined();
    expect(
      fallbackTarget(at(`/tools/auth-playground/flow?${ROUTE_PARAM}=%2Fflow`), BASE),
    ).toBeUndefined();
  });
});

describe('restoring the route on boot', () => {
  it('does nothing for an address that did not come through the 404 page', () => {
    expect(restoredAddress(at('/tools/auth-playground/?embed=1#s=x'), BASE)).toBeUndefined();
    expect(restoredAddress(at(`/tools/auth-playground/?${ROUTE_PARAM}=%2Fflow&a=b`), BASE)).toBe(
      undefined,
    );
  });

  it.each([
    ['//evil.example/x', 'a second slash would read as another host'],
    ['/../../admin', 'dot segments climb out of the base path'],
    ['/a/./b', 'dot segments'],
    ['flow', 'not a path'],
    ['/\\evil.example', 'a backslash'],
    ['%E0%A4%A', 'not valid percent-encoding'],
  ])('drops the route %s (%s) and opens the index', (route, _why) => {
    const search = `?a=1&${ROUTE_PARAM}=${encodeURIComponent(route)}`;
    expect(restoredAddress({ pathname: BASE, search, hash: '#s=x' }, BASE)).toBe(
      '/tools/auth-playground/?a=1#s=x',
    );
  });

  it('never leaves the origin, whatever the parameter holds', () => {
    const address = restoredAddress(
      at(`/tools/auth-playground/?${ROUTE_PARAM}=${encodeURIComponent('https://evil.example/')}`),
      BASE,
    );
    expect(new URL(address ?? '', 'https://docs.example.com').origin).toBe(
      'https://docs.example.com',
    );
  });
});
