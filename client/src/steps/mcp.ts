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
import type { StepContext, StepExecutor } from '../session/context.ts';
import { NetworkFailure } from '../session/network.ts';
import { StepFailure } from '../session/types.ts';
import { dataFor, need } from './need.ts';

/** Headers an MCP client must be able to read from a cross-origin server. */
const EXPOSED = ['WWW-Authenticate', 'Mcp-Session-Id'];

interface McpSession {
  accessToken: string;
  sessionId?: string;
  protocolVersion?: string;
}

interface McpAnswer {
  status: number;
  challenge?: Challenge;
  result?: Record<string, unknown>;
  sessionId?: string;
}

async function post(
  context: StepContext,
  label: string,
  message: JsonRpcRequest,
  session: McpSession,
): Promise<McpAnswer> {
  const fetch = context.fetch(label, EXPOSED);
  let response: Response;
  try {
    response = await fetch(context.config.serverUrl.trim(), {
      method: 'POST',
      headers: mcpRequestHeaders(session),
      body: JSON.stringify(message),
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
    ...(challenge ? { challenge } : {}),
    ...(sessionId ? { sessionId } : {}),
  };
  if (message.id === undefined || !response.ok) return answer;
  const outcome = readJsonRpcResponse(response.headers.get('content-type'), text, message.id);
  if (!outcome.ok) {
    throw new StepFailure({ code: 'mcp-error', message: outcome.message, cite: CITES.flowSteps });
  }
  return { ...answer, result: outcome.result };
}

/** A refusal of the token itself: the server does not accept it for this resource. */
function rejected(answer: McpAnswer, what: string): StepFailure {
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

/** initialize, then notifications/initialized: the session every later call uses. */
async function openSession(
  context: StepContext,
  accessToken: string,
): Promise<McpSession & { serverName?: string }> {
  const init = await post(context, 'initialize (with the token)', initializeRequest(1), {
    accessToken,
  });
  if (!init.result) throw rejected(init, 'initialize');
  const session: McpSession & { serverName?: string } = { accessToken };
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

function accessTokenOf(context: StepContext): string {
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
  const listed = await post(context, 'tools/list', toolsListRequest(2), session);
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
  return post(
    context,
    'tools/call write_note',
    toolCallRequest(3, 'write_note', { text: noteText(context.now()) }),
    session,
  );
}

function toolResult(answer: McpAnswer): string {
  const { isError, text } = toolCallText(answer.result ?? {});
  if (isError) {
    throw new StepFailure({
      code: 'tool-error',
      message: `write_note reported an error: ${text || 'no text'}.`,
    });
  }
  return text || 'write_note succeeded.';
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
    data: dataFor('write-note', {
      status: answer.status,
      challenge,
      decision: stepUp.decision,
      ...(previousScope === undefined ? {} : { previousScope }),
      combination: stepUp.combination,
    }),
  };
};

/** The single retry after the step-up; another 403 ends the phase with an error, not a loop. */
export const writeNoteRetry: StepExecutor = async (context) => {
  const session = await openSession(context, accessTokenOf(context));
  const answer = await callWriteNote(context, session);
  if (answer.result) {
    return { data: dataFor('write-note-retry', { result: toolResult(answer) }) };
  }
  if (answer.status === 403 && isInsufficientScope(answer.challenge)) {
    throw new StepFailure({
      code: 'step-up-exhausted',
      message: `Still 403 insufficient_scope after one step-up (the token has ${context.tokens?.scope ?? 'an unknown scope'}). The client stops here rather than loop; the server or the authorization server is not granting ${answer.challenge?.params.scope ?? 'the scope it asks for'}.`,
      cite: CITES.stepUp,
    });
  }
  throw rejected(answer, 'tools/call write_note');
};
