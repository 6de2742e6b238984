// What an authorization server of the testbed is made from. A module of its own so that the
// provider's configuration can read these options without importing the server that uses it.
import type { ClientIdMetadataDocument } from './cimd.ts';
import type { ProviderStoreLimits } from './provider-store.ts';
import type { SigningKey } from './signing-key.ts';
import type { WritePolicy } from './write-policy.ts';

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
  /**
   * What an authorization request without `scope` (or with an empty one) is granted, as if it had
   * asked for exactly these. RFC 6749 §3.3 lets the server apply a default; MCP clients omit
   * `scope` when neither the challenge nor the PRM names one.
   */
  defaultScopes: readonly string[];
  /** Whether open Dynamic Client Registration (RFC 7591) is enabled. */
  registration: boolean;
  /** Login and consent complete without a page for loopback redirects (see auto-approve.ts). */
  autoApprove?: boolean;
  /** Who may register clients from a browser, and how fast (shared by the whole process). */
  writes: Pick<WritePolicy, 'origins' | 'registrations'>;
  /** A key to sign with; a fresh one is made when absent. */
  signingKey?: SigningKey;
  storeLimits?: ProviderStoreLimits;
  /** The documents a CIMD client_id may name; undefined turns Client ID Metadata Documents off. */
  clientIdMetadataDocuments: readonly ClientIdMetadataDocument[] | undefined;
  metadata: MetadataServing;
}
