import {
  findChallenge,
  isInsufficientScope,
  listedTools,
  parseWwwAuthenticate,
  toolCallRequest,
  toolsListRequest,
} from '@mcp-auth-playground/core';
import type { StepContext, StepExecutor } from '../flow/context.ts';
import { StepFailure } from '../flow/types.ts';
import type { McpData, WriteNoteData } from '../flow/types.ts';
import { probe } from '../steps/discovery.ts';
import {
  accessTokenOf,
  openSession,
  rejected,
  request,
  stepUpExhausted,
  stepUpFor,
  toolResult,
} from '../steps/mcp.ts';
import type { McpAnswer } from '../steps/mcp.ts';
import { dataFor } from '../steps/need.ts';

/** What an authenticated call came to: its result, or the step-up a 403 insufficient_scope asks for. */
export type CallOutcome =
  | { kind: 'listed'; data: McpData }
  | { kind: 'called'; text: string }
  | { kind: 'step-up'; stepUp: WriteNoteData };

export type McpCall = (context: StepContext, final: boolean) => Promise<CallOutcome>;

/**
 * A 403 insufficient_scope: the profile's step-up decision, or, after the one step-up the
 * client allows itself, the end of the run (MCP 2026-07-28 "Step-Up Authorization Flow":
 * clients stop rather than loop).
 */
function refusedForScope(context: StepContext, answer: McpAnswer, final: boolean): CallOutcome {
  if (final) throw stepUpExhausted(context, answer);
  return { kind: 'step-up', stepUp: stepUpFor(context, answer) };
}

const needsScope = (answer: McpAnswer) =>
  answer.status === 403 && isInsufficientScope(answer.challenge);

/** initialize (or none, for a stateless server) and tools/list with the access token. */
export const listTools: McpCall = async (context, final) => {
  const session = await openSession(context, accessTokenOf(context));
  const listed = await request(context, 'tools/list', toolsListRequest(2), session);
  if (needsScope(listed)) return refusedForScope(context, listed, final);
  if (!listed.result) throw rejected(listed, 'tools/list');
  return {
    kind: 'listed',
    data: {
      ...(session.serverName ? { serverName: session.serverName } : {}),
      ...(session.protocolVersion ? { protocolVersion: session.protocolVersion } : {}),
      ...(session.sessionId ? { sessionId: session.sessionId } : {}),
      tools: listedTools(listed.result),
    },
  };
};

/** tools/call of one tool with the access token. */
export function callTool(name: string, args: Record<string, unknown>): McpCall {
  return async (context, final) => {
    const session = await openSession(context, accessTokenOf(context));
    const answer = await request(
      context,
      `tools/call ${name}`,
      toolCallRequest(3, name, args),
      session,
    );
    if (needsScope(answer)) return refusedForScope(context, answer, final);
    if (!answer.result) throw rejected(answer, `tools/call ${name}`);
    return { kind: 'called', text: toolResult(answer, name) };
  };
}

/**
 * The unauthenticated request, as the browser sends it; a server that lets initialize through
 * without a token (and protects only the calls after it) is asked for tools/list without one,
 * and its 401 is the challenge the flow goes on with.
 */
export const probeOrListTools: StepExecutor = async (context) => {
  try {
    return await probe(context);
  } catch (error) {
    if (!(error instanceof StepFailure) || error.error.code !== 'not-protected') throw error;
    const session = await openSession(context, undefined);
    const listed = await request(
      context,
      'tools/list (without a token)',
      toolsListRequest(2),
      session,
    );
    if (listed.status !== 401) throw error;
    const header = listed.wwwAuthenticate;
    const challenge =
      header === undefined ? undefined : findChallenge(parseWwwAuthenticate(header), 'Bearer');
    const first = error.data?.probe;
    return {
      data: dataFor('probe', {
        status: 401,
        ...(header === undefined ? {} : { wwwAuthenticate: header }),
        ...(challenge ? { challenge } : {}),
        attempts: first?.attempts ?? [],
        findings: (first?.findings ?? []).filter((finding) => finding.id !== 'discovery/not-401'),
      }),
    };
  }
};
