import { describe, expect, it } from 'vitest';
import { hrefOf, routePathOf } from '../src/router/location.ts';

describe('routes under a base path', () => {
  it('reads the route path from a pathname served at the root', () => {
    expect(routePathOf('/', '/')).toBe('/');
    expect(routePathOf('/flow', '/')).toBe('/flow');
    expect(routePathOf('/flow/', '/')).toBe('/flow');
  });

  it('reads the route path under a prefix, with or without its trailing slash', () => {
    expect(routePathOf('/docs/playground/', '/docs/playground/')).toBe('/');
    expect(routePathOf('/docs/playground', '/docs/playground/')).toBe('/');
    expect(routePathOf('/docs/playground/callback', '/docs/playground/')).toBe('/callback');
  });

  it('builds hrefs under the prefix', () => {
    expect(hrefOf('/', '/')).toBe('/');
    expect(hrefOf('/flow', '/')).toBe('/flow');
    expect(hrefOf('/', '/docs/playground/')).toBe('/docs/playground/');
    expect(hrefOf('/callback', '/docs/playground/')).toBe('/docs/playground/callback');
  });
});
