import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITES } from '../../src/cite.ts';
import {
  checkAuthorizationResponse,
  type AuthorizationResponseInput,
} from '../../src/protocol/authorization-response.ts';

const ISSUER = 'https://auth.example.com';
const CALLBACK = 'http://localhost:5173/callback';

function check(query: string, overrides: Partial<AuthorizationResponseInput> = {}) {
  return checkAuthorizationResponse({
    callbackUrl: `${CALLBACK}?${query}`,
    expectedState: 'xyz',
    expectedIssuer: ISSUER,
    ...overrides,
  });
}

const ISS = `iss=${encodeURIComponent(ISSUER)}`;

describe('checkAuthorizationResponse: the RFC 9207 table of MCP 2026-07-28', () => {
  it('supported and present: compares, and accepts an identical issuer', () => {
    expect(check(`code=abc&state=xyz&${ISS}`, { issParameterSupported: true })).toEqual({
      ok: true,
      code: 'abc',
      iss: ISSUER,
    });
  });

  it('supported and present: rejects a different issuer', () => {
    expect(
      check('code=abc&state=xyz&iss=https%3A%2F%2Fevil.example', { issParameterSupported: true }),
    ).toMatchObject({ ok: false, reason: 'iss-mismatch' });
  });

  it('supported and absent: rejects', () => {
    expect(check('code=abc&state=xyz', { issParameterSupported: true })).toMatchObject({
      ok: false,
      reason: 'iss-missing',
      cite: CITES.issValidation,
    });
  });

  it.each([false, undefined])(
    'supported %s and present: still compares',
    (issParameterSupported) => {
      expect(check(`code=abc&state=xyz&${ISS}`, { issParameterSupported })).toEqual({
        ok: true,
        code: 'abc',
        iss: ISSUER,
      });
      expect(
        check('code=abc&state=xyz&iss=https%3A%2F%2Fevil.example', { issParameterSupported }),
      ).toMatchObject({ ok: false, reason: 'iss-mismatch' });
    },
  );

  it.each([false, undefined])('supported %s and absent: proceeds', (issParameterSupported) => {
    expect(check('code=abc&state=xyz', { issParameterSupported })).toEqual({
      ok: true,
      code: 'abc',
    });
  });

  it.each([
    ['upper-case host', 'https://AUTH.example.com'],
    ['trailing slash', 'https://auth.example.com/'],
    ['default port', 'https://auth.example.com:443'],
    ['percent-encoded character', 'https://auth.ex%61mple.com'],
    ['upper-case scheme', 'HTTPS://auth.example.com'],
  ])('compares by exact string, with no normalisation: %s is a mismatch', (_, iss) => {
    expect(check(`code=abc&state=xyz&iss=${encodeURIComponent(iss)}`)).toMatchObject({
      ok: false,
      reason: 'iss-mismatch',
    });
  });

  it('decodes the form encoding of iss before comparing, and nothing more', () => {
    expect(
      check('code=abc&state=xyz&iss=https://auth.example.com/a+b', {
        expectedIssuer: 'https://auth.example.com/a b',
      }),
    ).toMatchObject({ ok: true });
  });

  it('on an issuer mismatch, neither returns nor quotes the error of the response', () => {
    const result = check(
      'error=access_denied&error_description=Call+1-800-SCAM&error_uri=https%3A%2F%2Fevil.example&state=xyz&iss=https%3A%2F%2Fevil.example',
    );
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('error');
    expect(JSON.stringify(result)).not.toMatch(/access_denied|SCAM/);
  });

  it('returns the error of a verified error response', () => {
    expect(check(`error=access_denied&error_description=User+said+no&state=xyz&${ISS}`)).toEqual({
      ok: false,
      reason: 'error-response',
      message: 'The authorization server refused the request with error "access_denied".',
      cite: CITES.authorizationResponse6749,
      error: { error: 'access_denied', description: 'User said no' },
    });
    expect(check('error=login_required&state=xyz')).toMatchObject({
      reason: 'error-response',
      error: { error: 'login_required' },
    });
  });

  it('rejects an error response whose issuer is missing where it is required', () => {
    const result = check('error=access_denied&state=xyz', { issParameterSupported: true });
    expect(result).toMatchObject({ ok: false, reason: 'iss-missing' });
    expect(result).not.toHaveProperty('error');
  });
});

describe('checkAuthorizationResponse: state and code', () => {
  it('compares state exactly', () => {
    for (const query of ['code=abc&state=XYZ', 'code=abc&state=xyz%20', 'code=abc']) {
      expect(check(query)).toMatchObject({ ok: false, reason: 'state-mismatch' });
    }
    expect(check('code=abc&state=xyz&state=xyz')).toMatchObject({
      ok: false,
      reason: 'state-mismatch',
      message: expect.stringMatching(/more than once/) as unknown,
    });
  });

  it('does not return the error of a response for another request', () => {
    const result = check('error=access_denied&state=other');
    expect(result).toMatchObject({ ok: false, reason: 'state-mismatch' });
    expect(result).not.toHaveProperty('error');
  });

  it('needs exactly one non-empty code', () => {
    expect(check('state=xyz')).toMatchObject({ ok: false, reason: 'no-code' });
    expect(check('code=&state=xyz')).toMatchObject({ ok: false, reason: 'no-code' });
    expect(check('code=a&code=b&state=xyz')).toMatchObject({
      ok: false,
      reason: 'no-code',
      message: 'The response carries more than one code, so none of them is used.',
    });
  });

  it('rejects a repeated iss', () => {
    expect(check(`code=abc&state=xyz&${ISS}&${ISS}`)).toMatchObject({
      ok: false,
      reason: 'iss-mismatch',
    });
  });

  it('is total on any callback URL', () => {
    expect(
      checkAuthorizationResponse({
        callbackUrl: 'not a url',
        expectedState: 'x',
        expectedIssuer: ISSUER,
      }),
    ).toMatchObject({ ok: false, reason: 'no-code' });
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(fc.boolean(), { nil: undefined }),
        (query, state, supported) => {
          const result = checkAuthorizationResponse({
            callbackUrl: `${CALLBACK}?${query}`,
            expectedState: state,
            expectedIssuer: ISSUER,
            issParameterSupported: supported,
          });
          if (result.ok) expect(result.code).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });
});
