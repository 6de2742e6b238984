import { auth as authV2, computeScopeUnion } from '@modelcontextprotocol/client';
import { auth as authV1 } from '@modelcontextprotocol/sdk/client/auth.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { determineScope, type ScopeInput } from '../../src/index.ts';
import {
  caseArbitrary,
  fakeFetch,
  memoryProvider,
  readRedirect,
  RUNS,
  SERVER_URL,
  type Redirect,
} from './harness.ts';

/**
 * The scope the 2.x streamable HTTP transport hands to auth(): it folds every challenge into
 * the scope it asked for before with the package's own computeScopeUnion (a 403
 * insufficient_scope also folds in the granted scope, which here is the previous one).
 */
function requestedByTransportV2(input: ScopeInput): string | undefined {
  return computeScopeUnion(input.previousScope, input.challengeScope);
}

/**
 * The 1.x transport's bookkeeping, three assignments in src/client/streamableHttp.ts: a 401
 * sets the scope to the challenge's (`|| undefined`); a 403 insufficient_scope replaces it only
 * when the challenge has one, else keeps the scope it asked for before.
 */
function requestedByTransportV1(input: ScopeInput): string | undefined {
  if (input.challengeError === 'insufficient_scope') {
    return input.challengeScope ? input.challengeScope : input.previousScope || undefined;
  }
  return input.challengeScope || undefined;
}

/** Generous: each run is a full discovery with PKCE, and CI machines are shared. */
const TIMEOUT = 30_000 + RUNS * 50;

type Options = { serverUrl: string; scope?: string; fetchFn: typeof fetch };
type Provider = ReturnType<typeof memoryProvider>['provider'];

/** Each SDK's auth(), called with the in-memory provider (the compiler checks it fits both). */
const AUTH_V2 = (provider: Provider, options: Options) => authV2(provider, options);
const AUTH_V1 = (provider: Provider, options: Options) => authV1(provider, options);

async function drive(
  auth: typeof AUTH_V2 | typeof AUTH_V1,
  input: ScopeInput,
  scope: string | undefined,
): Promise<Redirect> {
  const { provider, redirect } = memoryProvider(input.clientMetadata);
  const options: Options = { serverUrl: SERVER_URL, fetchFn: fakeFetch(input) };
  if (scope !== undefined) options.scope = scope;
  const result = await auth(provider, options);
  const url = redirect();
  if (result !== 'REDIRECT' || url === undefined) throw new Error(`auth() returned ${result}`);
  return readRedirect(url);
}

/** Which kinds of decision the generated inputs reached, per profile. */
const reached = { 'typescript-sdk-2': new Set<string>(), 'typescript-sdk-1': new Set<string>() };

function expectAgreement(
  redirect: Redirect,
  input: ScopeInput,
  profile: 'typescript-sdk-2' | 'typescript-sdk-1',
) {
  const decision = determineScope(input, profile);
  expect(redirect.scope).toBe(decision.scope);
  expect(redirect.prompts.includes('consent')).toBe(decision.promptConsent);
  const kinds = reached[profile];
  kinds.add(`source:${decision.source}`);
  kinds.add(`offline_access:${decision.offlineAccess}`);
  if (decision.promptConsent) kinds.add('prompt=consent');
  if (redirect.prompts.length > 1) kinds.add('two prompts');
  for (const step of decision.steps) {
    if (step.deviation !== undefined) kinds.add(`deviation:${step.rule}`);
  }
}

/** The tiers and quirks the generators must reach, or the agreement would prove little. */
const MUST_REACH = [
  'source:challenge',
  'source:step-up-union',
  'source:resource-metadata',
  'source:client-metadata',
  'source:none',
  'offline_access:already-present',
  'offline_access:not-added',
  'prompt=consent',
  'two prompts',
  'deviation:client-scope',
  'deviation:resource-scopes',
  'deviation:step-up',
];

describe('differential: the TypeScript SDK profiles against the real auth()', () => {
  // 2.x warns on every call that a pre-registered client carries no issuer stamp (SEP-2352);
  // true here and irrelevant to the scope, so keep the output readable.
  const warn = vi.spyOn(console, 'warn');
  beforeAll(() => warn.mockImplementation(() => undefined));
  afterAll(() => warn.mockRestore());

  it(
    `typescript-sdk-2 agrees with @modelcontextprotocol/client over ${RUNS} inputs`,
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArbitrary, async (input) => {
          const redirect = await drive(AUTH_V2, input, requestedByTransportV2(input));
          expectAgreement(redirect, input, 'typescript-sdk-2');
        }),
        { numRuns: RUNS },
      );
      expect([...reached['typescript-sdk-2']]).toEqual(
        expect.arrayContaining([...MUST_REACH, 'offline_access:added', 'deviation:prompt-consent']),
      );
    },
    TIMEOUT,
  );

  it(
    `typescript-sdk-1 agrees with @modelcontextprotocol/sdk 1.32 over ${RUNS} inputs`,
    async () => {
      await fc.assert(
        fc.asyncProperty(caseArbitrary, async (input) => {
          const redirect = await drive(AUTH_V1, input, requestedByTransportV1(input));
          expectAgreement(redirect, input, 'typescript-sdk-1');
        }),
        { numRuns: RUNS },
      );
      expect([...reached['typescript-sdk-1']]).toEqual(expect.arrayContaining(MUST_REACH));
    },
    TIMEOUT,
  );

  // Quirks too rare for the generators to meet reliably, checked on the real SDK directly.
  const asOffering = (endpoint: string) => ({
    issuer: 'https://auth.example.com',
    authorization_endpoint: endpoint,
    token_endpoint: 'https://auth.example.com/token',
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['offline_access'],
  });
  const refreshingClient = (scope: string) => ({
    redirect_uris: ['http://localhost:3000/callback'],
    scope,
    grant_types: ['authorization_code', 'refresh_token'],
  });

  it.each([
    [
      'an empty scopes_supported falls through to the client scope; prompt is appended twice',
      {
        resourceMetadata: {
          resource: SERVER_URL,
          authorization_servers: ['https://auth.example.com'],
          scopes_supported: [],
        },
        authServerMetadata: asOffering('https://auth.example.com/authorize?prompt=login'),
        clientMetadata: refreshingClient('mine'),
      },
      { scope: 'mine offline_access', prompts: ['login', 'consent'] },
    ],
    [
      "split(' ') misses offline_access after a tab, so it is appended a second time",
      {
        authServerMetadata: asOffering('https://auth.example.com/authorize'),
        clientMetadata: refreshingClient('a\toffline_access'),
      },
      { scope: 'a\toffline_access offline_access', prompts: ['consent'] },
    ],
  ] as [string, ScopeInput, Redirect][])('2.x: %s', async (_name, input, expected) => {
    const redirect = await drive(AUTH_V2, input, requestedByTransportV2(input));
    expect(redirect).toEqual(expected);
    expectAgreement(redirect, input, 'typescript-sdk-2');
  });
});
