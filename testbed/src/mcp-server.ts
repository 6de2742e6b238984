import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessTokenResult } from './access-token.ts';
import type { MetadataDocument } from './auth-server.ts';
import type { BearerChallengeParams } from './challenge.ts';
import { bearerChallenge } from './challenge.ts';
import { allowCrossOrigin, answerPreflight, MCP_CORS, READ_ONLY_CORS } from './cors.ts';
import { readBody, sendError, sendJson } from './http.ts';
import { missingToolScopes, notesMcpServer } from './mcp-tools.ts';
import { answerWithSdk, rpcError } from './mcp-transport.ts';
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
  /** The MCP endpoint: bearer authentication, then the SDK's Streamable HTTP transport. */
  handleMcp(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** The Protected Resource Metadata, at the path-inserted well-known URL. */
  handleResourceMetadata(req: IncomingMessage, res: ServerResponse): void;
}

const MAX_MESSAGE_BYTES = 256 * 1024;

/** RFC 6750 §2.1: `Bearer` (any case), then a b64token. */
const BEARER_CREDENTIALS = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function createMcpEndpoint(options: McpServerOptions): McpEndpoint {
  const notebook = createNotebook();

  /** A challenge with the server's parameters; a 403 replaces the scope with the one needed. */
  function challenge(
    extra: Pick<BearerChallengeParams, 'error' | 'errorDescription'> & { scope?: string } = {},
  ) {
    return bearerChallenge({
      realm: options.challenge.realm,
      ...extra,
      scope: extra.scope ?? options.challenge.scope,
      resourceMetadata: options.challenge.resourceMetadataUrl,
    });
  }

  return {
    async handleMcp(req, res) {
      if (answerPreflight(req, res, MCP_CORS)) return;
      allowCrossOrigin(res, MCP_CORS);

      const header = req.headers.authorization;
      if (header === undefined) {
        req.resume();
        // RFC 6750 §3.1: a request without credentials gets a challenge without an error code.
        sendJson(
          res,
          401,
          { error_description: 'This MCP server needs a bearer access token.' },
          { 'WWW-Authenticate': challenge() },
        );
        return;
      }
      const credentials = BEARER_CREDENTIALS.exec(header)?.[1];
      const verified = credentials
        ? await options.verifyAccessToken(credentials)
        : ({
            ok: false,
            description: 'Send the token as "Authorization: Bearer <token>".',
          } as const);
      if (!verified.ok) {
        req.resume();
        sendError(res, 401, 'invalid_token', verified.description, {
          'WWW-Authenticate': challenge({
            error: 'invalid_token',
            errorDescription: verified.description,
          }),
        });
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
      if (!body.ok && body.reason === 'aborted') return;
      if (!body.ok) {
        sendJson(
          res,
          413,
          rpcError(-32600, `A message may be at most ${MAX_MESSAGE_BYTES} bytes.`),
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

      // Step-up needs an HTTP 403 with a challenge (MCP "Step-Up Authorization Flow"), so the
      // scopes a tool needs are checked here, before the message reaches the SDK.
      const missing = missingToolScopes(message, verified.token.scopes);
      if (missing) {
        const scope = missing.scopes.join(' ');
        const description = `${missing.tool} needs the ${scope} scope.`;
        sendError(res, 403, 'insufficient_scope', description, {
          'WWW-Authenticate': challenge({
            error: 'insufficient_scope',
            errorDescription: description,
            scope,
          }),
        });
        return;
      }

      await answerWithSdk(
        req,
        res,
        message,
        notesMcpServer(options.name, notebook, verified.token),
      );
    },

    handleResourceMetadata(req, res) {
      if (answerPreflight(req, res, READ_ONLY_CORS)) return;
      allowCrossOrigin(res, READ_ONLY_CORS);
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, 'method_not_allowed', 'Read the metadata with GET.', {
          Allow: 'GET, HEAD',
        });
      } else if (!options.resourceMetadata) {
        sendError(res, 404, 'not_found', 'This scenario has no protected resource metadata.');
      } else {
        sendJson(res, 200, options.resourceMetadata);
      }
    },
  };
}
