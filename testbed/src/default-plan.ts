import { DEFAULT_GRANTED_SCOPES, MCP_READ_SCOPE, MCP_WRITE_SCOPE } from './config.ts';
import type { PairPlan, PairUrls } from './pair.ts';

/**
 * The pair that is always there: an authorization server as oidc-provider describes itself, with
 * refresh tokens, open registration and CIMD (granting `mcp:read` to a request without `scope`),
 * and an MCP server whose challenge asks for `mcp:read` and whose PRM names that server.
 */
export function defaultPlan(urls: PairUrls): PairPlan {
  return {
    authServer: {
      resourceScopes: [MCP_READ_SCOPE, MCP_WRITE_SCOPE],
      defaultScopes: DEFAULT_GRANTED_SCOPES,
      offlineAccess: true,
      registration: true,
      clientIdMetadataDocument: true,
      metadata: { serve: 'generated' },
    },
    mcp: {
      challenge: { scope: MCP_READ_SCOPE, resourceMetadataUrl: urls.resourceMetadataUrl },
      resourceMetadata: {
        resource: urls.resource,
        authorization_servers: [urls.issuer],
        scopes_supported: [MCP_READ_SCOPE, MCP_WRITE_SCOPE],
        bearer_methods_supported: ['header'],
        resource_name: 'Testbed notes (default)',
      },
    },
  };
}
