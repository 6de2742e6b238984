import type { DiscoveryCandidate } from '../protocol/discovery-urls.ts';
import { exchange } from './exchange.ts';
import { classifyFailure } from './failure.ts';
import { findJsonSyntaxError, parseJsonDocument } from '../schemas/json-document.ts';
import * as problems from './findings.ts';
import { subjectOf } from './findings.ts';
import type { Run } from './run.ts';
import type { AttemptOutcome, DiscoveryAttempt, DiscoveryFinding, DiscoveryStep } from './types.ts';

/** How one metadata GET ended, before the step decides whether the document is usable. */
export type MetadataFetch =
  | { kind: 'document'; document: Record<string, unknown>; status: number; relayed: boolean }
  /** An HTTP answer other than 2xx. */
  | { kind: 'status'; status: number; relayed: boolean }
  /** Something the server author must fix, already written up as a finding. */
  | {
      kind: 'problem';
      outcome: 'timeout' | 'unreachable' | 'cors' | 'refused' | 'invalid';
      summary: string;
      finding: DiscoveryFinding;
      status?: number;
      relayed: boolean;
    }
  | { kind: 'cancelled' };

export interface FetchedMetadata {
  result: MetadataFetch;
  /**
   * Set when the browser could not read the server's answer and the relay did: the server
   * works, but not for a browser-based client.
   */
  corsFinding?: DiscoveryFinding;
  /** Settles the attempt with the step's verdict; returns it as reported. */
  settle(outcome: Exclude<AttemptOutcome, 'pending'>, reason: string): DiscoveryAttempt;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where the JSON of `text` first breaks, as a reader counts lines and columns. */
function syntaxProblem(text: string): string {
  const problem = findJsonSyntaxError(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (problem === undefined) return 'it is not valid JSON';
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  const column = problem.offset - before.lastIndexOf('\n');
  return `invalid JSON at line ${line}, column ${column}: ${problem.message}`;
}

/**
 * Parses a metadata body with core's JSON reader; the reason says why it is not a JSON object
 * when it is not one. An HTML page is named as such: it is what a login redirect or a
 * single-page app's catch-all route serves at a well-known URL.
 */
function parseObject(
  text: string,
  step: DiscoveryStep,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  const parsed = parseJsonDocument(text, subjectOf(step));
  if (!parsed.ok) {
    if (text.trim() === '') return { ok: false, reason: 'the body is empty' };
    if (text.trimStart().startsWith('<')) return { ok: false, reason: 'it looks like HTML' };
    return { ok: false, reason: syntaxProblem(text) };
  }
  const { value } = parsed;
  if (isJsonObject(value)) return { ok: true, value };
  const type = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return { ok: false, reason: `it is ${type}` };
}

/** GETs one candidate metadata URL and classifies the answer. Never throws. */
export async function fetchMetadata(
  run: Run,
  step: DiscoveryStep,
  candidate: DiscoveryCandidate,
): Promise<FetchedMetadata> {
  const { url } = candidate;
  const pending = run.log.start({
    step,
    url,
    method: 'GET',
    purpose: candidate.reason,
    cite: candidate.cite,
  });
  const answer = await exchange(run.transport, 'metadata', url);

  let result: MetadataFetch;
  if (answer.kind === 'cancelled') {
    result = { kind: 'cancelled' };
  } else if (answer.kind !== 'answer') {
    result = { kind: 'problem', ...classifyFailure(step, url, answer, run.transport) };
  } else {
    const { status, relayed, body } = answer;
    const { maxBytes } = run.transport;
    if (body === undefined) {
      result = { kind: 'status', status, relayed };
    } else if (body.kind === 'too-large') {
      result = {
        kind: 'problem',
        outcome: 'invalid',
        summary: `Larger than ${maxBytes} bytes, so reading stopped.`,
        finding: problems.tooLarge(step, url, body.bytes, maxBytes),
        status,
        relayed,
      };
    } else {
      const parsed = parseObject(body.text, step);
      result = parsed.ok
        ? { kind: 'document', document: parsed.value, status, relayed }
        : {
            kind: 'problem',
            outcome: 'invalid',
            summary: `Not a JSON object: ${parsed.reason}.`,
            finding: problems.notJson(step, url, answer.headers.get('content-type'), parsed.reason),
            status,
            relayed,
          };
    }
  }

  const fetched: FetchedMetadata = {
    result,
    settle(outcome, reason) {
      const settlement: Parameters<typeof pending.settle>[0] = { outcome, reason };
      if (result.kind !== 'cancelled') {
        if (result.status !== undefined) settlement.status = result.status;
        if (result.relayed) settlement.relayed = true;
      }
      return pending.settle(settlement);
    },
  };
  if (answer.kind === 'answer' && answer.relayed) {
    fetched.corsFinding = problems.corsBlocked(step, url, true);
  }
  return fetched;
}
