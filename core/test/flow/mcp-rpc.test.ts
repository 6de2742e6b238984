import { describe, expect, it } from 'vitest';
import {
  eventStreamMessages,
  initializeRequest,
  listedTools,
  mcpRequestHeaders,
  readJsonRpcResponse,
  toolCallText,
} from '../../src/flow/mcp-rpc.ts';

describe('MCP JSON-RPC over Streamable HTTP', () => {
  it('sends the headers the transport requires, the token only when there is one', () => {
    expect(mcpRequestHeaders()).toEqual({
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    });
    expect(
      mcpRequestHeaders({ accessToken: 't', sessionId: 's', protocolVersion: '2025-11-25' }),
    ).toMatchObject({
      authorization: 'Bearer t',
      'mcp-session-id': 's',
      'mcp-protocol-version': '2025-11-25',
    });
    expect(initializeRequest(1)).toMatchObject({
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25' },
    });
  });

  it('finds the response with its id in a JSON body or an event stream', () => {
    const result = { tools: [{ name: 'read_notes' }] };
    expect(
      readJsonRpcResponse('application/json', JSON.stringify({ jsonrpc: '2.0', id: 2, result }), 2),
    ).toEqual({ ok: true, result });
    const stream = `event: message\nid: 1\ndata: {"jsonrpc":"2.0","method":"notifications/progress"}\n\nevent: message\ndata: {"jsonrpc":"2.0","id":2,\ndata: "result":{"tools":[]}}\n\n`;
    expect(readJsonRpcResponse('text/event-stream', stream, 2)).toEqual({
      ok: true,
      result: { tools: [] },
    });
    expect(eventStreamMessages('data: not json\n\n')).toEqual([undefined]);
  });

  it('reports JSON-RPC errors and bodies without the response', () => {
    const error = JSON.stringify({
      jsonrpc: '2.0',
      id: 3,
      error: { code: -32602, message: 'Unknown tool' },
    });
    expect(readJsonRpcResponse('application/json', error, 3)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/-32602: Unknown tool/) as unknown,
    });
    expect(readJsonRpcResponse('application/json', '<html>', 3)).toMatchObject({ ok: false });
    expect(
      readJsonRpcResponse(null, JSON.stringify({ jsonrpc: '2.0', id: 9, result: {} }), 3).ok,
    ).toBe(false);
  });

  it('lists tools and tool output leniently', () => {
    expect(
      listedTools({ tools: [{ name: 'a', description: 'A' }, { name: 5 }, null, { name: 'b' }] }),
    ).toEqual([{ name: 'a', description: 'A' }, { name: 'b' }]);
    expect(listedTools({ tools: 'x' })).toEqual([]);
    expect(
      toolCallText({
        content: [{ type: 'text', text: 'saved' }, { type: 'image' }],
        isError: false,
      }),
    ).toEqual({ isError: false, text: 'saved' });
  });
});
