import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChallenge, parseWwwAuthenticate } from '../../src/protocol/www-authenticate.ts';

/** Compares params as plain data (they are prototype-less records). */
function plain(header: string) {
  return parseWwwAuthenticate(header).map((challenge) => ({
    ...challenge,
    params: { ...challenge.params },
  }));
}

describe('parseWwwAuthenticate', () => {
  it('reads the 401 example of MCP 2026-07-28 "Scope Selection Strategy", line folding included', () => {
    const header =
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource",\r\n' +
      '                         scope="files:read"';
    expect(plain(header)).toEqual([
      {
        scheme: 'Bearer',
        params: {
          resource_metadata: 'https://mcp.example.com/.well-known/oauth-protected-resource',
          scope: 'files:read',
        },
      },
    ]);
  });

  it('reads the 403 insufficient_scope example of MCP 2026-07-28', () => {
    const header =
      'Bearer error="insufficient_scope", scope="files:write", ' +
      'resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource", ' +
      'error_description="File write permission required for this operation"';
    expect(plain(header)).toEqual([
      {
        scheme: 'Bearer',
        params: {
          error: 'insufficient_scope',
          scope: 'files:write',
          resource_metadata: 'https://mcp.example.com/.well-known/oauth-protected-resource',
          error_description: 'File write permission required for this operation',
        },
      },
    ]);
  });

  it('reads the two-challenge example of RFC 9110 §11.6.1, with an escaped quote', () => {
    const header =
      'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"';
    expect(plain(header)).toEqual([
      { scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'Basic', params: { realm: 'simple' } },
    ]);
  });

  it('reads the RFC 6750 §3 examples', () => {
    expect(plain('Bearer realm="example"')).toEqual([
      { scheme: 'Bearer', params: { realm: 'example' } },
    ]);
    expect(
      plain(
        'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      ),
    ).toEqual([
      {
        scheme: 'Bearer',
        params: {
          realm: 'example',
          error: 'invalid_token',
          error_description: 'The access token expired',
        },
      },
    ]);
  });

  it('reads token68 credentials and tells them from parameters', () => {
    expect(plain('Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg==, Bearer')).toEqual([
      { scheme: 'Negotiate', params: {}, token68: 'YIIBhwYGKwYBBQUCoIIBezCCAXeg==' },
      { scheme: 'Bearer', params: {} },
    ]);
    expect(plain('Basic abc/+._~-= ')).toEqual([
      { scheme: 'Basic', params: {}, token68: 'abc/+._~-=' },
    ]);
    expect(plain('Bearer realm=x')).toEqual([{ scheme: 'Bearer', params: { realm: 'x' } }]);
  });

  it('lower-cases parameter names, keeps the scheme as sent and keeps value case', () => {
    expect(plain('BEARER Realm="MiXed", SCOPE=Files:Read')).toEqual([
      { scheme: 'BEARER', params: { realm: 'MiXed', scope: 'Files:Read' } },
    ]);
  });

  it('reads a bare value that is not a token up to whitespace or a comma, as the SDKs do', () => {
    expect(
      plain('Bearer resource_metadata=https://mcp.example.com/.well-known/x?a=b, scope=a:b'),
    ).toEqual([
      {
        scheme: 'Bearer',
        params: { resource_metadata: 'https://mcp.example.com/.well-known/x?a=b', scope: 'a:b' },
      },
    ]);
  });

  it('allows whitespace around "=" and commas, and empty list elements', () => {
    expect(plain(' ,  Bearer   realm = "a" ,, scope =\t"b c"  ,  , Basic ,')).toEqual([
      { scheme: 'Bearer', params: { realm: 'a', scope: 'b c' } },
      { scheme: 'Basic', params: {} },
    ]);
  });

  it('keeps an empty quoted value, which differs from an absent one', () => {
    expect(plain('Bearer scope=""')).toEqual([{ scheme: 'Bearer', params: { scope: '' } }]);
  });

  it('keeps the first of a repeated parameter', () => {
    expect(plain('Bearer scope="a", Scope="b"')).toEqual([
      { scheme: 'Bearer', params: { scope: 'a' } },
    ]);
  });

  it('keeps commas and equals signs inside quoted strings', () => {
    expect(plain('Bearer scope="a,b=c", realm="x"')).toEqual([
      { scheme: 'Bearer', params: { scope: 'a,b=c', realm: 'x' } },
    ]);
  });

  it('reads what it can from malformed headers', () => {
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(plain('Bearer realm="unterminated')).toEqual([
      { scheme: 'Bearer', params: { realm: 'unterminated' } },
    ]);
    expect(plain('Bearer realm="a\\')).toEqual([{ scheme: 'Bearer', params: { realm: 'a' } }]);
    // A bare value with a space: the rest of that element is skipped, the next one still counts.
    expect(plain('Bearer error=invalid token, scope="s"')).toEqual([
      { scheme: 'Bearer', params: { error: 'invalid', scope: 's' } },
    ]);
    // A parameter before any scheme has no challenge to belong to.
    expect(plain('realm="x", Bearer scope="s"')).toEqual([
      { scheme: 'Bearer', params: { scope: 's' } },
    ]);
    expect(plain('"quoted", Bearer')).toEqual([{ scheme: 'Bearer', params: {} }]);
    expect(plain('Bearer foo bar, Basic')).toEqual([
      { scheme: 'Bearer', params: {} },
      { scheme: 'Basic', params: {} },
    ]);
  });

  it('treats __proto__ and other inherited names as plain parameters', () => {
    const [challenge] = parseWwwAuthenticate('Bearer __proto__="x", constructor="y", toString="z"');
    expect(challenge).toBeDefined();
    const params = challenge!.params;
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(Object.keys(params)).toEqual(['__proto__', 'constructor', 'tostring']);
    expect(params['__proto__']).toBe('x');
    expect(params['constructor']).toBe('y');
    expect(params['hasownproperty']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    // Spreading into an ordinary object keeps the key as data: string values cannot set a prototype.
    expect(Object.getPrototypeOf({ ...params })).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(params))).toEqual(
      JSON.parse('{"__proto__":"x","constructor":"y","tostring":"z"}'),
    );
  });

  it('is total: any string gives challenges with string params and never throws', () => {
    const alphabet = fc.constantFrom(...' \t\r\n,=";\\abBZ09-._~+/:é'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: alphabet, maxLength: 200 })),
        (header) => {
          const challenges = parseWwwAuthenticate(header);
          for (const challenge of challenges) {
            expect(challenge.scheme).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
            for (const value of Object.values(challenge.params))
              expect(typeof value).toBe('string');
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads back the parameters of a header it was given, whatever their values', () => {
    const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, fc.string({ maxLength: 30 })), {
          minLength: 1,
          maxLength: 6,
          selector: ([key]) => key,
        }),
        (params) => {
          const header =
            'Bearer ' +
            params
              .map(([key, value]) => `${key}="${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`)
              .join(', ');
          const [challenge] = parseWwwAuthenticate(header);
          expect({ ...challenge?.params }).toEqual(Object.fromEntries(params));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('findChallenge', () => {
  it('finds a scheme case-insensitively', () => {
    const challenges = parseWwwAuthenticate('Basic realm="a", bEaReR scope="s"');
    expect(findChallenge(challenges, 'Bearer')?.params['scope']).toBe('s');
    expect(findChallenge(challenges, 'DPoP')).toBeUndefined();
  });
});
