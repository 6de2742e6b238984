import type { Scenario } from '@mcp-auth-playground/core';
import {
  findChallenge,
  parseAuthServerMetadata,
  parseResourceMetadata,
  parseWwwAuthenticate,
} from '@mcp-auth-playground/core';
import type { MetadataDocument } from './auth-server.ts';
import { endpointUrls } from './provider-routes.ts';
import { isHeaderSafe } from './challenge.ts';
import { DEFAULT_GRANTED_SCOPES, MCP_READ_SCOPE, MCP_WRITE_SCOPE } from './config.ts';
import type { ChallengeOptions } from './mcp-server.ts';
import type { PairPlan, PairUrls } from './pair.ts';

export type ScenarioPlan =
  { ok: true; plan: PairPlan; notes: string[] } | { ok: false; messages: string[] };

export interface ScenarioPlanContext {
  urls: PairUrls;
  /** The client_id of the testbed's client ID metadata document, named in a note. */
  cimdClientId: string;
}

/** Scopes that are about the grant, not the resource: they never belong in an access token. */
const GRANT_SCOPES = new Set(['openid', 'offline_access']);

/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/**
 * Decides how a live pair serves a scenario. The rule is the same for every document: it is
 * served as edited, except that URLs naming the edited servers are rewritten to the live ones
 * (fields absent stay absent), and the fields oidc-provider can really follow (scopes, hence
 * offline_access; registration; CIMD) configure it. Every rewrite and every consequence is
 * reported in a note. Only documents that are not JSON objects are refused: there is nothing
 * to rewrite in them.
 */
export function scenarioPlan(scenario: Scenario, context: ScenarioPlanContext): ScenarioPlan {
  const resourceMetadata =
    scenario.resourceMetadata === undefined
      ? undefined
      : parseResourceMetadata(scenario.resourceMetadata);
  const authServerMetadata =
    scenario.authServerMetadata === undefined
      ? undefined
      : parseAuthServerMetadata(scenario.authServerMetadata);
  const messages = [resourceMetadata, authServerMetadata].flatMap((read) =>
    read && !read.isObject ? read.findings.map((finding) => finding.message) : [],
  );
  if (messages.length > 0) return { ok: false, messages };

  const { urls } = context;
  const notes: string[] = [
    scenario.serverUrl === undefined
      ? `The live MCP server is ${urls.serverUrl}.`
      : `The server ${quote(scenario.serverUrl)} is served live at ${urls.serverUrl}.`,
  ];
  const challenge = liveChallenge(scenario.wwwAuthenticate, urls, notes);

  let servedResourceMetadata: MetadataDocument | undefined;
  if (scenario.resourceMetadata === undefined) {
    notes.push(
      `The scenario has no protected resource metadata, so ${urls.resourceMetadataUrl} answers 404.`,
    );
  } else {
    servedResourceMetadata = liveResourceMetadata(
      scenario.resourceMetadata as MetadataDocument,
      urls,
      notes,
    );
  }

  const authServer =
    authServerMetadata === undefined
      ? withoutAuthServerMetadata(urls, notes)
      : liveAuthServer(
          scenario.authServerMetadata as MetadataDocument,
          authServerMetadata.document.scopes_supported,
          context,
          notes,
        );

  const resourceScopes = unique(
    [
      MCP_READ_SCOPE,
      MCP_WRITE_SCOPE,
      ...(authServerMetadata?.document.scopes_supported ?? []),
      ...(resourceMetadata?.document.scopes_supported ?? []),
      ...(challenge.scope?.split(' ') ?? []),
    ].filter((scope) => SCOPE_TOKEN.test(scope) && !GRANT_SCOPES.has(scope)),
  );
  notes.push(
    `The live authorization server grants these scopes for the MCP server: ${resourceScopes.join(', ')}.`,
    `An authorization request without scope is granted ${DEFAULT_GRANTED_SCOPES.join(' ')} for the MCP server (the scope tools/list and read_notes need), or the scope a client registered with when that leaves ${DEFAULT_GRANTED_SCOPES.join(' ')} out; ask for other scopes by name.`,
  );

  return {
    ok: true,
    plan: {
      authServer: { ...authServer, resourceScopes, defaultScopes: DEFAULT_GRANTED_SCOPES },
      mcp: { challenge, resourceMetadata: servedResourceMetadata },
    },
    notes,
  };
}

function liveChallenge(
  header: string | undefined,
  urls: PairUrls,
  notes: string[],
): ChallengeOptions {
  const fallback: ChallengeOptions = { resourceMetadataUrl: urls.resourceMetadataUrl };
  if (header === undefined) {
    notes.push(
      'The scenario has no WWW-Authenticate challenge, so the live MCP server sends Bearer with resource_metadata and no scope.',
    );
    return fallback;
  }
  const bearer = findChallenge(parseWwwAuthenticate(header), 'Bearer');
  if (!bearer) {
    notes.push(
      "The scenario's WWW-Authenticate has no Bearer challenge, so the live MCP server sends Bearer with resource_metadata and no scope.",
    );
    return fallback;
  }
  const params = bearer.params;
  const challenge: ChallengeOptions = {};
  if (params.realm !== undefined && isHeaderSafe(params.realm)) challenge.realm = params.realm;
  if (params.scope === undefined) {
    notes.push('The challenge has no scope, as edited.');
  } else if (isHeaderSafe(params.scope)) {
    challenge.scope = params.scope;
    notes.push(`The challenge asks for scope ${quote(params.scope)}, as edited.`);
  } else {
    notes.push("The challenge's scope has characters a header cannot carry, so it is left out.");
  }
  if (params.resource_metadata === undefined) {
    notes.push(
      `The challenge has no resource_metadata, as edited: clients must find the metadata at ${urls.resourceMetadataUrl}.`,
    );
  } else {
    challenge.resourceMetadataUrl = urls.resourceMetadataUrl;
    notes.push(
      `The challenge's resource_metadata ${quote(params.resource_metadata)} was rewritten to ${urls.resourceMetadataUrl}.`,
    );
  }
  if (params.error !== undefined || params.error_description !== undefined) {
    notes.push(
      "The challenge's error and error_description are set per response by the live server (none on the first 401, insufficient_scope on a 403).",
    );
  }
  return challenge;
}

