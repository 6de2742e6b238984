import { describe, expect, it } from 'vitest';
import { decodeTokenForDisplay, describeExpiry } from '../../src/flow/jwt-display.ts';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (header: unknown, claims: unknown) => `${b64url(header)}.${b64url(claims)}.c2ln`;

describe('decodeTokenForDisplay', () => {
  it('reads header, claims, audience, scope and times of a JWT access token', () => {
    const token = jwt(
      { alg: 'RS256', typ: 'at+jwt', kid: 'k1' },
      {
        iss: 'http://localhost:4000/as/default',
        aud: 'http://localhost:4000/mcp',
        scope: 'mcp:read',
        exp: 1_800_000_000,
        iat: 1_799_996_400,
        name: 'Zoë',
      },
    );
    const decoded = decodeTokenForDisplay(token);
    expect(decoded).toMatchObject({
      format: 'jwt',
      header: { alg: 'RS256', typ: 'at+jwt' },
      audience: ['http://localhost:4000/mcp'],
      scope: 'mcp:read',
      expiresAt: 1_800_000_000_000,
      issuedAt: 1_799_996_400_000,
      claims: { name: 'Zoë' },
    });
  });

  it('accepts an audience list and ignores its non-string entries', () => {
    const decoded = decodeTokenForDisplay(jwt({ alg: 'none' }, { aud: ['a', 3, 'b'] }));
    expect(decoded.format === 'jwt' && decoded.audience).toEqual(['a', 'b']);
  });

  it.each([
    ['an opaque token', 'Zm9vYmFy'],
    ['a JWT with a broken header', `%%%.${b64url({})}.x`],
    ['claims that are not an object', `${b64url({})}.${b64url([1])}.x`],
    ['claims that are not JSON', `${b64url({})}.bm90IGpzb24.x`],
  ])('treats %s as opaque', (_name, token) => {
    expect(decodeTokenForDisplay(token)).toEqual({ format: 'opaque', length: token.length });
  });
});

describe('describeExpiry', () => {
  it('counts down and then says how long ago the token expired', () => {
    expect(describeExpiry(10_000 + 3_725_000, 10_000)).toBe('expires in 1 h 02 min');
    expect(describeExpiry(305_000, 0)).toBe('expires in 5 min 05 s');
    expect(describeExpiry(9_000, 0)).toBe('expires in 9 s');
    expect(describeExpiry(0, 12_000)).toBe('expired 12 s ago');
  });
});
