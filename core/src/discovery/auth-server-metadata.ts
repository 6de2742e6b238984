import { authServerMetadataCandidates } from '../protocol/discovery-urls.ts';
import { tryCandidates } from './candidate-loop.ts';
import * as problems from './findings.ts';
import { createRun, type Run } from './run.ts';
import type { AuthServerMetadataResult, DiscoveryOptions } from './types.ts';

/**
 * Step 3 of discovery: the metadata of the authorization server `issuer`, over the RFC 8414 and
 * OpenID Connect Discovery URLs in the order `authServerMetadataCandidates` gives. A document is
 * used only when its `issuer` is the identical string the URL was built from (MCP 2026-07-28
 * "Authorization Server Metadata Discovery", RFC 8414 §3.3): no normalisation, not even of a
 * trailing slash. Never throws.
 */
export function discoverAuthServerMetadata(
  issuer: string,
  options: DiscoveryOptions = {},
): Promise<AuthServerMetadataResult> {
  return runAuthServerMetadata(createRun(options), issuer);
}

export async function runAuthServerMetadata(
  run: Run,
  issuer: string,
): Promise<AuthServerMetadataResult> {
  const candidates = authServerMetadataCandidates(issuer);
  if (candidates.length === 0) {
    return {
      issuer,
      attempts: [],
      findings: [problems.unusableIssuer(issuer)],
      cancelled: false,
    };
  }
  const loop = await tryCandidates(run, 'auth-server-metadata', candidates, (document, url) => {
    const served = document['issuer'];
    if (served === issuer) return { ok: true };
    return {
      ok: false,
      summary:
        typeof served === 'string'
          ? `Its issuer ${JSON.stringify(served)} is not ${JSON.stringify(issuer)}, so a client must not use it.`
          : 'It has no issuer, so a client must not use it.',
      finding: problems.issuerMismatch(issuer, url, served),
    };
  });
  const out: AuthServerMetadataResult = {
    issuer,
    attempts: loop.attempts,
    findings: loop.findings,
    cancelled: loop.cancelled,
  };
  if (loop.found) {
    out.document = loop.found.document;
    out.url = loop.found.url;
  } else if (!loop.cancelled && loop.statuses.length === candidates.length) {
    out.findings.push(problems.noAuthServerMetadata(issuer, loop.statuses));
  }
  return out;
}
