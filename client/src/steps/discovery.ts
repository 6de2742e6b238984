import {
  CITES,
  authServerRequestFindings,
  checkResourceMatch,
  canonicalResourceUri,
  discoverAuthServerMetadata,
  discoverResourceMetadata,
  findChallenge,
  parseWwwAuthenticate,
  requestChallenge,
} from '@mcp-auth-playground/core';
import type { Finding, StepError } from '@mcp-auth-playground/core';
import type { StepExecutor } from '../flow/context.ts';
import { StepFailure } from '../flow/types.ts';
import type { StepDataMap } from '../flow/types.ts';
import { dataFor, need } from './need.ts';

const CANCELLED: StepError = { code: 'cancelled', message: 'The step was cancelled.' };

/** The failure a step's first error finding describes; the step's data lists every finding. */
function failWith(
  code: string,
  findings: readonly Finding[],
  fallback: string,
  data: StepDataMap,
): StepFailure {
  const first = findings.find((finding) => finding.severity === 'error');
  const error: StepError = {
    code: first?.id === 'discovery/cors' ? 'cors' : code,
    message: first?.message ?? fallback,
  };
  const cite = first?.cite;
  return new StepFailure(cite ? { ...error, cite } : error, data);
}

/** Step 1: an MCP request without a token, expecting 401 and a Bearer challenge. */
export const probe: StepExecutor = async (context) => {
  const serverUrl = context.config.serverUrl.trim();
  const canonical = canonicalResourceUri(serverUrl);
  if (!canonical.ok) {
    throw new StepFailure({
      code: 'invalid-server-url',
      message: canonical.reason,
      cite: CITES.canonicalServerUri,
    });
  }
  const result = await requestChallenge(serverUrl, {
    fetch: context.discoveryFetch(),
    signal: context.signal,
  });
  if (result.cancelled) throw new StepFailure(CANCELLED);
  const challenge =
    result.wwwAuthenticate === undefined
      ? undefined
      : findChallenge(parseWwwAuthenticate(result.wwwAuthenticate), 'Bearer');
  const data = dataFor('probe', {
    ...(result.status === undefined ? {} : { status: result.status }),
    ...(result.wwwAuthenticate === undefined ? {} : { wwwAuthenticate: result.wwwAuthenticate }),
    ...(challenge === undefined ? {} : { challenge }),
    attempts: result.attempts,
    findings: result.findings,
  });
  if (result.status === undefined) {
    throw failWith('unreachable', result.findings, 'The MCP server did not answer.', data);
  }
  if (result.status !== 401) {
    throw failWith(
      'not-protected',
      result.findings,
      `The MCP server answered ${result.status} to a request without a token, so it does not ask for authorization.`,
      data,
    );
  }
  return { data };
};

/** Step 2: the Protected Resource Metadata, each candidate URL tried in the spec's order. */
export const resourceMetadata: StepExecutor = async (context) => {
  const probed = need(context, 'probe');
  const result = await discoverResourceMetadata(
    context.config.serverUrl.trim(),
    probed.wwwAuthenticate,
    { fetch: context.discoveryFetch(), signal: context.signal },
  );
  if (result.cancelled) throw new StepFailure(CANCELLED);
  const data = dataFor('resource-metadata', {
    ...(result.document === undefined ? {} : { document: result.document }),
    ...(result.url === undefined ? {} : { url: result.url }),
    authorizationServers: result.authorizationServers,
    attempts: result.attempts,
    findings: result.findings,
  });
  if (result.document === undefined || result.authorizationServers.length === 0) {
    throw failWith(
      'no-resource-metadata',
      result.findings,
      'No Protected Resource Metadata naming an authorization server was found.',
      data,
    );
  }
  const declared =
    typeof result.document === 'object' && result.document !== null
      ? (result.document as { resource?: unknown }).resource
      : undefined;
  const match = checkResourceMatch(declared, context.config.serverUrl.trim(), result.url);
  if (!match.ok) {
    throw new StepFailure(
      { code: 'resource-mismatch', message: match.message, cite: match.cite },
      data,
    );
  }
  return { data };
};

/**
 * Step 3: the authorization server metadata, used only when its issuer is the one the URL was
 * built from. A server a spec client must not use (no PKCE S256 advertised, no code flow) stops
 * the flow here, before anything is sent to it.
 */
export const authServerMetadata: StepExecutor = async (context) => {
  const resource = need(context, 'resource-metadata');
  // RFC 9728 §7.6 leaves the choice among several servers to the client; the flow takes the first.
  const issuer = resource.authorizationServers[0]!;
  const result = await discoverAuthServerMetadata(issuer, {
    fetch: context.discoveryFetch(),
    signal: context.signal,
  });
  if (result.cancelled) throw new StepFailure(CANCELLED);
  const blocking = result.document === undefined ? [] : authServerRequestFindings(result.document);
  const findings: Finding[] = [...result.findings, ...blocking];
  const data = dataFor('authorization-server-metadata', {
    issuer,
    ...(result.document === undefined ? {} : { document: result.document }),
    ...(result.url === undefined ? {} : { url: result.url }),
    attempts: result.attempts,
    findings,
  });
  if (result.document === undefined) {
    throw failWith(
      'no-authorization-server-metadata',
      result.findings,
      `No usable metadata was found for the authorization server ${issuer}.`,
      data,
    );
  }
  const refusal = blocking.find((finding) => finding.severity === 'error');
  if (refusal) {
    const pkce = refusal.id === 'as/pkce-not-advertised' || refusal.id === 'as/s256-not-supported';
    throw new StepFailure(
      {
        code: pkce ? 'pkce-not-supported' : 'authorization-server-refused',
        message: `The flow stops before any redirect: ${refusal.message}`,
        ...(refusal.cite ? { cite: refusal.cite } : {}),
      },
      data,
    );
  }
  return { data };
};
