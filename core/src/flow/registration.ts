import { CITES } from '../cite.ts';
import type { Cite } from '../cite.ts';
import { parseAuthServerMetadata } from '../schemas/auth-server-metadata.ts';

/** What the user picked; `auto` follows the spec's order of preference. */
export type RegistrationChoice = 'auto' | 'pre-registered' | 'cimd' | 'dcr';
export type RegistrationMethod = 'pre-registered' | 'cimd' | 'dcr';

export interface RegistrationOptions {
  choice: RegistrationChoice;
  /** The authorization server metadata as served; read leniently here. */
  authServerMetadata: unknown;
  /** A client id the user holds for this authorization server, if any. */
  preRegisteredClientId?: string;
  /** The https URL of the client's metadata document, if it publishes one. */
  clientMetadataUrl?: string;
}

export type RegistrationPlan =
  | { ok: true; method: 'pre-registered'; clientId: string; reason: string; cite: Cite }
  | { ok: true; method: 'cimd'; clientId: string; reason: string; cite: Cite }
  | { ok: true; method: 'dcr'; registrationEndpoint: string; reason: string; cite: Cite }
  | {
      ok: false;
      /** `ask-user`: nothing automatic is possible; the user must bring a client id. */
      code:
        | 'ask-user'
        | 'missing-client-id'
        | 'cimd-not-supported'
        | 'invalid-cimd-url'
        | 'dcr-not-supported';
      message: string;
      cite: Cite;
    };

/**
 * How the client gets a client id, in the order the spec prefers (MCP 2026-07-28 Client
 * Registration, CITES.clientRegistration): information it already has, then a Client ID
 * Metadata Document when the server advertises support, then Dynamic Client Registration when
 * the server has a registration endpoint, and otherwise the user is asked.
 */
export function planRegistration(options: RegistrationOptions): RegistrationPlan {
  const metadata = parseAuthServerMetadata(options.authServerMetadata).document;
  const clientId = options.preRegisteredClientId?.trim() ?? '';
  const cimdUrl = options.clientMetadataUrl?.trim() ?? '';
  const cimdSupported = metadata.client_id_metadata_document_supported === true;
  const endpoint = metadata.registration_endpoint;
  const cite = CITES.clientRegistration;

  const preRegistered = (reason: string): RegistrationPlan => ({
    ok: true,
    method: 'pre-registered',
    clientId,
    reason,
    cite,
  });
  const cimd = (reason: string): RegistrationPlan => {
    const problem = cimdUrlProblem(cimdUrl);
    if (problem) return { ok: false, code: 'invalid-cimd-url', message: problem, cite };
    return { ok: true, method: 'cimd', clientId: cimdUrl, reason, cite };
  };
  const dcr = (reason: string, url: string): RegistrationPlan => ({
    ok: true,
    method: 'dcr',
    registrationEndpoint: url,
    reason,
    cite: CITES.clientMetadata,
  });

  switch (options.choice) {
    case 'pre-registered':
      return clientId
        ? preRegistered('You chose the client id registered with this authorization server.')
        : {
            ok: false,
            code: 'missing-client-id',
            message: 'Enter the client id registered with this authorization server.',
            cite,
          };
    case 'cimd':
      return cimdSupported
        ? cimd('You chose a Client ID Metadata Document, and the server supports them.')
        : {
            ok: false,
            code: 'cimd-not-supported',
            message:
              'The authorization server metadata does not set client_id_metadata_document_supported to true, so a metadata document URL cannot be used as the client id here.',
            cite,
          };
    case 'dcr':
      return endpoint
        ? dcr('You chose Dynamic Client Registration.', endpoint)
        : {
            ok: false,
            code: 'dcr-not-supported',
            message:
              'The authorization server metadata has no registration_endpoint, so Dynamic Client Registration is not possible; use a pre-registered client id.',
            cite,
          };
    case 'auto':
      if (clientId) {
        return preRegistered('A pre-registered client id comes first in the spec’s order.');
      }
      if (cimdSupported && cimdUrl) {
        return cimd(
          'No pre-registered client id; the server supports Client ID Metadata Documents, which come next.',
        );
      }
      if (endpoint) {
        return dcr(
          cimdSupported
            ? 'No pre-registered client id and no metadata document URL; the server has a registration endpoint.'
            : 'No pre-registered client id, and the server does not support Client ID Metadata Documents; it has a registration endpoint.',
          endpoint,
        );
      }
      return {
        ok: false,
        code: 'ask-user',
        message:
          'The authorization server supports neither Client ID Metadata Documents nor Dynamic Client Registration: enter a client id registered with it, then restart.',
        cite,
      };
  }
}

