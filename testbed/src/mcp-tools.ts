import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { VerifiedAccessToken } from './access-token.ts';
import { MCP_READ_SCOPE, MCP_WRITE_SCOPE } from './config.ts';
import type { Notebook } from './notebook.ts';

/**
 * The scopes each tool needs. The HTTP layer checks them (missingToolScopes) before a call
 * reaches the SDK, because only an HTTP 403 with a challenge lets a client step up.
 */
export const TOOL_SCOPES: Readonly<Record<string, readonly string[]>> = {
  read_notes: [MCP_READ_SCOPE],
  write_note: [MCP_WRITE_SCOPE],
};

export const MAX_NOTE_LENGTH = 500;

/** An MCP server with the demo tools, built per request for the caller's verified token. */
export function notesMcpServer(
  name: string,
  notebook: Notebook,
  token: VerifiedAccessToken,
): McpServer {
  const server = new McpServer({ name, version: '1.0.0' }, { capabilities: { tools: {} } });

  server.registerTool(
    'read_notes',
    {
      title: 'Read notes',
      description: `Lists the notes on this server. Needs the ${MCP_READ_SCOPE} scope.`,
      annotations: { readOnlyHint: true },
    },
    () => ({
      content: [
        {
          type: 'text',
          text: notebook
            .list()
            .map((note) => `#${note.id} (${note.author}): ${note.text}`)
            .join('\n'),
        },
      ],
    }),
  );

  server.registerTool(
    'write_note',
    {
      title: 'Write a note',
      description: `Adds a note. Needs the ${MCP_WRITE_SCOPE} scope: a token without it gets a 403 asking for it.`,
      inputSchema: { text: z.string().min(1).max(MAX_NOTE_LENGTH) },
      annotations: { readOnlyHint: false, destructiveHint: false },
    },
    ({ text }) => {
      const note = notebook.add(text, token.subject ?? 'unknown');
      return { content: [{ type: 'text', text: `Saved note #${note.id}.` }] };
    },
  );

  return server;
}

/**
 * The first tool call in a message (or a batch of them) whose required scopes the token lacks,
 * with the scopes that tool needs.
 */
export function missingToolScopes(
  message: unknown,
  granted: ReadonlySet<string>,
): { tool: string; scopes: readonly string[] } | undefined {
  for (const entry of Array.isArray(message) ? message : [message]) {
    if (!isRecord(entry) || entry.method !== 'tools/call' || !isRecord(entry.params)) continue;
    const tool = entry.params.name;
    if (typeof tool !== 'string' || !Object.hasOwn(TOOL_SCOPES, tool)) continue;
    const needed = TOOL_SCOPES[tool] ?? [];
    if (needed.some((scope) => !granted.has(scope))) return { tool, scopes: needed };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
