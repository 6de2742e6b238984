// oidc-provider ships no type declarations. These describe only the part of its API the testbed
// uses, as its 9.13 sources (lib/) define it; widen them when using more.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ProviderContext {
    readonly method: string;
    /** Path below the provider's mount point. */
    readonly path: string;
    status: number;
    body: unknown;
    type: string;
    set(field: string, value: string): void;
    readonly oidc?: { readonly route?: string };
  }

  export interface ClientInfo {
    readonly clientId: string;
    readonly clientAuthMethod: string;
    readonly redirectUris: readonly string[];
    /** The `scope` the client registered with, if any: it may request no other. */
    readonly scope?: string;
    grantTypeAllowed(grantType: string): boolean;
  }

  export interface GrantSource {
    readonly scopes: ReadonlySet<string>;
  }

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenFormat?: 'opaque' | 'jwt';
    accessTokenTTL?: number;
    jwt?: { sign?: { alg: string } };
  }

  export interface Account {
    accountId: string;
    claims(): { sub: string } | Promise<{ sub: string }>;
  }

  export type Ttl = number | ((ctx: unknown, token: unknown, client: unknown) => number);

  export interface Configuration {
    adapter?: unknown;
    clients?: Record<string, unknown>[];
    clientBasedCORS?: (ctx: unknown, origin: string, client: ClientInfo) => boolean;
    cookies?: {
      names?: { session?: string; interaction?: string; resume?: string };
      keys?: string[];
    };
    features?: {
      devInteractions?: { enabled: boolean };
      registration?: { enabled: boolean; initialAccessToken?: boolean };
      revocation?: { enabled: boolean };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (
          ctx: unknown,
          client: ClientInfo,
          oneOf?: string[],
        ) => Promise<string | string[] | undefined>;
        getResourceServerInfo?: (
          ctx: unknown,
          resourceIndicator: string,
          client: ClientInfo,
        ) => Promise<ResourceServerInfo>;
        useGrantedResource?: (ctx: unknown, model: unknown) => Promise<boolean>;
      };
      clientIdMetadataDocument?: {
        enabled: boolean;
        ack?: string;
        allowFetch?: (ctx: unknown, clientId: string) => Promise<boolean>;
      };
    };
    fetch?: (url: string | URL, options: RequestInit) => Promise<Response>;
    renderError?: (
      ctx: ProviderContext,
      out: Record<string, unknown>,
      error: Error,
    ) => Promise<void>;
    findAccount?: (ctx: unknown, sub: string) => Promise<Account | undefined>;
    issueRefreshToken?: (ctx: unknown, client: ClientInfo, source: GrantSource) => Promise<boolean>;
    jwks?: { keys: Record<string, unknown>[] };
    pkce?: { required?: (ctx: unknown, client: ClientInfo) => boolean };
    responseTypes?: string[];
    routes?: Record<string, string>;
    scopes?: string[];
    ttl?: Record<string, Ttl>;
  }

  /** What an interaction asks for; `details` lists what the account has not granted yet. */
  export interface InteractionDetails {
    readonly uid: string;
    readonly params: Record<string, unknown> & { client_id?: string; redirect_uri?: string };
    readonly prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
    readonly session?: { accountId?: string; uid?: string };
    readonly grantId?: string;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface InteractionResult {
    login?: { accountId: string };
    consent?: { grantId: string };
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Client: { find(id: string): Promise<ClientInfo | undefined> };
    readonly Grant: {
      new (properties: { accountId?: string; clientId?: string }): GrantInstance;
      find(id: string): Promise<GrantInstance | undefined>;
    };
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: (ctx: ProviderContext, next: () => Promise<void>) => Promise<void>): void;
  }

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
  };

  export default Provider;
}
