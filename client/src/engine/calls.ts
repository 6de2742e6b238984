import {
  findChallenge,
  isInsufficientScope,
  listedTools,
  parseWwwAuthenticate,
  toolCallRequest,
  toolsListRequest,
} from '@mcp-auth-playground/core';
import type { Challenge } from '@mcp-auth-playground/core';
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
import type { McpAnswer, McpSession } from '../steps/mcp.ts';
import { dataFor } from '../steps/need.ts';

/** What an authenticated call came to: its result, or the step-up a 403 insufficient_scope asks for. */
export type CallOutcome =
  | { kind: 'listed'; data: McpData }
  | { kind: 'called'; text: string }
  | { kind: 'step-up'; stepUp: WriteNoteData }
  /** 401 with a token: it is no longer accepted (expired, revoked, another authorization server). */
  | { kind: 'reauthorize'; wwwAuthenticate?: string; challenge?: Challenge };

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

/**
 * A token refused with 401 once: the client authorizes again from the challenge, which may
 * name new metadata and a new authorization server. A second 401 ends the run.
 */
function refusedToken(answer: McpAnswer, final: boolean): CallOutcome | undefined {
  if (answer.status !== 401 || final) return undefined;
  return {
    kind: 'reauthorize',
    ...(answer.wwwAuthenticate === undefined ? {} : { wwwAuthenticate: answer.wwwAuthenticate }),
    ...(answer.challenge ? { challenge: answer.challenge } : {}),
  };
}

/**
 * The session for an authenticated call; a 401 to initialize itself (a server that checks the
 * token there) comes back as the answer to act on.
 */
async function authenticatedSession(
  context: StepContext,
  final: boolean,
): Promise<(McpSession & { serverName?: string }) | CallOutcome> {
  try {
    return await openSession(context, accessTokenOf(context));
  } catch (error) {
    if (!final && error instanceof StepFailure && error.error.code === 'token-rejected') {
      return { kind: 'reauthorize' };
    }
    throw error;
  }
}

const isOutcome = (value: McpSession | CallOutcome): value is CallOutcome => 'kind' in value;

/** initialize (or none, for a stateless server) and tools/list with the access token. */
export const listTools: McpCall = async (context, final) => {
  const session = await authenticatedSession(context, final);
  if (isOutcome(session)) return session;
  const listed = await request(context, 'tools/list', toolsListRequest(2), session);
  if (needsScope(listed)) return refusedForScope(context, listed, final);
  const again = refusedToken(listed, final);
  if (again) return again;
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
    const session = await authenticatedSession(context, final);
    if (isOutcome(session)) return session;
    const answer = await request(
      context,
      `tools/call ${name}`,
      toolCallRequest(3, name, args),
      session,
    );
    if (needsScope(answer)) return refusedForScope(context, answer, final);
    const again = refusedToken(answer, final);
    if (again) return again;
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
