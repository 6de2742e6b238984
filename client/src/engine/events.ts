import { STEP_INFO } from '@mcp-auth-playground/core';
import type { Cite, HttpExchange, StepName } from '@mcp-auth-playground/core';
import type { StepDataMap } from '../flow/types.ts';
import type { EngineError } from './errors.ts';

/**
 * A step as it starts and as it ends, in the words of the browser's step card (core's
 * STEP_INFO), so a terminal prints what the page shows.
 */
export interface StepEvent {
  step: StepName;
  status: 'running' | 'succeeded' | 'failed';
  title: string;
  summary: string;
  cite: Cite;
  /** Epoch milliseconds of this event. */
  at: number;
  /** From running to this event, on `succeeded` and `failed`. */
  durationMs?: number;
  /** What the step found (the browser's step details), on `succeeded` and, when any, `failed`. */
  data?: StepDataMap[keyof StepDataMap];
  error?: EngineError;
}

/**
 * One HTTP request and its answer, reported when it settles. `exchange` has every secret
 * shortened (tokens, codes, verifiers, client secrets, Authorization headers): safe to print or
 * keep. `revealed` is the same exchange as sent; show it only when the user asks.
 */
export interface ExchangeEvent {
  exchange: HttpExchange;
  revealed: HttpExchange;
}

/** The card text of a step; a tool call other than write_note is named for its tool. */
export function stepText(
  step: StepName,
  tool?: string,
): { title: string; summary: string; cite: Cite } {
  const info = STEP_INFO[step];
  if (tool === undefined || tool === 'write_note') return info;
  if (step === 'write-note') {
    return {
      title: `Call ${tool}`,
      summary: `Call ${tool} with the access token; a 403 insufficient_scope leads to the profile's step-up decision.`,
      cite: info.cite,
    };
  }
  if (step === 'write-note-retry') {
    return {
      title: `Retry ${tool}`,
      summary: info.summary,
      cite: info.cite,
    };
  }
  return info;
}

export function dataOf(data: StepDataMap | undefined, step: StepName): StepEvent['data'] {
  return data?.[step];
}
