// Imported first: it must filter oidc-provider's notices before that module is evaluated.
import './provider-notices.ts';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JSONWebKeySet, JWK } from 'jose';
import Provider, { errors } from 'oidc-provider';
import type { ClientInfo, Configuration, ProviderContext } from 'oidc-provider';
import type { ClientIdMetadataDocument } from './cimd.ts';
import { inProcessDocumentFetch } from './cimd.ts';
import { PLAYGROUND_CLIENT_ID, PLAYGROUND_REDIRECT_URI } from './config.ts';
import { allowCrossOrigin, answerPreflight, POST_CORS } from './cors.ts';

export type MetadataDocument = Record<string, unknown>;

/** What an authorization server answers at its metadata URLs. */
export type MetadataServing =
  /** The document oidc-provider generates from its configuration. */
  | { serve: 'generated' }
  /** A fixed document, e.g. a scenario's edited metadata, whatever the configuration says. */
  | { serve: 'document'; document: MetadataDocument }
  /** Nothing: 404, as for a scenario without authorization server metadata. */
  | { serve: 'none' };

/** The two well-known names an authorization server's metadata is served under. */
export type WellKnownName = 'oauth-authorization-server' | 'openid-configuration';

export interface AuthServerOptions {
  /** An issuer with a path, e.g. http://localhost:4000/as/default. */
  issuer: string;
  /** The one protected resource it issues tokens for: the MCP server's canonical URI. */
  resource: string;
  /** Scopes the resource accepts; granted ones go into the access token's `scope`. */
  resourceScopes: readonly string[];
  /**
   * Whether `offline_access` is a scope. oidc-provider issues a refresh token only for a grant
   * that includes it, so this decides whether refresh tokens exist at all.
   */
  offlineAccess: boolean;
  /** Whether open Dynamic Client Registration (RFC 7591) is enabled. */
  registration: boolean;
  /** The documents a CIMD client_id may name; undefined turns Client ID Metadata Documents off. */
  clientIdMetadataDocuments: readonly ClientIdMetadataDocument[] | undefined;
  metadata: MetadataServing;
}

export interface AuthServer {
  readonly issuer: string;
  /** The public signing keys, as the AS serves them at its jwks_uri. */
  readonly jwks: JSONWebKeySet;
  /** Serves a request whose path is at or below the issuer's path. */
  handle(req: IncomingMessage, res: ServerResponse, pathBelowIssuer: string, search: string): void;
  /**
   * Serves a path-inserted metadata URL (RFC 8414 §3.1), e.g.
   * /.well-known/oauth-authorization-server/as/default. oidc-provider only knows the form
   * appended to the issuer, so the request is handed to that route.
   */
  handleWellKnown(
    req: IncomingMessage,
    res: ServerResponse,
    name: WellKnownName,
    search: string,
  ): void;
}

/**
 * oidc-provider's endpoint paths below the issuer, set explicitly so the URLs a scenario's
 * metadata is rewritten to (endpointUrls) cannot drift from the ones the provider serves.
 */
const ROUTES = {
  authorization: '/auth',
  token: '/token',
  jwks: '/jwks',
  registration: '/reg',
  revocation: '/token/revocation',
  userinfo: '/me',
  end_session: '/session/end',
  pushed_authorization_request: '/request',
} as const;

/** The endpoint URLs an authorization server at `issuer` serves, by their metadata field. */
export function endpointUrls(
  issuer: string,
  { registration }: { registration: boolean },
): Record<string, string> {
  return {
    authorization_endpoint: issuer + ROUTES.authorization,
    token_endpoint: issuer + ROUTES.token,
    jwks_uri: issuer + ROUTES.jwks,
    ...(registration ? { registration_endpoint: issuer + ROUTES.registration } : {}),
    revocation_endpoint: issuer + ROUTES.revocation,
    userinfo_endpoint: issuer + ROUTES.userinfo,
    end_session_endpoint: issuer + ROUTES.end_session,
    pushed_authorization_request_endpoint: issuer + ROUTES.pushed_authorization_request,
  };
}

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

export async function createAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const signing = await createSigningKey();
  const provider = new Provider(options.issuer, configuration(options, signing.privateJwk));

  // One place decides the metadata for every URL it is served at: after oidc-provider has
  // answered its discovery route, the body is replaced when the options say so.
  const { metadata } = options;
  if (metadata.serve !== 'generated') {
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.oidc?.route !== 'discovery' || ctx.status !== 200) return;
      if (metadata.serve === 'document') {
        ctx.body = metadata.document;
      } else {
        ctx.status = 404;
        ctx.body = {
          error: 'not_found',
          error_description: 'This scenario has no authorization server metadata to serve.',
        };
      }
    });
  }

  // oidc-provider validates static clients on first use; a mistake should stop startup instead.
  if (!(await provider.Client.find(PLAYGROUND_CLIENT_ID))) {
    throw new Error(`The pre-registered client ${PLAYGROUND_CLIENT_ID} did not load.`);
  }

  const callback = provider.callback();
  const issuerPath = new URL(options.issuer).pathname;

  // oidc-provider derives its mount path from `originalUrl` minus `url` (as Express and
  // koa-mount set them), and builds every endpoint URL from it.
  function mount(
    req: IncomingMessage,
    res: ServerResponse,
    pathBelowIssuer: string,
    search: string,
  ) {
    Object.assign(req, {
      originalUrl: `${issuerPath}${pathBelowIssuer}${search}`,
      url: `${pathBelowIssuer}${search}`,
    });
    void callback(req, res);
  }

  return {
    issuer: options.issuer,
    jwks: { keys: [signing.publicJwk] },
    handle(req, res, pathBelowIssuer, search) {
      // oidc-provider sends no CORS headers from its registration endpoint, so a browser could
      // not register a client without this.
      if (options.registration && pathBelowIssuer === ROUTES.registration) {
        if (answerPreflight(req, res, POST_CORS)) return;
        allowCrossOrigin(res, POST_CORS);
      }
      mount(req, res, pathBelowIssuer || '/', search);
    },
    handleWellKnown(req, res, name, search) {
      mount(req, res, `/.well-known/${name}`, search);
    },
  };
}

function configuration(options: AuthServerOptions, signingKey: JWK): Configuration {
  const cookieTag = randomBytes(6).toString('hex');
  const documents = options.clientIdMetadataDocuments ?? [];
  const resourceScope = options.resourceScopes.join(' ');
  return {
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
        defaultResource: (_ctx, _client, oneOf) => Promise.resolve(oneOf),
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

async function createSigningKey(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const common = { kid, alg: 'RS256', use: 'sig' };
  return {
    privateJwk: { ...(await exportJWK(privateKey)), ...common },
    publicJwk: { ...publicJwk, ...common },
  };
}
