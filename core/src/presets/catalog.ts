import {
  authServerMetadata,
  bearerChallenge,
  clientMetadata,
  resourceMetadata,
  SERVER_URL,
  type Preset,
} from './preset.ts';
import { DEFAULT_PRESET } from './default-preset.ts';

// Ordered as a walk through the rules: where the scope comes from, then refresh tokens, then
// step-up, then the authorization server and the client themselves.

const challengeScopeWins: Preset = {
  id: 'challenge-scope-wins',
  title: 'Challenge scope wins',
  explanation:
    "The server's 401 challenge names the scope this operation needs, so the client requests exactly that scope. The longer scopes_supported list in the Protected Resource Metadata is not consulted while the challenge carries a scope.",
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge('scope="files:read"'),
    resourceMetadata: resourceMetadata({
      scopes_supported: ['files:read', 'files:write', 'admin'],
    }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'admin'],
    }),
    clientMetadata: clientMetadata(),
  },
};

const prmScopesUsed: Preset = {
  id: 'prm-scopes-used',
  title: 'PRM scopes used',
  explanation:
    'The challenge has no scope, so the client falls back to every scope in the Protected Resource Metadata, in the order scopes_supported lists them. Delete scopes_supported and the scope parameter disappears from the request.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read', 'files:write'] }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'admin'],
    }),
    clientMetadata: clientMetadata(),
  },
};

const nothingToSelect: Preset = {
  id: 'nothing-to-select',
  title: 'Nothing to select: scope omitted',
  explanation:
    'Neither the challenge nor the Protected Resource Metadata names a scope, so the spec has the client leave the scope parameter out and let the authorization server apply its default. The SDKs fill the gap instead, with the client’s own scope or every scope the authorization server lists.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata(),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['openid', 'files:read', 'files:write', 'admin'],
    }),
    clientMetadata: clientMetadata({ grant_types: ['authorization_code'], scope: 'files:read' }),
  },
};

const emptyScopesSupported: Preset = {
  id: 'empty-scopes-supported',
  title: 'Empty scopes_supported',
  explanation:
    'An empty scopes_supported list leaves the spec’s client nothing to select, so it omits the scope parameter exactly as if the list were missing. The TypeScript SDKs treat the empty list as absent and fall back to the client’s own scope, which the comparison marks as a difference.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: [] }),
    authServerMetadata: authServerMetadata({ scopes_supported: ['files:read', 'files:write'] }),
    clientMetadata: clientMetadata({ grant_types: ['authorization_code'], scope: 'files:read' }),
  },
};

const asLacksOfflineAccess: Preset = {
  id: 'as-lacks-offline-access',
  title: 'AS lacks offline_access',
  explanation:
    'The client can use refresh tokens, but the authorization server does not list offline_access in its scopes_supported. SEP-2207 lets a client add offline_access only when the server advertises it, so the scope stays as selected.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read'] }),
    authServerMetadata: authServerMetadata({ scopes_supported: ['files:read', 'files:write'] }),
    clientMetadata: clientMetadata(),
  },
};

const clientLacksRefreshToken: Preset = {
  id: 'client-lacks-refresh-token',
  title: 'Client lacks refresh_token',
  explanation:
    'The authorization server offers offline_access, but the client’s grant_types has no refresh_token, so the client has no use for a refresh token and does not ask for one. Tick refresh_token in the client’s grant types to see offline_access appear.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read'] }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'offline_access'],
    }),
    clientMetadata: clientMetadata({ grant_types: ['authorization_code'] }),
  },
};

const prmAdvertisesOfflineAccess: Preset = {
  id: 'prm-advertises-offline-access',
  title: 'Non-compliant PRM advertises offline_access',
  explanation:
    'This Protected Resource Metadata lists offline_access in scopes_supported, which SEP-2207 says a resource should not do, because refresh tokens are not a resource requirement. The client copies the list into its scope anyway, so offline_access is already present and is not added a second time.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read', 'offline_access'] }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'offline_access'],
    }),
    clientMetadata: clientMetadata(),
  },
};

const stepUpUnion: Preset = {
  id: 'step-up-union',
  title: 'Step-up: union or replace',
  explanation:
    'A 403 insufficient_scope challenge asks for files:write while the token in hand was requested with files:read. The 2026-07-28 spec requests the union of both so the client keeps what it had, while the 2025-11-25 spec replaces the scope with the challenge’s alone.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge('error="insufficient_scope", scope="files:write"'),
    previousScope: 'files:read',
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read', 'files:write'] }),
    authServerMetadata: authServerMetadata({ scopes_supported: ['files:read', 'files:write'] }),
    clientMetadata: clientMetadata(),
  },
};

const asWithoutPkce: Preset = {
  id: 'as-without-pkce',
  title: 'AS without PKCE advertised',
  explanation:
    'This authorization server metadata has no code_challenge_methods_supported, so a client cannot tell whether the server supports PKCE with S256. An MCP client must refuse to continue, so there is no authorization request to show, while the TypeScript SDKs would go ahead.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read'] }),
    authServerMetadata: authServerMetadata({
      code_challenge_methods_supported: undefined,
      scopes_supported: ['files:read'],
    }),
    clientMetadata: clientMetadata(),
  },
};

const OIDC_ISSUER = 'https://login.example.com/tenant1';

const oidcPathIssuer: Preset = {
  id: 'oidc-path-issuer',
  title: 'OpenID provider with a path issuer',
  explanation:
    'The authorization server is an OpenID provider whose issuer has a path, so a client must try three metadata addresses in the spec’s order to find its configuration. OpenID Connect ignores offline_access unless the request also carries prompt=consent, which the SDKs add, as the comparison shows.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({
      authorization_servers: [OIDC_ISSUER],
      scopes_supported: ['files:read'],
    }),
    authServerMetadata: authServerMetadata({
      issuer: OIDC_ISSUER,
      authorization_endpoint: `${OIDC_ISSUER}/oauth2/v1/authorize`,
      token_endpoint: `${OIDC_ISSUER}/oauth2/v1/token`,
      registration_endpoint: undefined,
      userinfo_endpoint: `${OIDC_ISSUER}/oauth2/v1/userinfo`,
      jwks_uri: `${OIDC_ISSUER}/oauth2/v1/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access', 'files:read'],
    }),
    clientMetadata: clientMetadata(),
  },
};

const CIMD_URL = 'https://app.example.com/mcp/client.json';

const cimdClient: Preset = {
  id: 'cimd-client',
  title: 'CIMD client',
  explanation:
    'The client is identified by the HTTPS address of its Client ID Metadata Document, and the authorization server says it accepts such documents, so no registration is needed. The document’s client_id must be that HTTPS address: change it to a plain name to see the finding.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read'] }),
    authServerMetadata: authServerMetadata({
      registration_endpoint: undefined,
      scopes_supported: ['files:read', 'offline_access'],
      client_id_metadata_document_supported: true,
    }),
    clientMetadata: clientMetadata({ client_id: CIMD_URL }),
  },
};

/** Every preset, in the order the playground's menu lists them. */
export const PRESETS: readonly Preset[] = [
  challengeScopeWins,
  prmScopesUsed,
  nothingToSelect,
  emptyScopesSupported,
  DEFAULT_PRESET,
  asLacksOfflineAccess,
  clientLacksRefreshToken,
  prmAdvertisesOfflineAccess,
  stepUpUnion,
  asWithoutPkce,
  oidcPathIssuer,
  cimdClient,
];
