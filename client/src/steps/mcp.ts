import {
  CITES,
  findChallenge,
  initializedNotification,
  initializeRequest,
  isInsufficientScope,
  listedTools,
  MCP_PROTOCOL_VERSION,
  mcpRequestHeaders,
  parseWwwAuthenticate,
  readJsonRpcResponse,
  stepUpDecision,
  toolCallRequest,
  toolCallText,
  toolsListRequest,
} from '@mcp-auth-playground/core';
import type { Challenge, JsonRpcRequest } from '@mcp-auth-playground/core';
import type { StepContext, StepExecutor } from '../flow/context.ts';
import { NetworkFailure } from '../flow/network-failure.ts';
import { StepFailure } from '../flow/types.ts';
import type { WriteNoteData } from '../flow/types.ts';
import { dataFor, need } from './need.ts';

/** Headers an MCP client must be able to read from a cross-origin server. */
const EXPOSED = ['WWW-Authenticate', 'Mcp-Session-Id'];

/**
 * The revision without the initialize handshake (SEP-2575): every request carries the protocol
 * version in a header and in `_meta`, and no session id.
 */
export const STATELESS_PROTOCOL_VERSION = '2026-07-28';

export interface McpSession {
  accessToken?: string;
  sessionId?: string;
  protocolVersion?: string;
  /** The server takes no initialize: each request stands alone (SEP-2575). */
  stateless?: boolean;
}

export interface McpAnswer {
  status: number;
  /** The WWW-Authenticate header as sent, when the answer had one. */
  wwwAuthenticate?: string;
  challenge?: Challenge;
  result?: Record<string, unknown>;
  sessionId?: string;
  /** The versions a stateless server said it supports, when it refused ours (-32022). */
  supportedVersions?: string[];
}

/** A request as a stateless server wants it: the version and capabilities in `_meta`. */
function statelessMessage(message: JsonRpcRequest, version: string): JsonRpcRequest {
  return {
    ...message,
    params: {
      ...message.params,
      _meta: {
        'io.modelcontextprotocol/protocolVersion': version,
        'io.modelcontextprotocol/clientCapabilities': {},
        'io.modelcontextprotocol/clientInfo': {
          name: 'mcp-auth-playground-flow-runner',
          version: '0.1.0',
        },
      },
    },
  };
}

/** The versions in a -32022 "unsupported protocol version" error body, if that is what it is. */
function supportedVersionsIn(text: string): string[] | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const error = (body as { error?: { code?: unknown; data?: { supported?: unknown } } })?.error;
  const supported = error?.code === -32022 ? error.data?.supported : undefined;
  return Array.isArray(supported) && supported.every((v) => typeof v === 'string')
    ? supported
    : undefined;
}

export async function post(
  context: StepContext,
  label: string,
  message: JsonRpcRequest,
  session: McpSession,
): Promise<McpAnswer> {
  const fetch = context.fetch(label, EXPOSED);
  const sent = session.stateless
    ? statelessMessage(message, session.protocolVersion ?? STATELESS_PROTOCOL_VERSION)
    : message;
  let response: Response;
  try {
    response = await fetch(context.config.serverUrl.trim(), {
      method: 'POST',
      headers: mcpRequestHeaders(session),
      body: JSON.stringify(sent),
      credentials: 'omit',
      signal: context.signal,
    });
  } catch (error) {
    if (error instanceof NetworkFailure) {
      throw new StepFailure({
        code: error.failure.kind,
        message: error.failure.message,
        ...(error.failure.kind === 'cors' ? { cite: CITES.corsProtocol } : {}),
      });
    }
    throw error;
  }
  const header = response.headers.get('www-authenticate');
  const challenge =
    header === null ? undefined : findChallenge(parseWwwAuthenticate(header), 'Bearer');
  const sessionId = response.headers.get('mcp-session-id') ?? undefined;
  const text = await response.text();
  const answer: McpAnswer = {
    status: response.status,
    ...(header === null ? {} : { wwwAuthenticate: header }),
    ...(challenge ? { challenge } : {}),
    ...(sessionId ? { sessionId } : {}),
  };
  if (!response.ok) {
    const supportedVersions = session.stateless ? supportedVersionsIn(text) : undefined;
    return supportedVersions ? { ...answer, supportedVersions } : answer;
  }
  if (message.id === undefined) return answer;
  const outcome = readJsonRpcResponse(response.headers.get('content-type'), text, message.id);
  if (!outcome.ok) {
    throw new StepFailure({ code: 'mcp-error', message: outcome.message, cite: CITES.flowSteps });
  }
  return { ...answer, result: outcome.result };
}

