import { CITES } from '../cite.ts';
import { findChallenge, parseWwwAuthenticate } from '../protocol/www-authenticate.ts';
import { exchange, exchangeThroughRelay } from './exchange.ts';
import { classifyFailure } from './failure.ts';
import * as problems from './findings.ts';
import { createRun, type Run } from './run.ts';
import type { ChallengeResult, DiscoveryOptions } from './types.ts';

const CANCELLED = 'Cancelled before an answer came.';
const THEN = ' Discovery goes on with the well-known metadata URLs.';

/**
 * Step 1 of discovery: the unauthenticated MCP request (MCP 2026-07-28 "Authorization Flow
 * Steps"). Reads the status and the raw WWW-Authenticate header; the body is never read. Never
 * throws: whatever goes wrong becomes a finding, and the next steps can still run.
 */
export function requestChallenge(
  serverUrl: string,
  options: DiscoveryOptions = {},
): Promise<ChallengeResult> {
  return runChallenge(createRun(options), serverUrl);
}

export async function runChallenge(run: Run, serverUrl: string): Promise<ChallengeResult> {
  const out: ChallengeResult = { attempts: [], findings: [], cancelled: false };
  const url = serverUrl.trim();
  const pending = run.log.start({
    step: 'challenge',
    url,
    method: 'POST',
    purpose:
      'An MCP initialize request without a token: a server that requires authorization answers 401 with a WWW-Authenticate challenge naming its metadata.',
    cite: CITES.flowSteps,
  });
  const answer = await exchange(run.transport, 'initialize', url);

  if (answer.kind === 'cancelled') {
    out.attempts.push(pending.settle({ outcome: 'cancelled', reason: CANCELLED }));
    out.cancelled = true;
    return out;
  }
  if (answer.kind !== 'answer') {
    const failure = classifyFailure('challenge', url, answer, run.transport);
    out.findings.push(failure.finding);
    out.attempts.push(
      pending.settle({
        outcome: failure.outcome,
        reason: failure.summary + THEN,
        relayed: failure.relayed,
      }),
    );
    return out;
  }

  out.status = answer.status;
  const header = answer.headers.get('www-authenticate') ?? undefined;
  if (header !== undefined) out.wwwAuthenticate = header;
  if (answer.relayed) out.findings.push(problems.corsBlocked('challenge', url, true));
  const settled = { status: answer.status, relayed: answer.relayed };

  if (answer.status !== 401) {
    out.findings.push(problems.notUnauthorized(url, answer.status));
    out.attempts.push(
      pending.settle({
        ...settled,
        outcome: 'not-found',
        reason: `Answered ${answer.status} instead of 401.${THEN}`,
      }),
    );
    return out;
  }
  if (header !== undefined) {
    const named = findChallenge(parseWwwAuthenticate(header), 'Bearer')?.params[
      'resource_metadata'
    ];
    out.attempts.push(
      pending.settle({
        ...settled,
        outcome: 'ok',
        reason:
          named === undefined
            ? `Answered 401 with a challenge that names no resource_metadata URL.${THEN}`
            : 'Answered 401 with a challenge naming its metadata URL, which is tried first.',
      }),
    );
    return out;
  }
  if (!answer.crossOrigin) {
    out.findings.push(problems.challengeHeaderMissing(url));
    out.attempts.push(
      pending.settle({
        ...settled,
        outcome: 'ok',
        reason: `Answered 401 without a WWW-Authenticate header.${THEN}`,
      }),
    );
    return out;
  }
  out.attempts.push(
    pending.settle({
      ...settled,
      outcome: 'ok',
      reason: run.transport.relay
        ? 'Answered 401, but the browser sees no WWW-Authenticate header, so the relay looks at the same answer.'
        : `Answered 401, but the browser sees no WWW-Authenticate header.${THEN}`,
    }),
  );
  await readHiddenChallenge(run, url, out);
  return out;
}

/**
 * A browser hides every header of a cross-origin answer that the server did not list in
 * Access-Control-Expose-Headers, WWW-Authenticate included. The relay sees them all, so it
 * tells a hidden challenge from a missing one.
 */
async function readHiddenChallenge(run: Run, url: string, out: ChallengeResult): Promise<void> {
  if (!run.transport.relay) {
    out.findings.push(problems.challengeHeaderUnreadable(url));
    return;
  }
  const pending = run.log.start({
    step: 'challenge',
    url,
    method: 'POST',
    purpose:
      'The same request through the local relay, which sees the headers a browser is not shown.',
    cite: CITES.corsProtocol,
  });
  const answer = await exchangeThroughRelay(run.transport, 'initialize', url);
  if (answer.kind === 'cancelled') {
    out.attempts.push(pending.settle({ outcome: 'cancelled', reason: CANCELLED }));
    out.cancelled = true;
    return;
  }
  if (answer.kind !== 'answer') {
    const failure = classifyFailure('challenge', url, answer, run.transport);
    out.findings.push(problems.challengeHeaderUnreadable(url));
    out.attempts.push(
      pending.settle({ outcome: failure.outcome, reason: failure.summary + THEN, relayed: true }),
    );
    return;
  }
  const header = answer.headers.get('www-authenticate') ?? undefined;
  if (header === undefined) {
    out.findings.push(problems.challengeHeaderMissing(url));
  } else {
    out.wwwAuthenticate = header;
    out.findings.push(problems.challengeHeaderNotExposed(url));
  }
  out.attempts.push(
    pending.settle({
      outcome: 'ok',
      status: answer.status,
      relayed: true,
      reason:
        header === undefined
          ? `The server sends no WWW-Authenticate header at all.${THEN}`
          : 'The server does send WWW-Authenticate but does not expose it to browsers; discovery uses the relayed header.',
    }),
  );
}
