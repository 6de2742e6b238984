import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { AccessTokenResult, VerifiedAccessToken } from './access-token.ts';
import type { MetadataDocument } from './auth-server.ts';
import { bearerChallenge } from './challenge.ts';
import { allowCrossOrigin, answerPreflight, MCP_CORS, READ_ONLY_CORS } from './cors.ts';
import { readBody, sendError, sendJson } from './http.ts';
import { TOOL_SCOPES, notesMcpServer } from './mcp-tools.ts';
import { createNotebook } from './notebook.ts';

/** The challenge parameters a server sends with every 401 and 403. */
export interface ChallengeOptions {
  realm?: string;
  /** The `scope` of the 401 challenge; omitted when undefined. */
  scope?: string;
  /** The PRM URL (RFC 9728 §5.1); omitted when undefined, leaving clients the well-known URL. */
  resourceMetadataUrl?: string;
}

export interface McpServerOptions {
  /** The server's name in the MCP `initialize` result. */
  name: string;
  verifyAccessToken: (token: string) => Promise<AccessTokenResult>;
  challenge: ChallengeOptions;
  /** The Protected Resource Metadata served (RFC 9728); undefined answers 404. */
  resourceMetadata: MetadataDocument | undefined;
}

export interface McpEndpoint {
  handleMcp(req: IncomingMessage, res: ServerResponse): Promise<void>;
  handleResourceMetadata(req: IncomingMessage, res: ServerResponse): void;
}

const MAX_MESSAGE_BYTES = 256 * 1024;

export function createMcpEndpoint(options: McpServerOptions): McpEndpoint {
  const notebook = createNotebook();

  function challenge(extra: { error?: string; errorDescription?: string; scope?: string } = {}) {
    return bearerChallenge({
      realm: options.challenge.realm,
      error: extra.error,
      errorDescription: extra.errorDescription,
      scope: 'scope' in extra ? extra.scope : options.challenge.scope,
      resourceMetadata: options.challenge.resourceMetadataUrl,
    });
  }

  async function authenticate(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<VerifiedAccessToken | undefined> {
    const header = req.headers.authorization;
    // RFC 6750 §3.1: a request without credentials gets a challenge with no error code.
    if (header === undefined) {
      sendError(res, 401, 'unauthorized', 'This MCP server needs a bearer access token.', {
        'WWW-Authenticate': challenge(),
      });
      return undefined;
    }
    const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
    const result = match?.[1]
      ? await options.verifyAccessToken(match[1])
      : { ok: false as const, description: 'The Authorization header must be "Bearer <token>".' };
    if (!result.ok) {
      sendError(res, 401, 'invalid_token', result.description, {
        'WWW-Authenticate': challenge({
          error: 'invalid_token',
          errorDescription: result.description,
        }),
      });
      return undefined;
    }
    return result.token;
  }

  return {
    async handleMcp(req, res) {
      if (answerPreflight(req, res, MCP_CORS)) return;
      allowCrossOrigin(res, MCP_CORS);

      const token = await authenticate(req, res);
      if (!token) {
        req.resume();
        return;
      }
      // Stateless: no session, so no stream to GET and nothing to DELETE (MCP Streamable HTTP
      // lets a server answer 405 to both).
      if (req.method !== 'POST') {
        req.resume();
        sendJson(res, 405, rpcError(-32000, 'This stateless server only accepts POST.'), {
          Allow: 'POST',
        });
        return;
      }

      const body = await readBody(req, MAX_MESSAGE_BYTES);
      if (!body.ok) {
        sendJson(
          res,
          413,
          rpcError(-32600, `A message may be at most ${MAX_MESSAGE_BYTES} bytes.`),
          {
            Connection: 'close',
          },
        );
        return;
      }
      let message: unknown;
      try {
        message = JSON.parse(body.body.toString('utf8'));
      } catch {
        sendJson(res, 400, rpcError(-32700, 'Parse error: the body is not JSON.'));
        return;
      }

      const missing = missingToolScopes(message, token.scopes);
      if (missing) {
        const description = `${missing.tool} needs the ${missing.scopes.join(' ')} scope.`;
        sendError(res, 403, 'insufficient_scope', description, {
          'WWW-Authenticate': challenge({
            error: 'insufficient_scope',
            errorDescription: description,
            scope: missing.scopes.join(' '),
          }),
        });
        return;
      }

      await answerWithSdk(req, res, message, notesMcpServer(options.name, notebook, token));
    },

    handleResourceMetadata(req, res) {
      if (answerPreflight(req, res, READ_ONLY_CORS)) return;
      allowCrossOrigin(res, READ_ONLY_CORS);
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, 'method_not_allowed', 'Protected Resource Metadata is read with GET.', {
          Allow: 'GET, HEAD',
        });
        return;
      }
      if (!options.resourceMetadata) {
        sendError(
          res,
          404,
          'not_found',
          'This scenario has no protected resource metadata to serve.',
        );
        return;
      }
      sendJson(res, 200, options.resourceMetadata);
    },
  };
}

/**
 * The SDK's Streamable HTTP transport in stateless mode answers one POST and is done, so a
 * server and transport are made per request; JSON responses rather than SSE keep the exchange
 * readable in the playground's network log.
 */
async function answerWithSdk(
  req: IncomingMessage,
  res: ServerResponse,
  message: unknown,
  server: ReturnType<typeof notesMcpServer>,
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

/** The first tool call in a message (or batch) whose required scopes the token lacks. */
function missingToolScopes(
  message: unknown,
  granted: ReadonlySet<string>,
): { tool: string; scopes: string[] } | undefined {
  for (const entry of Array.isArray(message) ? message : [message]) {
    if (!isRecord(entry) || entry.method !== 'tools/call' || !isRecord(entry.params)) continue;
    const tool = entry.params.name;
    if (typeof tool !== 'string' || !Object.hasOwn(TOOL_SCOPES, tool)) continue;
    const needed = TOOL_SCOPES[tool] ?? [];
    if (needed.some((scope) => !granted.has(scope))) return { tool, scopes: [...needed] };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rpcError(code: number, message: string) {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}
