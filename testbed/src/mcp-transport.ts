import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sendJson } from './http.ts';

/** A JSON-RPC 2.0 error response that answers no particular request (JSON-RPC 2.0 §5). */
export function rpcError(code: number, message: string) {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}

/**
 * Answers one already-read MCP message with the SDK's Streamable HTTP transport. In stateless
 * mode a transport serves a single request, so the server and transport are made per request;
 * JSON responses rather than an SSE stream keep each exchange one readable HTTP response in the
 * playground's network log.
 */
export async function answerWithSdk(
  req: IncomingMessage,
  res: ServerResponse,
  message: unknown,
  server: McpServer,
): Promise<void> {
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  try {
    await server.connect(transport);
    await transport.handleRequest(req, res, message);
  } catch (error) {
    console.error('MCP request failed:', error);
    if (!res.headersSent) sendJson(res, 500, rpcError(-32603, 'Internal error.'));
  }
}
