import type { Exchange, Transport } from './exchange.ts';
import * as problems from './findings.ts';
import { seconds } from './findings.ts';
import type { DiscoveryFinding, DiscoveryStep } from './types.ts';

/** An exchange that produced no HTTP answer the step can use, and was not cancelled. */
export type Failure = Exclude<Exchange, { kind: 'answer' } | { kind: 'cancelled' }>;

export interface ClassifiedFailure {
  outcome: 'timeout' | 'unreachable' | 'cors' | 'refused' | 'invalid';
  /** What happened, for the attempt's reason. */
  summary: string;
  /** What the server author should do. */
  finding: DiscoveryFinding;
  relayed: boolean;
}

/** Ends a relayed message as a sentence, so the attempt's next sentence reads on from it. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Names a failed request the same way in every step. The relay's own failures to reach the
 * server (its timeout, a connection error) read like the browser's, marked as relayed.
 */
export function classifyFailure(
  step: DiscoveryStep,
  url: string,
  failure: Failure,
  transport: Transport,
): ClassifiedFailure {
  const { timeoutMs, maxBytes } = transport;
  switch (failure.kind) {
    case 'timeout':
      return {
        outcome: 'timeout',
        summary: `No answer within ${seconds(timeoutMs)}.`,
        finding: problems.timedOut(step, url, timeoutMs),
        relayed: false,
      };
    case 'unreachable':
      return {
        outcome: 'unreachable',
        summary: `No HTTP answer: ${failure.detail}.`,
        finding: problems.unreachable(step, url, failure.detail),
        relayed: false,
      };
    case 'cors':
      return {
        outcome: 'cors',
        summary: 'The server answered without CORS headers, so the browser may not read it.',
        finding: problems.corsBlocked(step, url, false),
        relayed: false,
      };
    case 'refused': {
      const { refusal } = failure;
      if (refusal.error === 'timeout') {
        return {
          outcome: 'timeout',
          summary: `No answer within ${seconds(timeoutMs)} (through the relay).`,
          finding: problems.timedOut(step, url, timeoutMs),
          relayed: true,
        };
      }
      if (refusal.error === 'unreachable') {
        return {
          outcome: 'unreachable',
          summary: `No HTTP answer (through the relay): ${sentence(refusal.message)}`,
          finding: problems.unreachable(step, url, refusal.message),
          relayed: true,
        };
      }
      if (refusal.error === 'too-large') {
        return {
          outcome: 'invalid',
          summary: `The relay stopped reading: ${sentence(refusal.message)}`,
          finding: problems.tooLarge(step, url, maxBytes + 1, maxBytes),
          relayed: true,
        };
      }
      return {
        outcome: 'refused',
        summary: `The relay refused: ${sentence(refusal.message)}`,
        finding: problems.relayRefused(step, url, refusal),
        relayed: true,
      };
    }
  }
}