/**
 * One request of a stateless session; a server that refuses the version with the list it
 * supports gets the request again, once, in its newest one it lists.
 */
export async function request(
  context: StepContext,
  label: string,
  message: JsonRpcRequest,
  session: McpSession,
): Promise<McpAnswer> {
  const answer = await post(context, label, message, session);
  const offered = answer.supportedVersions?.at(-1);
  if (!session.stateless || offered === undefined || offered === session.protocolVersion) {
    return answer;
  }
  session.protocolVersion = offered;
  return post(context, label, message, session);
}

/** A refusal of the token itself: the server does not accept it for this resource. */
export function rejected(answer: McpAnswer, what: string): StepFailure {
  const params = answer.challenge?.params ?? {};
  const detail = params.error
    ? ` It said ${params.error}${params.error_description ? `: “${params.error_description}”` : ''}.`
    : '';
  return new StepFailure({
    code: answer.status === 401 ? 'token-rejected' : `http-${answer.status}`,
    message: `The MCP server answered ${answer.status} to ${what}.${detail}${answer.status === 401 ? ' The token is missing, expired or meant for another resource (check its aud).' : ''}`,
    cite: CITES.flowSteps,
  });
}

/**
 * initialize, then notifications/initialized: the session every later call uses. A server that
 * refuses initialize with 400 speaks the stateless revision (SEP-2575), where each request
 * carries its version and there is no handshake.
 */
export async function openSession(
  context: StepContext,
  accessToken: string | undefined,
): Promise<McpSession & { serverName?: string }> {
  const credentials = accessToken === undefined ? {} : { accessToken };
  const init = await post(
    context,
    accessToken === undefined ? 'initialize' : 'initialize (with the token)',
    initializeRequest(1),
    credentials,
  );
  if (!init.result && init.status === 400) {
    return { ...credentials, stateless: true, protocolVersion: STATELESS_PROTOCOL_VERSION };
  }
  if (!init.result) throw rejected(init, 'initialize');
  const session: McpSession & { serverName?: string } = { ...credentials };
  if (init.sessionId) session.sessionId = init.sessionId;
  const version = init.result.protocolVersion;
  session.protocolVersion = typeof version === 'string' ? version : MCP_PROTOCOL_VERSION;
  const info = init.result.serverInfo;
  if (
    typeof info === 'object' &&
    info !== null &&
    typeof (info as { name?: unknown }).name === 'string'
  ) {
    session.serverName = (info as { name: string }).name;
  }
  const ack = await post(context, 'notifications/initialized', initializedNotification(), session);
  if (ack.status >= 400) throw rejected(ack, 'notifications/initialized');
  return session;
}

export function accessTokenOf(context: StepContext): string {
  const token = context.tokens?.accessToken;
  if (!token) {
    throw new StepFailure({
      code: 'no-access-token',
      message: 'This tab holds no access token. Restart the flow to get one.',
    });
  }
  return token;
}

/** Step 9: initialize and tools/list with the access token. */
export const mcp: StepExecutor = async (context) => {
  const session = await openSession(context, accessTokenOf(context));
  const listed = await request(context, 'tools/list', toolsListRequest(2), session);
  if (!listed.result) throw rejected(listed, 'tools/list');
  return {
    data: dataFor('mcp', {
      ...(session.serverName ? { serverName: session.serverName } : {}),
      ...(session.protocolVersion ? { protocolVersion: session.protocolVersion } : {}),
      ...(session.sessionId ? { sessionId: session.sessionId } : {}),
      tools: listedTools(listed.result),
    }),
  };
};

