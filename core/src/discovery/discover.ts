import { canonicalResourceUri } from '../protocol/resource-uri.ts';
import { runAuthServerMetadata } from './auth-server-metadata.ts';
import { runChallenge } from './challenge.ts';
import * as problems from './findings.ts';
import { runResourceMetadata } from './resource-metadata.ts';
import { createRun } from './run.ts';
import type { DiscoverOptions, DiscoveryResult, StepResult } from './types.ts';

function absorb(result: DiscoveryResult, step: StepResult): boolean {
  result.attempts.push(...step.attempts);
  result.findings = problems.oncePerUnreachableOrigin([...result.findings, ...step.findings]);
  if (step.cancelled) {
    result.cancelled = true;
    result.findings.push(problems.cancelled());
  }
  return !step.cancelled;
}

/**
 * Discovers what a client would, from an MCP server URL alone (MCP 2026-07-28 "Authorization
 * Server Discovery"): the unauthenticated request and its 401 challenge, the Protected Resource
 * Metadata, then the metadata of the first (or the chosen) authorization server it lists.
 *
 * Total and bounded: it never throws, makes at most eight requests, each limited by `timeoutMs`
 * and `maxBytes`, and stops at once when `signal` aborts, keeping what it found so far. Every
 * problem is a finding that says what the server author should change.
 */
export async function discoverFromServer(
  serverUrl: string,
  options: DiscoverOptions = {},
): Promise<DiscoveryResult> {
  const result: DiscoveryResult = {
    serverUrl,
    attempts: [],
    findings: [],
    cancelled: false,
    authorizationServers: [],
  };
  const canonical = canonicalResourceUri(serverUrl);
  if (!canonical.ok) {
    result.findings.push(problems.invalidServerUrl(serverUrl, canonical.reason));
    return result;
  }
  const url = serverUrl.trim();
  const run = createRun(options);

  const challenge = await runChallenge(run, url);
  if (challenge.status !== undefined) result.challengeStatus = challenge.status;
  if (challenge.wwwAuthenticate !== undefined) result.wwwAuthenticate = challenge.wwwAuthenticate;
  if (!absorb(result, challenge)) return result;

  const resource = await runResourceMetadata(run, url, challenge.wwwAuthenticate);
  if (resource.document !== undefined) result.resourceMetadata = resource.document;
  if (resource.url !== undefined) result.resourceMetadataUrl = resource.url;
  result.authorizationServers = resource.authorizationServers;
  if (!absorb(result, resource)) return result;

  const servers = resource.authorizationServers;
  if (servers.length === 0) return result;
  const chosen = chooseSafely(options, servers);
  result.authorizationServer = chosen;

  const authServer = await runAuthServerMetadata(run, chosen);
  if (authServer.document !== undefined) result.authServerMetadata = authServer.document;
  if (authServer.url !== undefined) result.authServerMetadataUrl = authServer.url;
  absorb(result, authServer);
  return result;
}

/** The caller's pick when it is one of the listed servers, else the first (RFC 9728 §7.6). */
function chooseSafely(options: DiscoverOptions, servers: readonly string[]): string {
  const first = servers[0] as string;
  let picked: string | undefined;
  try {
    picked = options.chooseAuthorizationServer?.(servers);
  } catch {
    picked = undefined;
  }
  return picked !== undefined && servers.includes(picked) ? picked : first;
}