/** Why a URL cannot be a CIMD client id: it must be https and have a path. */
export function cimdUrlProblem(value: string): string | undefined {
  if (!value) return 'Enter the https URL of the client metadata document.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'The client metadata document URL is not a valid absolute URL.';
  }
  if (url.protocol !== 'https:') return 'A client metadata document URL must use https.';
  if (url.pathname === '/' || url.pathname === '')
    return 'A client metadata document URL must have a path, not just a host.';
  if (url.hash) return 'A client metadata document URL must not have a fragment.';
  return undefined;
}

/** Loopback redirect URIs mark a native (desktop or local) client. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    return (
      hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname)
    );
  } catch {
    return false;
  }
}

export interface ClientMetadataOptions {
  redirectUri: string;
  clientName: string;
}

/**
 * The metadata of this playground as a public client. `grant_types` carries `refresh_token`
 * because a client that wants refresh tokens should say so (SEP-2207, CITES.refreshTokens);
 * `application_type` is `native` for a loopback redirect and `web` otherwise, as MCP 2026-07-28
 * requires of registrations.
 */
export function publicClientMetadata(options: ClientMetadataOptions): {
  client_name: string;
  redirect_uris: string[];
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: 'none';
  application_type: 'native' | 'web';
} {
  return {
    client_name: options.clientName,
    redirect_uris: [options.redirectUri],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    application_type: isLoopbackUrl(options.redirectUri) ? 'native' : 'web',
  };
}

/** The body of the Dynamic Client Registration request (RFC 7591 §3.1). */
export const dynamicRegistrationBody = publicClientMetadata;

/** A Client ID Metadata Document for this client: its `client_id` is its own URL. */
export function clientIdMetadataDocument(
  clientId: string,
  options: ClientMetadataOptions,
): Record<string, unknown> {
  const { application_type: _omitted, ...metadata } = publicClientMetadata(options);
  return { client_id: clientId, ...metadata };
}

export type RegistrationResult =
  | {
      ok: true;
      clientId: string;
      /** The metadata as registered, for the scope decision (its `grant_types`). */
      clientMetadata: Record<string, unknown>;
      /** Things worth telling the user, e.g. that a secret was issued to a public client. */
      notes: string[];
    }
  | { ok: false; message: string; cite: Cite };

/** Reads a registration response (RFC 7591 §3.2.1); never throws. */
export function readRegistrationResponse(
  status: number,
  body: unknown,
  requested: Record<string, unknown>,
): RegistrationResult {
  const cite = CITES.clientMetadata;
  const record = isRecord(body) ? body : {};
  if (status !== 201 && status !== 200) {
    const error = typeof record.error === 'string' ? record.error : undefined;
    const description =
      typeof record.error_description === 'string' ? record.error_description : undefined;
    return {
      ok: false,
      message: `The registration endpoint answered ${status}${error ? ` ${error}` : ''}${description ? `: ${description}` : ''}. Check that it accepts public clients (token_endpoint_auth_method none) with these redirect_uris.`,
      cite,
    };
  }
  if (typeof record.client_id !== 'string' || record.client_id === '') {
    return {
      ok: false,
      message: 'The registration response has no client_id; RFC 7591 §3.2.1 requires one.',
      cite,
    };
  }
  const notes: string[] = [];
  if ('client_secret' in record) {
    notes.push(
      'The server issued a client_secret to a public client; a browser cannot keep it secret, so the flow does not use it.',
    );
  }
  const asked = Array.isArray(requested.grant_types) ? requested.grant_types : [];
  const granted = Array.isArray(record.grant_types) ? record.grant_types : asked;
  if (asked.includes('refresh_token') && !granted.includes('refresh_token')) {
    notes.push(
      'The server registered the client without the refresh_token grant, so it will not issue refresh tokens.',
    );
  }
  const { client_secret: _secret, registration_access_token: _token, ...metadata } = record;
  return { ok: true, clientId: record.client_id, clientMetadata: metadata, notes };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
