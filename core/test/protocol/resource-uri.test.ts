import { describe, expect, it } from 'vitest';
import { canonicalResourceUri } from '../../src/protocol/resource-uri.ts';

describe('canonicalResourceUri', () => {
  it.each([
    'https://mcp.example.com/mcp',
    'https://mcp.example.com',
    'https://mcp.example.com:8443',
    'https://mcp.example.com/server/mcp',
  ])('accepts the spec example %s unchanged', (uri) => {
    expect(canonicalResourceUri(uri)).toEqual({ ok: true, value: uri });
  });

  it('refuses the spec example without a scheme', () => {
    const result = canonicalResourceUri('mcp.example.com');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/no scheme/);
  });

  it('refuses the spec example with a fragment, and an empty fragment too', () => {
    for (const uri of ['https://mcp.example.com#fragment', 'https://mcp.example.com/mcp#']) {
      const result = canonicalResourceUri(uri);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(/fragment/);
    }
  });

  it.each([
    ['HTTPS://MCP.Example.COM/MCP', 'https://mcp.example.com/MCP'],
    ['https://mcp.example.com/', 'https://mcp.example.com'],
    ['https://mcp.example.com:443/mcp', 'https://mcp.example.com/mcp'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['https://mcp.example.com/?tenant=a', 'https://mcp.example.com?tenant=a'],
    ['https://mcp.example.com/a/../mcp', 'https://mcp.example.com/mcp'],
    ['  https://mcp.example.com/mcp/  ', 'https://mcp.example.com/mcp/'],
  ])('normalises %s to %s', (input, expected) => {
    expect(canonicalResourceUri(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', /empty/],
    ['localhost:3000/mcp', /no scheme/],
    ['/mcp', /no scheme/],
    ['ftp://mcp.example.com', /ftp scheme/],
    ['javascript:alert(1)', /javascript scheme/],
    ['https://', /not a valid absolute URI/],
    ['https://user:secret@mcp.example.com/mcp', /credentials/],
  ])('refuses %j', (input, reason) => {
    const result = canonicalResourceUri(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('never repeats credentials or a huge input in its reason', () => {
    const secret = canonicalResourceUri('https://user:secret@mcp.example.com');
    expect(!secret.ok && secret.reason).not.toContain('secret');
    const huge = canonicalResourceUri(`nope${'x'.repeat(100_000)}`);
    expect(!huge.ok && huge.reason.length).toBeLessThan(200);
  });

  it('refuses a value that is not a string', () => {
    expect(canonicalResourceUri(42 as unknown as string).ok).toBe(false);
  });
});
