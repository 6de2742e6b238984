import { describe, expect, it } from 'vitest';
import { authServerRequestFindings } from '../../src/index.ts';

const GOOD = {
  issuer: 'https://auth.example.com',
  authorization_endpoint: 'https://auth.example.com/authorize',
  token_endpoint: 'https://auth.example.com/token',
  response_types_supported: ['code'],
  code_challenge_methods_supported: ['S256'],
};

const ids = (metadata: unknown) => authServerRequestFindings(metadata).map((f) => f.id);

describe('authServerRequestFindings', () => {
  it('lets a spec-following client proceed against complete metadata', () => {
    expect(authServerRequestFindings(GOOD)).toEqual([]);
  });

  it.each([
    [{ ...GOOD, code_challenge_methods_supported: undefined }, 'as/pkce-not-advertised'],
    [{ ...GOOD, code_challenge_methods_supported: 'S256' }, 'as/pkce-not-advertised'],
    [{ ...GOOD, code_challenge_methods_supported: ['plain'] }, 'as/s256-not-supported'],
    [{ ...GOOD, code_challenge_methods_supported: [] }, 'as/s256-not-supported'],
    [{ ...GOOD, response_types_supported: ['token'] }, 'as/code-response-type-missing'],
    [{ ...GOOD, response_types_supported: undefined }, 'as/code-response-type-missing'],
    [{ ...GOOD, authorization_endpoint: undefined }, 'as/authorization-endpoint-missing'],
    [{ ...GOOD, authorization_endpoint: 42 }, 'as/authorization-endpoint-missing'],
    [
      { ...GOOD, authorization_endpoint: 'http://auth.example.com/a' },
      'as/authorization-endpoint-insecure',
    ],
    [
      { ...GOOD, authorization_endpoint: 'javascript:alert(1)' },
      'as/authorization-endpoint-insecure',
    ],
    [{ ...GOOD, authorization_endpoint: '/authorize' }, 'as/authorization-endpoint-insecure'],
    [
      { ...GOOD, authorization_endpoint: 'http://localhost.evil.com/a' },
      'as/authorization-endpoint-insecure',
    ],
  ])('blocks %j with %s', (metadata, id) => {
    expect(ids(metadata)).toEqual([id]);
  });

  it.each([
    'http://localhost:4000/authorize',
    'http://127.0.0.1/authorize',
    'http://127.1.2.3:8080/authorize',
    'http://[::1]:4000/authorize',
    'https://auth.example.com/authorize?tenant=a',
  ])('accepts the authorization endpoint %s', (endpoint) => {
    expect(ids({ ...GOOD, authorization_endpoint: endpoint })).toEqual([]);
  });

  it.each([null, [], 'text', 7, true])('reports %j as a document of the wrong type', (metadata) => {
    expect(authServerRequestFindings(metadata)).toEqual([
      expect.objectContaining({ id: 'as/invalid-type', path: [], severity: 'error' }),
    ]);
  });

  it('reports missing metadata', () => {
    expect(ids(undefined)).toEqual(['as/not-found']);
  });

  it('reports every blocking problem of an empty object, each with a cite', () => {
    const findings = authServerRequestFindings({});
    expect(findings.map((f) => f.id)).toEqual([
      'as/authorization-endpoint-missing',
      'as/code-response-type-missing',
      'as/pkce-not-advertised',
    ]);
    for (const finding of findings) expect(finding.cite?.url).toMatch(/^https:\/\//);
  });
});