function liveResourceMetadata(
  edited: MetadataDocument,
  urls: PairUrls,
  notes: string[],
): MetadataDocument {
  const { resource, authorization_servers: servers } = edited;
  if (typeof resource === 'string') {
    notes.push(`The PRM's resource ${quote(resource)} was rewritten to ${urls.resource}.`);
  } else if (!Object.hasOwn(edited, 'resource')) {
    notes.push('The PRM has no resource, and is served without one, as edited.');
  }
  if (Array.isArray(servers)) {
    notes.push(
      `The PRM's authorization_servers ${json(servers)} was rewritten to ${json([urls.issuer])}.`,
    );
  } else if (!Object.hasOwn(edited, 'authorization_servers')) {
    notes.push(
      'The PRM has no authorization_servers, and is served without them, as edited: clients cannot find the authorization server.',
    );
  }
  return rewriteFields(edited, (key, value) => {
    if (key === 'resource' && typeof value === 'string') return urls.resource;
    if (key === 'authorization_servers' && Array.isArray(value)) return [urls.issuer];
    return value;
  });
}

type AuthServerPlan = Omit<PairPlan['authServer'], 'resourceScopes' | 'defaultScopes'>;

function liveAuthServer(
  edited: MetadataDocument,
  /** `scopes_supported` as core reads it: only its string entries, undefined when absent. */
  scopes: readonly string[] | undefined,
  { urls, cimdClientId }: ScenarioPlanContext,
  notes: string[],
): AuthServerPlan {
  const offlineAccess = scopes?.includes('offline_access') ?? false;
  const registration = typeof edited.registration_endpoint === 'string';
  const clientIdMetadataDocument = edited.client_id_metadata_document_supported === true;
  const endpoints = endpointUrls(urls.issuer, { registration });

  const rewritten: string[] = [];
  const removed: string[] = [];
  const document = rewriteFields(edited, (key, value) => {
    if (typeof value !== 'string') return value;
    if (key === 'issuer') {
      rewritten.push(key);
      return urls.issuer;
    }
    if (!isEndpointField(key)) return value;
    const live = endpoints[key];
    if (live === undefined) {
      removed.push(key);
      return undefined;
    }
    rewritten.push(key);
    return live;
  });

  if (rewritten.length > 0) {
    notes.push(`${list(rewritten)} now point at the live authorization server ${urls.issuer}.`);
  }
  if (removed.length > 0) {
    notes.push(
      `${list(removed)} ${removed.length > 1 ? 'were' : 'was'} left out: the live authorization server has no such endpoint.`,
    );
  }
  notes.push(
    offlineAccess
      ? 'scopes_supported lists offline_access, so the live authorization server issues a refresh token when a client that may use the refresh_token grant asks for offline_access with prompt=consent.'
      : 'scopes_supported does not list offline_access, so the live authorization server issues no refresh tokens.',
    registration
      ? `There is a registration_endpoint, so the live authorization server accepts Dynamic Client Registration at ${endpoints.registration_endpoint}.`
      : 'There is no registration_endpoint, so the live authorization server accepts no Dynamic Client Registration.',
    clientIdMetadataDocument
      ? `client_id_metadata_document_supported is true, so the live authorization server accepts the CIMD client_id ${cimdClientId}.`
      : 'client_id_metadata_document_supported is not true, so the live authorization server accepts no CIMD client_id.',
  );
  const pkce = edited.code_challenge_methods_supported;
  if (!Array.isArray(pkce) || !pkce.includes('S256')) {
    notes.push(
      'code_challenge_methods_supported does not list S256; it is served as edited, but the live authorization server still requires PKCE with S256.',
    );
  }
  notes.push(
    'Every other field of the authorization server metadata is served exactly as edited, at each of its metadata URLs.',
  );
  return {
    offlineAccess,
    registration,
    clientIdMetadataDocument,
    metadata: { serve: 'document', document },
  };
}

function withoutAuthServerMetadata(urls: PairUrls, notes: string[]): AuthServerPlan {
  notes.push(
    `The scenario has no authorization server metadata, so none is served at ${urls.issuer}; the live authorization server otherwise works like the default one (refresh tokens, registration and CIMD on).`,
  );
  return {
    offlineAccess: true,
    registration: true,
    clientIdMetadataDocument: true,
    metadata: { serve: 'none' },
  };
}

/** Fields that name an endpoint of the server: RFC 8414's `*_endpoint` fields and `jwks_uri`. */
function isEndpointField(key: string): boolean {
  return key.endsWith('_endpoint') || key === 'jwks_uri';
}

/**
 * A copy with each field mapped; returning undefined leaves the field out. Object.fromEntries
 * defines own properties, so a `__proto__` key in an edited document stays plain data.
 */
function rewriteFields(
  document: MetadataDocument,
  map: (key: string, value: unknown) => unknown,
): MetadataDocument {
  return Object.fromEntries(
    Object.entries(document)
      .map(([key, value]): [string, unknown] => [key, map(key, value)])
      .filter(([, value]) => value !== undefined),
  );
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A user's string inside a note: quoted, and cut short so a hostile document stays readable. */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** A user's JSON value inside a note, cut short the same way. */
function json(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
