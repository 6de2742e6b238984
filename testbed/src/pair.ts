import { canonicalResourceUri } from '@mcp-auth-playground/core';
import { accessTokenVerifier } from './access-token.ts';
import type { AuthServer, MetadataDocument, MetadataServing } from './auth-server.ts';
import { createAuthServer } from './auth-server.ts';
import type { ClientIdMetadataDocument } from './cimd.ts';
import type { ChallengeOptions, McpEndpoint } from './mcp-server.ts';
import type { SigningKey } from './signing-key.ts';
import type { WritePolicy } from './write-policy.ts';
import { createMcpEndpoint } from './mcp-server.ts';

/** Where one authorization server and MCP server pair lives. */
export interface PairUrls {
  /** The authorization server's issuer, a URL with a path. */
  issuer: string;
  /** The MCP endpoint. */
  serverUrl: string;
  /** The MCP server's canonical URI: the PRM `resource` and the access token's audience. */
  resource: string;
  issuerPath: string;
  serverPath: string;
  /** The path-inserted well-known URL of the Protected Resource Metadata (RFC 9728 §3.1). */
  resourceMetadataUrl: string;
}

export function defaultPairUrls(origin: string): PairUrls {
  return pairUrls(origin, '/as/default', '/mcp');
}

export function scenarioPairUrls(origin: string, id: string): PairUrls {
  return pairUrls(origin, `/s/${id}/as`, `/s/${id}/mcp`);
}

function pairUrls(origin: string, issuerPath: string, serverPath: string): PairUrls {
  const serverUrl = origin + serverPath;
  const canonical = canonicalResourceUri(serverUrl);
  if (!canonical.ok)
    throw new Error(`The testbed built an invalid server URL: ${canonical.reason}`);
  return {
    issuer: origin + issuerPath,
    issuerPath,
    serverUrl,
    serverPath,
    resource: canonical.value,
    resourceMetadataUrl: `${origin}/.well-known/oauth-protected-resource${serverPath}`,
  };
}

/** How a pair behaves: everything a scenario (or the default) decides. */
export interface PairPlan {
  authServer: {
    resourceScopes: readonly string[];
    /** What a request without `scope` is granted; named in a scenario's notes. */
    defaultScopes: readonly string[];
    offlineAccess: boolean;
    registration: boolean;
    clientIdMetadataDocument: boolean;
    metadata: MetadataServing;
  };
  mcp: {
    challenge: ChallengeOptions;
    resourceMetadata: MetadataDocument | undefined;
  };
}

/** What the whole testbed decides for every pair. */
export interface PairBehaviour {
  autoApprove?: boolean;
  writes: Pick<WritePolicy, 'origins' | 'registrations'>;
  /** Shared by live scenarios (signing-key.ts lazySigningKey); the default pair makes its own. */
  signingKey?: SigningKey;
}

export interface Pair {
  urls: PairUrls;
  authServer: AuthServer;
  mcp: McpEndpoint;
}

export async function createPair(
  name: string,
  urls: PairUrls,
  plan: PairPlan,
  documents: readonly ClientIdMetadataDocument[],
  behaviour: PairBehaviour,
): Promise<Pair> {
  const authServer = await createAuthServer({
    issuer: urls.issuer,
    resource: urls.resource,
    resourceScopes: plan.authServer.resourceScopes,
    defaultScopes: plan.authServer.defaultScopes,
    offlineAccess: plan.authServer.offlineAccess,
    registration: plan.authServer.registration,
    autoApprove: behaviour.autoApprove ?? false,
    writes: behaviour.writes,
    ...(behaviour.signingKey ? { signingKey: behaviour.signingKey } : {}),
    clientIdMetadataDocuments: plan.authServer.clientIdMetadataDocument ? documents : undefined,
    metadata: plan.authServer.metadata,
  });
  const mcp = createMcpEndpoint({
    name,
    verifyAccessToken: accessTokenVerifier({
      issuer: urls.issuer,
      audience: urls.resource,
      jwks: authServer.jwks,
    }),
    challenge: plan.mcp.challenge,
    resourceMetadata: plan.mcp.resourceMetadata,
  });
  return { urls, authServer, mcp };
}