const noteText = (now: number) =>
  `Written by the MCP Auth Playground flow runner at ${new Date(now).toISOString()}.`;

async function callWriteNote(context: StepContext, session: McpSession): Promise<McpAnswer> {
  return request(
    context,
    'tools/call write_note',
    toolCallRequest(3, 'write_note', { text: noteText(context.now()) }),
    session,
  );
}

export function toolResult(answer: McpAnswer, tool = 'write_note'): string {
  const { isError, text } = toolCallText(answer.result ?? {});
  if (isError) {
    throw new StepFailure({
      code: 'tool-error',
      message: `${tool} reported an error: ${text || 'no text'}.`,
    });
  }
  return text || `${tool} succeeded.`;
}

/**
 * What a 403 insufficient_scope leads to: the profile's step-up decision over the challenge and
 * the scope the last authorization asked for.
 */
export function stepUpFor(context: StepContext, answer: McpAnswer): WriteNoteData {
  const challenge = answer.challenge!;
  const previousScope =
    context.data['step-up-token']?.requestedScope ?? context.data.token?.requestedScope;
  const stepUp = stepUpDecision({
    profile: context.config.profile,
    challenge,
    previousScope,
    resourceMetadata: context.data['resource-metadata']?.document,
    authServerMetadata: context.data['authorization-server-metadata']?.document,
    clientMetadata: context.data.registration?.clientMetadata,
  });
  return {
    status: answer.status,
    challenge,
    decision: stepUp.decision,
    ...(previousScope === undefined ? {} : { previousScope }),
    combination: stepUp.combination,
  };
}

/** The error of a call still refused for scope after the step-up: the client stops, not loops. */
export function stepUpExhausted(context: StepContext, answer: McpAnswer): StepFailure {
  return new StepFailure({
    code: 'step-up-exhausted',
    message: `Still 403 insufficient_scope after one step-up (the token has ${context.tokens?.scope ?? 'an unknown scope'}). The client stops here rather than loop; the server or the authorization server is not granting ${answer.challenge?.params.scope ?? 'the scope it asks for'}.`,
    cite: CITES.stepUp,
  });
}

/**
 * The first call of the step-up phase. With enough scope it simply succeeds and the phase ends;
 * a 403 insufficient_scope leads to the profile's step-up decision.
 */
export const writeNote: StepExecutor = async (context) => {
  const mcpData = need(context, 'mcp');
  const session: McpSession = {
    accessToken: accessTokenOf(context),
    ...(mcpData.sessionId ? { sessionId: mcpData.sessionId } : {}),
    ...(mcpData.protocolVersion ? { protocolVersion: mcpData.protocolVersion } : {}),
  };
  const answer = await callWriteNote(context, session);
  if (answer.result) {
    return {
      data: dataFor('write-note', { status: answer.status, result: toolResult(answer) }),
      endPhase: true,
    };
  }
  if (answer.status !== 403 || !isInsufficientScope(answer.challenge)) {
    throw rejected(answer, 'tools/call write_note');
  }
  return { data: dataFor('write-note', stepUpFor(context, answer)) };
};

/** The single retry after the step-up; another 403 ends the phase with an error, not a loop. */
export const writeNoteRetry: StepExecutor = async (context) => {
  const session = await openSession(context, accessTokenOf(context));
  const answer = await callWriteNote(context, session);
  if (answer.result) {
    return { data: dataFor('write-note-retry', { result: toolResult(answer) }) };
  }
  if (answer.status === 403 && isInsufficientScope(answer.challenge)) {
    throw stepUpExhausted(context, answer);
  }
  throw rejected(answer, 'tools/call write_note');
};
