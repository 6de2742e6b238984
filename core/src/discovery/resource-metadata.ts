import { CITES } from '../cite.ts';
import { resourceMetadataCandidates } from '../protocol/discovery-urls.ts';
import { tryCandidates } from './candidate-loop.ts';
import * as problems from './findings.ts';
import { createRun, type Run } from './run.ts';
import type { DiscoveryOptions, ResourceMetadataResult } from './types.ts';

/** The string entries of `authorization_servers`, in order; anything else is left out. */
export function authorizationServersOf(document: unknown): string[] {
  if (typeof document !== 'object' || document === null) return [];
  const servers = (document as Record<string, unknown>)['authorization_servers'];
  return Array.isArray(servers) ? servers.filter((entry) => typeof entry === 'string') : [];
}

/**
 * Step 2 of discovery: the Protected Resource Metadata (RFC 9728), from the challenge's
 * `resource_metadata` URL first, then the well-known URLs, in the order
 * `resourceMetadataCandidates` gives (MCP 2026-07-28 "Protected Resource Metadata Discovery
 * Requirements"). Never throws.
 */
export function discoverResourceMetadata(
  serverUrl: string,
  wwwAuthenticate: string | undefined,
  options: DiscoveryOptions = {},
): Promise<ResourceMetadataResult> {
  return runResourceMetadata(createRun(options), serverUrl, wwwAuthenticate);
}

export async function runResourceMetadata(
  run: Run,
  serverUrl: string,
  wwwAuthenticate: string | undefined,
): Promise<ResourceMetadataResult> {
  const candidates = resourceMetadataCandidates(serverUrl, wwwAuthenticate);
  if (candidates.length === 0) {
    return {
      attempts: [],
      findings: [problems.invalidServerUrl(serverUrl, 'it is not an absolute http(s) URL.')],
      cancelled: false,
      authorizationServers: [],
    };
  }
  const loop = await tryCandidates(run, 'resource-metadata', candidates, () => ({ ok: true }));
  const out: ResourceMetadataResult = {
    attempts: loop.attempts,
    findings: loop.findings,
    cancelled: loop.cancelled,
    authorizationServers: [],
  };
  if (loop.cancelled) return out;

  if (loop.found) {
    out.document = loop.found.document;
    out.url = loop.found.url;
    out.authorizationServers = authorizationServersOf(loop.found.document);
    const first = candidates[0];
    if (loop.found.index > 0 && first?.cite === CITES.prmChallenge) {
      out.findings.push(problems.challengeUrlBroken(first.url, loop.found.url));
    }
    if (out.authorizationServers.length === 0) {
      out.findings.push(problems.noAuthorizationServers(loop.found.url));
    }
    return out;
  }

  const urls = candidates.map((candidate) => candidate.url);
  if (loop.allNotFound) {
    const recommended = resourceMetadataCandidates(serverUrl)[0]?.url ?? urls[0] ?? serverUrl;
    out.findings.push(problems.noResourceMetadata(serverUrl, urls, recommended));
  } else if (loop.statuses.some(({ status }) => status !== 404)) {
    out.findings.push(problems.resourceMetadataUnavailable(loop.statuses));
  }
  return out;
}
