import type { DiscoveryCandidate } from '../protocol/discovery-urls.ts';
import { oncePerUnreachableOrigin } from './findings.ts';
import { fetchMetadata } from './metadata-fetch.ts';
import type { Run } from './run.ts';
import type { DiscoveryAttempt, DiscoveryFinding, DiscoveryStep } from './types.ts';

/** The step's verdict on a JSON object a candidate URL served. */
export type Acceptance = { ok: true } | { ok: false; summary: string; finding: DiscoveryFinding };

export interface CandidateLoopResult {
  attempts: DiscoveryAttempt[];
  findings: DiscoveryFinding[];
  cancelled: boolean;
  found?: { document: Record<string, unknown>; url: string; index: number };
  /** Candidates that answered with an HTTP status other than 2xx, in order. */
  statuses: { url: string; status: number; index: number }[];
  /** True when every candidate answered with a 404. */
  allNotFound: boolean;
}

function nextReason(candidates: readonly DiscoveryCandidate[], index: number): string {
  const next = candidates[index + 1];
  return next ? ` Trying ${next.url} next.` : ' No URL is left to try.';
}

/**
 * Tries candidate URLs in order until one serves a document the step accepts, as MCP clients
 * must (MCP 2026-07-28 "Authorization Server Discovery"). Problems at URLs tried before the
 * one that worked stay visible, as warnings: some clients stop at the first failure.
 */
export async function tryCandidates(
  run: Run,
  step: DiscoveryStep,
  candidates: readonly DiscoveryCandidate[],
  accept: (document: Record<string, unknown>, url: string) => Acceptance,
): Promise<CandidateLoopResult> {
  const out: CandidateLoopResult = {
    attempts: [],
    findings: [],
    cancelled: false,
    statuses: [],
    allNotFound: candidates.length > 0,
  };
  let corsReported = false;

  for (const [index, candidate] of candidates.entries()) {
    const fetched = await fetchMetadata(run, step, candidate);
    const { result } = fetched;
    if (fetched.corsFinding && !corsReported) {
      corsReported = true;
      out.findings.push(fetched.corsFinding);
    }
    if (result.kind !== 'status' || result.status !== 404) out.allNotFound = false;

    if (result.kind === 'cancelled') {
      out.attempts.push(fetched.settle('cancelled', 'Cancelled before an answer came.'));
      out.cancelled = true;
      return out;
    }
    if (result.kind === 'status') {
      out.statuses.push({ url: candidate.url, status: result.status, index });
      const what = result.status === 404 ? 'Not found (404).' : `Answered ${result.status}.`;
      out.attempts.push(fetched.settle('not-found', what + nextReason(candidates, index)));
      continue;
    }
    if (result.kind === 'problem') {
      if (result.outcome !== 'cors' || !corsReported) out.findings.push(result.finding);
      if (result.outcome === 'cors') corsReported = true;
      out.attempts.push(
        fetched.settle(result.outcome, result.summary + nextReason(candidates, index)),
      );
      continue;
    }
    const verdict = accept(result.document, candidate.url);
    if (!verdict.ok) {
      out.findings.push(verdict.finding);
      out.attempts.push(fetched.settle('invalid', verdict.summary + nextReason(candidates, index)));
      continue;
    }
    out.attempts.push(fetched.settle('ok', `Served the document (${result.status}).`));
    out.found = { document: result.document, url: candidate.url, index };
    break;
  }

  out.findings = oncePerUnreachableOrigin(out.findings);
  if (out.found) {
    // What failed before the URL that worked no longer blocks discovery, but still trips up
    // clients that give up at the first failure.
    out.findings = out.findings.map((finding) =>
      finding.id === 'discovery/cors' || finding.severity !== 'error'
        ? finding
        : { ...finding, severity: 'warning' },
    );
  }
  return out;
}
