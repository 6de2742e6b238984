import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { errors } from 'oidc-provider';
import type { ClientInfo, Configuration, ProviderContext } from 'oidc-provider';
import type { AuthServerOptions } from './auth-server-options.ts';
import { inProcessDocumentFetch } from './cimd.ts';
import { PLAYGROUND_CLIENT_ID, PLAYGROUND_REDIRECT_URI } from './config.ts';
import { ROUTES } from './provider-routes.ts';

const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const DAY_SECONDS = 24 * 60 * 60;

/** The playground's pre-registered public client, present in every authorization server. */
const PLAYGROUND_CLIENT = {
  client_id: PLAYGROUND_CLIENT_ID,
  client_name: 'MCP Auth Playground',
  application_type: 'web',
  redirect_uris: [PLAYGROUND_REDIRECT_URI],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  token_endpoint_auth_method: 'none',
};

/** oidc-provider's configuration for one authorization server of the testbed. */
export function providerConfiguration(
  options: AuthServerOptions,
  signingKey: JWK,
  adapter: Configuration['adapter'],
): Configuration {
  const cookieTag = randomBytes(6).toString('hex');
  const documents = options.clientIdMetadataDocuments ?? [];
  const resourceScope = options.resourceScopes.join(' ');
  return {
    // Its own bounded storage, in which registrations cannot evict login sessions.
    adapter,
    clients: [PLAYGROUND_CLIENT],
    jwks: { keys: [signingKey] },
    // `openid` is always a scope. The resource's scopes are listed too, because registration
    // refuses a client `scope` with values missing here.
    scopes: [
      'openid',
      ...(options.offlineAccess ? ['offline_access'] : []),
      ...options.resourceScopes,
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    // Browsers ignore the port when they match cookies, and every authorization server here
    // shares localhost: distinct names and keys keep their sessions apart.
    cookies: {
      names: {
        session: `tb_${cookieTag}_session`,
        interaction: `tb_${cookieTag}_interaction`,
        resume: `tb_${cookieTag}_resume`,
      },
      keys: [randomBytes(32).toString('base64url')],
    },
    routes: { ...ROUTES },
    features: {
      devInteractions: { enabled: true },
      registration: { enabled: options.registration, initialAccessToken: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // A client that sends no `resource` (RFC 8707 is optional for it) still gets a token for
        // the one MCP server this authorization server protects.
        defaultResource: () => Promise.resolve(options.resource),
        // A token request without `resource` still gets the audience that was granted.
        useGrantedResource: () => Promise.resolve(true),
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== options.resource) {
            return Promise.reject(
              new errors.InvalidTarget(
                `this authorization server only issues tokens for ${options.resource}`,
              ),
            );
          }
          return Promise.resolve({
            scope: resourceScope,
            audience: options.resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
          });
        },
      },
      clientIdMetadataDocument: {
        enabled: options.clientIdMetadataDocuments !== undefined,
        ack: 'draft-02',
        allowFetch: (_ctx, clientId) =>
          Promise.resolve(documents.some((entry) => entry.clientId === clientId)),
      },
    },
    // Every outbound request oidc-provider would make goes through here; it answers only for
    // the testbed's own documents.
    fetch: inProcessDocumentFetch(documents),
    // A custom function keeps the refresh_token grant registered even when `offline_access` is
    // not a scope, so clients asking for that grant can still register; they just never get a
    // refresh token, because no grant can include `offline_access` then.
    issueRefreshToken: (_ctx, client, source) =>
      Promise.resolve(
        client.grantTypeAllowed('refresh_token') && source.scopes.has('offline_access'),
      ),
    // The dev login page accepts any name; the account is that name.
    findAccount: (_ctx, sub) => Promise.resolve({ accountId: sub, claims: () => ({ sub }) }),
    clientBasedCORS: (_ctx, origin, client) => redirectOrigins(client).has(origin),
    renderError,
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      Interaction: 10 * 60,
      RefreshToken: DAY_SECONDS,
      Grant: DAY_SECONDS,
      Session: DAY_SECONDS,
    },
  };
}

/**
 * The page a user sees when the AS cannot redirect back (an unknown client, a redirect URI that
 * does not match). Every value is escaped: `error_description` can echo request parameters.
 */
function renderError(ctx: ProviderContext, out: Record<string, unknown>): Promise<void> {
  const rows = Object.entries(out)
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join('');
  ctx.type = 'html';
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization error</title></head><body><h1>The authorization server cannot continue</h1><dl>${rows}</dl></body></html>`;
  return Promise.resolve();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A browser may call the token endpoint from the origins the client redirects to. */
function redirectOrigins(client: ClientInfo): Set<string> {
  const origins = new Set<string>();
  for (const uri of client.redirectUris) {
    try {
      origins.add(new URL(uri).origin);
    } catch {
      // A redirect URI that is not a URL names no origin.
    }
  }
  return origins;
}
