import { FakeNetwork, json, status } from './fake-network.ts';

// A server pair shaped like the testbed's default pair, on names that never reach a network:
// every request in these tests goes to the fake.
export const SERVER = 'https://mcp.example.test/mcp';
export const PRM_FROM_CHALLENGE =
  'https://mcp.example.test/.well-known/oauth-protected-resource/mcp';
export const PRM_ROOT = 'https://mcp.example.test/.well-known/oauth-protected-resource';
export const ISSUER = 'https://auth.example.test/tenant1';
export const AS_OAUTH = 'https://auth.example.test/.well-known/oauth-authorization-server/tenant1';
export const AS_OIDC_INSERTED =
  'https://auth.example.test/.well-known/openid-configuration/tenant1';
export const AS_OIDC_APPENDED =
  'https://auth.example.test/tenant1/.well-known/openid-configuration';
export const CHALLENGE = `Bearer resource_metadata="${PRM_FROM_CHALLENGE}", scope="notes:read"`;

export const PRM = {
  resource: SERVER,
  authorization_servers: [ISSUER],
  scopes_supported: ['notes:read', 'notes:write'],
};

export const AS_METADATA = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/authorize`,
  token_endpoint: `${ISSUER}/token`,
  code_challenge_methods_supported: ['S256'],
  scopes_supported: ['openid', 'notes:read', 'notes:write', 'offline_access'],
};

/** The happy path: a 401 with a challenge, the PRM at its URL, the AS at the RFC 8414 URL. */
export function defaultPair(): FakeNetwork {
  return new FakeNetwork()
    .route(SERVER, status(401, { 'www-authenticate': CHALLENGE }))
    .route(PRM_FROM_CHALLENGE, json(PRM))
    .route(AS_OAUTH, json(AS_METADATA));
}
