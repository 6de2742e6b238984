import type { Scenario } from '../types.ts';
import type { PublishedDocument } from './real-world/published-document.ts';

/**
 * A named scenario that teaches one rule. The explanation is two sentences: what the documents
 * set up, and what the decision does because of it. core/test/presets.test.ts holds each
 * explanation to account against evaluateScenario.
 */
export interface Preset {
  id: string;
  title: string;
  explanation: string;
  scenario: Scenario;
  /** Set on a preset built from documents a real service published: which parts are real. */
  provenance?: Provenance;
}

/** A part of a scenario that a preset either takes from a published document or fills in. */
export type ScenarioPart =
  'serverUrl' | 'wwwAuthenticate' | 'resourceMetadata' | 'authServerMetadata' | 'clientMetadata';

export type DocumentPart = 'resourceMetadata' | 'authServerMetadata' | 'clientMetadata';

/**
 * Which parts of a real-server preset were published and which are the playground's. Nothing
 * outside `published` was published by the service: the note beside the preset says so.
 */
export interface Provenance {
  /** The documents the scenario holds exactly as published, by the scenario field of each. */
  published: readonly { part: DocumentPart; document: PublishedDocument }[];
  /** The parts the playground filled with its neutral defaults, and what each default is. */
  defaults: readonly { part: ScenarioPart; note: string }[];
  /** What the owner of the server can change, in one sentence. */
  serverOwner: string;
}

// Illustrative parties shared by the presets, on example.com (RFC 2606) so nothing is reachable.
export const SERVER_URL = 'https://mcp.example.com/mcp';
export const PRM_URL = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
export const ISSUER = 'https://auth.example.com';

/** A challenge as an MCP server sends it on a 401, with `extra` parameters after the URL. */
export function bearerChallenge(extra = ''): string {
  return `Bearer resource_metadata="${PRM_URL}"${extra ? `, ${extra}` : ''}`;
}

/** `base` with `fields` laid over it; a field given as undefined is left out of the document. */
function document(
  base: Record<string, unknown>,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({ ...base, ...fields }).filter(([, value]) => value !== undefined),
  );
}

export function resourceMetadata(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return document(
    {
      resource: SERVER_URL,
      authorization_servers: [ISSUER],
      bearer_methods_supported: ['header'],
    },
    fields,
  );
}

export function authServerMetadata(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const issuer = typeof fields.issuer === 'string' ? fields.issuer : ISSUER;
  return document(
    {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      registration_endpoint: `${issuer}/register`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
    },
    fields,
  );
}

export function clientMetadata(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return document(
    {
      client_name: 'Example MCP Client',
      redirect_uris: ['http://localhost:3000/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      application_type: 'native',
    },
    fields,
  );
}
