/**
 * The few JSON-RPC messages the flow sends to an MCP server over Streamable HTTP, and a reader
 * for its answers, which come as JSON or as a short server-sent event stream.
 */
export const MCP_PROTOCOL_VERSION = '2025-11-25';

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id?: number;
  method: string;
  params?: Record<string, unknown>;
}

export function initializeRequest(id: number): JsonRpcRequest {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: {
      protocolVersion: MCP_PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: 'mcp-auth-playground-flow-runner', version: '0.1.0' },
    },
  };
}

export const initializedNotification = (): JsonRpcRequest => ({
  jsonrpc: '2.0',
  method: 'notifications/initialized',
});

export const toolsListRequest = (id: number): JsonRpcRequest => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/list',
});

export function toolCallRequest(
  id: number,
  name: string,
  args: Record<string, unknown>,
): JsonRpcRequest {
  return { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } };
}

export interface McpHeaderOptions {
  accessToken?: string;
  sessionId?: string;
  /** Sent on every request after initialize, as the transport requires. */
  protocolVersion?: string;
}

export function mcpRequestHeaders(options: McpHeaderOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
  };
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  if (options.sessionId) headers['mcp-session-id'] = options.sessionId;
  if (options.protocolVersion) headers['mcp-protocol-version'] = options.protocolVersion;
  return headers;
}

export type JsonRpcOutcome =
  { ok: true; result: Record<string, unknown> } | { ok: false; message: string };

/** Finds the response to request `id` in a JSON body or an event stream; never throws. */
export function readJsonRpcResponse(
  contentType: string | null,
  body: string,
  id: number,
): JsonRpcOutcome {
  const messages = (contentType ?? '').includes('text/event-stream')
    ? eventStreamMessages(body)
    : [parseJson(body)];
  for (const message of messages.flatMap((m): unknown[] => (Array.isArray(m) ? m : [m]))) {
    if (!isRecord(message) || message.id !== id) continue;
    if (isRecord(message.error)) {
      const text = typeof message.error.message === 'string' ? message.error.message : '';
      return {
        ok: false,
        message: `The server answered with JSON-RPC error ${String(message.error.code)}: ${text}`,
      };
    }
    if (isRecord(message.result)) return { ok: true, result: message.result };
    return { ok: false, message: 'The JSON-RPC response has neither a result nor an error.' };
  }
  return {
    ok: false,
    message: `The answer holds no JSON-RPC response with id ${id}.`,
  };
}

/** The JSON of each `data:` field of a text/event-stream body (WHATWG HTML §9.2). */
export function eventStreamMessages(body: string): unknown[] {
  const messages: unknown[] = [];
  for (const event of body.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data) messages.push(parseJson(data));
  }
  return messages;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface ToolSummary {
  name: string;
  description?: string;
}

/** The tools of a tools/list result, skipping malformed entries. */
export function listedTools(result: Record<string, unknown>): ToolSummary[] {
  const tools = Array.isArray(result.tools) ? result.tools : [];
  return tools.flatMap((tool): ToolSummary[] => {
    if (!isRecord(tool) || typeof tool.name !== 'string') return [];
    return typeof tool.description === 'string'
      ? [{ name: tool.name, description: tool.description }]
      : [{ name: tool.name }];
  });
}

/** The text parts of a tools/call result, and whether the tool reported an error. */
export function toolCallText(result: Record<string, unknown>): { isError: boolean; text: string } {
  const content = Array.isArray(result.content) ? result.content : [];
  const text = content
    .flatMap((part) => (isRecord(part) && typeof part.text === 'string' ? [part.text] : []))
    .join('\n');
  return { isError: result.isError === true, text };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
