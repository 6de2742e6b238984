// Imported first: it must filter oidc-provider's notices before that module is evaluated.
import './provider-notices.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JSONWebKeySet } from 'jose';
import Provider from 'oidc-provider';
import { autoApprove, isInteractionPage } from './auto-approve.ts';
import { PLAYGROUND_CLIENT_ID } from './config.ts';
import { PROVIDER_STORE_LIMITS } from './config.ts';
import type { CorsPolicy } from './cors.ts';
import { sendError } from './http.ts';
import { providerConfiguration } from './provider-configuration.ts';
import { isRegistrationPath, ROUTES } from './provider-routes.ts';
import { createProviderStore } from './provider-store.ts';
import { createSigningKey } from './signing-key.ts';
import { guardWrite, refuseOverLimit } from './write-policy.ts';

import type { AuthServerOptions, WellKnownName } from './auth-server-options.ts';

export type {
  AuthServerOptions,
  MetadataDocument,
  MetadataServing,
  WellKnownName,
} from './auth-server-options.ts';

export interface AuthServer {
  readonly issuer: string;
  /** The public signing keys, as the AS serves them at its jwks_uri. */
  readonly jwks: JSONWebKeySet;
  /** Entries kept in its storage, by model name. */
  storeSizes(): Record<string, number>;
  /** Serves a request whose path is at or below the issuer's path. */
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    pathBelowIssuer: string,
    search: string,
  ): Promise<void> | void;
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

/** Registration (POST /reg) and reading a registered client back (GET /reg/<client_id>). */
const REGISTRATION_CORS: CorsPolicy = { methods: ['GET', 'POST'] };

/**
 * One oidc-provider instance serving one issuer with a path, mounted by hand on the testbed's
 * node:http server.
 */
export async function createAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const signing = options.signingKey ?? (await createSigningKey());
  const store = createProviderStore(options.storeLimits ?? PROVIDER_STORE_LIMITS);
  const provider = new Provider(
    options.issuer,
    providerConfiguration(options, signing.privateJwk, store.Adapter),
  );

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

  /**
   * The scopes a request without `scope` is granted: the configured defaults, or, for a client
   * registered with a `scope` of its own that leaves them out, that registered scope (minus the
   * grant scopes), since oidc-provider refuses any other for it.
   */
  async function defaultScopesFor(params: URLSearchParams): Promise<readonly string[]> {
    const clientId = params.get('client_id');
    if (clientId === null || (params.get('scope') ?? '').trim() !== '')
      return options.defaultScopes;
    let registered: string | undefined;
    try {
      registered = (await provider.Client.find(clientId))?.scope;
    } catch {
      // An unknown or unreadable client: oidc-provider itself says what is wrong with it.
    }
    if (registered === undefined) return options.defaultScopes;
    const allowed = registered.split(' ').filter(Boolean);
    const defaults = options.defaultScopes.filter((scope) => allowed.includes(scope));
    if (defaults.length > 0) return defaults;
    const own = allowed.filter((scope) => options.resourceScopes.includes(scope));
    return own.length > 0 ? own : options.defaultScopes;
  }

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
    storeSizes: () => store.sizes(),
    async handle(req, res, pathBelowIssuer, search) {
      // oidc-provider sends no CORS headers from its registration endpoint, so a browser could
      // not register a client without this; it is a write endpoint, for the playground only.
      if (options.registration && isRegistrationPath(pathBelowIssuer)) {
        if (guardWrite(req, res, REGISTRATION_CORS, options.writes.origins)) return;
        if (req.method === 'POST' && pathBelowIssuer === ROUTES.registration) {
          if (refuseOverLimit(req, res, options.writes.registrations, 'client registrations')) {
            return;
          }
          const room = store.hasClientRoom();
          if (!room.ok) {
            req.resume();
            sendError(
              res,
              429,
              'too_many_clients',
              `This authorization server keeps at most ${(options.storeLimits ?? PROVIDER_STORE_LIMITS).maxClients} registered clients, and is full: try again in ${room.retryAfterSeconds} s, or restart the testbed.`,
              { 'Retry-After': String(room.retryAfterSeconds) },
            );
            return;
          }
        }
      }
      if (options.autoApprove && isInteractionPage(req.method, pathBelowIssuer)) {
        if (await autoApprove(provider, req, res, pathBelowIssuer)) return;
      }
      const query =
        pathBelowIssuer === ROUTES.authorization && req.method === 'GET'
          ? withDefaultScope(search, await defaultScopesFor(new URLSearchParams(search)))
          : search;
      mount(req, res, pathBelowIssuer || '/', query);
    },
    handleWellKnown(req, res, name, search) {
      mount(req, res, `/.well-known/${name}`, search);
    },
  };
}

/**
 * The authorization request's query with `scope` set to the defaults when it has none or an empty
 * one. oidc-provider itself would grant nothing and answer access_denied without a description.
 * A request object or PAR reference carries its own parameters and is left alone.
 */
export function withDefaultScope(search: string, defaultScopes: readonly string[]): string {
  const params = new URLSearchParams(search);
  if (params.has('request') || params.has('request_uri')) return search;
  if ((params.get('scope') ?? '').trim() !== '' || defaultScopes.length === 0) return search;
  params.set('scope', defaultScopes.join(' '));
  return `?${params.toString()}`;
}
