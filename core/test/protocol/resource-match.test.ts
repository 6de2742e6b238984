import { describe, expect, it } from 'vitest';
import { checkResourceMatch, resourceIndicator } from '../../src/protocol/resource-match.ts';

const SERVER = 'https://mcp.example.com/mcp';
const PATH_INSERTED = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
const ROOT = 'https://mcp.example.com/.well-known/oauth-protected-resource';
const CHALLENGE_URL = 'https://mcp.example.com/meta/prm.json';

describe('checkResourceMatch (RFC 9728 §3.3)', () => {
  it('accepts the server’s own URI, in any spelling with the same canonical form', () => {
    expect(checkResourceMatch(SERVER, SERVER, PATH_INSERTED)).toEqual({ ok: true });
    expect(checkResourceMatch('HTTPS://MCP.example.com/mcp', SERVER, CHALLENGE_URL)).toEqual({
      ok: true,
    });
  });

  it('accepts the origin from the root well-known URL, for a server under it', () => {
    expect(checkResourceMatch('https://mcp.example.com', SERVER, ROOT).ok).toBe(true);
    expect(checkResourceMatch('https://mcp.example.com/', SERVER, ROOT).ok).toBe(true);
  });

  it('refuses another resource, and the origin from any other metadata URL', () => {
    const other = checkResourceMatch('https://evil.example.com/mcp', SERVER, PATH_INSERTED);
    expect(other.ok).toBe(false);
    expect(!other.ok && other.message).toMatch(/evil\.example\.com.*not this MCP server/);
    expect(checkResourceMatch('https://mcp.example.com', SERVER, PATH_INSERTED).ok).toBe(false);
    expect(checkResourceMatch('https://mcp.example.com', SERVER, CHALLENGE_URL).ok).toBe(false);
    expect(checkResourceMatch('https://mcp.example.com/other', SERVER, ROOT).ok).toBe(false);
    expect(checkResourceMatch(42, SERVER, PATH_INSERTED).ok).toBe(false);
  });

  it('leaves a document without resource to the lint', () => {
    expect(checkResourceMatch(undefined, SERVER, PATH_INSERTED)).toEqual({ ok: true });
  });
});

describe('resourceIndicator (RFC 8707 §2)', () => {
  it('sends the identifier the metadata publishes once it is accepted', () => {
    expect(resourceIndicator(SERVER, 'https://mcp.example.com', ROOT)).toEqual({
      ok: true,
      value: 'https://mcp.example.com',
    });
  });

  it('sends the server’s canonical URI otherwise', () => {
    const server = { ok: true, value: SERVER };
    expect(resourceIndicator(SERVER, undefined, PATH_INSERTED)).toEqual(server);
    expect(resourceIndicator(SERVER, 'https://evil.example.com/mcp', PATH_INSERTED)).toEqual(
      server,
    );
    expect(resourceIndicator('HTTPS://MCP.EXAMPLE.COM/mcp', SERVER, PATH_INSERTED)).toEqual(server);
  });
});
