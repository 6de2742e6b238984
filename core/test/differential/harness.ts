import fc from 'fast-check';
import type { ScopeInput } from '../../src/index.ts';

// Drives an SDK's real `auth()` as a black box: an in-memory client provider, a fake fetch
// serving the generated documents, and the authorization URL the SDK redirects to.

export const SERVER_URL = 'https://mcp.example.com/mcp';
export const AUTH_SERVER = 'https://auth.example.com';
const PRM_PATH = '/.well-known/oauth-protected-resource';

/** One generated situation: what the profile sees, and what the fake servers serve. */
export interface Case {
  input: ScopeInput;
  /** The scope the transport hands to auth() (see each SDK's test for how it is derived). */
  requested?: string;
}

const token = fc.constantFrom(
  'files:read',
  'files:write',
  'offline_access',
  'openid',
  'admin',
  'a',
);
/** Scope strings with repeats, odd whitespace and empty values: the corners that split the profiles. */
const scopeString = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(' ', 'files:read  files:read', 'a\toffline_access') },
  {
    weight: 6,
    arbitrary: fc.array(token, { minLength: 1, maxLength: 4 }).map((tokens) => tokens.join(' ')),
  },
);
const scopeList = fc.array(
  fc.oneof({ weight: 8, arbitrary: token }, { weight: 1, arbitrary: fc.constant('') }),
  { maxLength: 4 },
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

export const caseArbitrary: fc.Arbitrary<ScopeInput> = fc
  .record({
    challengeScope: maybe(scopeString),
    stepUp: fc.boolean(),
    previousScope: maybe(scopeString),
    prm: maybe(fc.record({ scopes_supported: maybe(scopeList) })),
    as: maybe(
      fc.record({
        scopes_supported: maybe(scopeList),
        promptInEndpoint: fc.boolean(),
      }),
    ),
    client: fc.record({
      scope: maybe(scopeString),
      grant_types: maybe(fc.subarray(['authorization_code', 'refresh_token'])),
    }),
  })
  .map(({ challengeScope, stepUp, previousScope, prm, as, client }) => {
    const input: ScopeInput = {};
    if (challengeScope !== undefined) input.challengeScope = challengeScope;
    if (stepUp) input.challengeError = 'insufficient_scope';
    if (previousScope !== undefined) input.previousScope = previousScope;
    if (prm !== undefined) {
      input.resourceMetadata = withDefined({
        resource: SERVER_URL,
        authorization_servers: [AUTH_SERVER],
        scopes_supported: prm.scopes_supported,
      });
    }
    if (as !== undefined) {
      input.authServerMetadata = withDefined({
        issuer: AUTH_SERVER,
        authorization_endpoint: `${AUTH_SERVER}/authorize${as.promptInEndpoint ? '?prompt=login' : ''}`,
        token_endpoint: `${AUTH_SERVER}/token`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: as.scopes_supported,
      });
    }
    input.clientMetadata = withDefined({
      redirect_uris: ['http://localhost:3000/callback'],
      client_name: 'Differential test client',
      scope: client.scope,
      grant_types: client.grant_types,
    });
    return input;
  });

function withDefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * The fake network: the PRM at its well-known URLs, the AS metadata at its well-known URLs (for
 * the issuer the SDK discovered), 404 for everything else. Nothing leaves the process.
 */
export function fakeFetch(input: ScopeInput): typeof fetch {
  return (resource: string | URL | Request) => {
    const url = new URL(resource instanceof Request ? resource.url : resource);
    if (url.pathname.startsWith(PRM_PATH) && url.host === 'mcp.example.com') {
      return Promise.resolve(
        input.resourceMetadata === undefined
          ? new Response('not found', { status: 404 })
          : json(input.resourceMetadata),
      );
    }
    const wellKnown =
      url.pathname.startsWith('/.well-known/oauth-authorization-server') ||
      url.pathname.startsWith('/.well-known/openid-configuration');
    if (wellKnown && input.authServerMetadata !== undefined) {
      // Without a PRM the SDKs fall back to the MCP server's origin as the issuer.
      return Promise.resolve(json({ ...(input.authServerMetadata as object), issuer: url.origin }));
    }
    return Promise.resolve(new Response('not found', { status: 404 }));
  };
}

/** What the SDK's redirect carried, read from the captured authorization URL. */
export interface Redirect {
  scope: string | undefined;
  prompts: string[];
}

export function readRedirect(url: URL): Redirect {
  return {
    scope: url.searchParams.get('scope') ?? undefined,
    prompts: url.searchParams.getAll('prompt'),
  };
}

/** An in-memory client provider for a pre-registered client, capturing the redirect. */
export function memoryProvider(clientMetadata: unknown) {
  let redirect: URL | undefined;
  let verifier = '';
  // Round-tripped as the SDK saves it (2.x stamps the issuer on it).
  let information: { client_id: string; [field: string]: unknown } = {
    client_id: 'differential-client',
  };
  const provider = {
    get redirectUrl() {
      return 'http://localhost:3000/callback';
    },
    get clientMetadata() {
      return clientMetadata as never;
    },
    clientInformation: () => information,
    saveClientInformation: (saved: { client_id: string; [field: string]: unknown }) => {
      information = saved;
    },
    tokens: () => undefined,
    saveTokens: () => undefined,
    redirectToAuthorization: (url: URL) => {
      redirect = url;
    },
    saveCodeVerifier: (value: string) => {
      verifier = value;
    },
    codeVerifier: () => verifier,
  };
  return {
    provider,
    redirect: () => redirect,
  };
}

/** How many generated inputs each SDK is driven with; DIFFERENTIAL_RUNS raises it. */
export const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 1000);
