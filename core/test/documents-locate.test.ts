import { describe, expect, it } from 'vitest';
import { locateJsonPath } from '../src/documents/locate.ts';

const PRM = `{
  "resource": "https://mcp.example.com/mcp",
  "authorization_servers": ["https://auth.example.com"],
  "scopes_supported": [
    "mcp:read",
    "mcp:write"
  ],
  "nested": { "a\\u0062c": { "deep": [1, {"x": true}] } }
}`;

function textAt(text: string, path: (string | number)[]): string | undefined {
  const location = locateJsonPath(text, path);
  return location?.found ? text.slice(location.node.range.from, location.node.range.to) : undefined;
}

describe('locateJsonPath', () => {
  it('finds object members and array elements by path', () => {
    expect(textAt(PRM, ['resource'])).toBe('"https://mcp.example.com/mcp"');
    expect(textAt(PRM, ['scopes_supported', 1])).toBe('"mcp:write"');
    expect(textAt(PRM, ['authorization_servers'])).toBe('["https://auth.example.com"]');
    expect(textAt(PRM, ['nested', 'abc', 'deep', 1, 'x'])).toBe('true');
  });

  it('gives the key range of a member so an editor can mark the field name', () => {
    const location = locateJsonPath(PRM, ['resource']);
    expect(location?.node.key && PRM.slice(location.node.key.from, location.node.key.to)).toBe(
      '"resource"',
    );
  });

  it('reports the deepest existing node when the path runs past the document', () => {
    const location = locateJsonPath(PRM, ['scopes_supported', 7]);
    expect(location).toMatchObject({ found: false, depth: 1, node: { kind: 'array' } });
    const missing = locateJsonPath(PRM, ['code_challenge_methods_supported']);
    expect(missing).toMatchObject({ found: false, depth: 0, node: { kind: 'object' } });
  });

  it('locates the path as JSON.parse reads it when a key repeats', () => {
    const text = '{"scope": "first", "scope": "second"}';
    expect(textAt(text, ['scope'])).toBe('"second"');
  });

  it('treats __proto__ as an ordinary key', () => {
    expect(textAt('{"__proto__": {"polluted": 1}}', ['__proto__', 'polluted'])).toBe('1');
  });

  it('still finds a field before the point where the text stops being JSON', () => {
    const text = '{\n  "issuer": "https://as.example.com",\n  "scopes_supported": [\n';
    expect(textAt(text, ['issuer'])).toBe('"https://as.example.com"');
    expect(locateJsonPath(text, ['scopes_supported'])).toMatchObject({ found: false, depth: 0 });
  });

  it('returns undefined for text that holds no value, and the root for an empty path', () => {
    expect(locateJsonPath('   ', [])).toBeUndefined();
    expect(textAt(' [1, 2] ', [])).toBe('[1, 2]');
    expect(locateJsonPath('"text"', ['a'])).toMatchObject({ found: false, depth: 0 });
  });

  it('skips strings that contain brackets, quotes and escapes', () => {
    const text = '{"a": "}] \\" {[", "b": ["]", {"c": "\\\\"}], "d": 4}';
    expect(textAt(text, ['d'])).toBe('4');
    expect(textAt(text, ['b', 1, 'c'])).toBe('"\\\\"');
  });

  it('scans a 2 MB document to a field after it', () => {
    const big = JSON.stringify({ filler: 'x'.repeat(2_000_000), list: [1, 2], last: 'end' });
    expect(textAt(big, ['last'])).toBe('"end"');
  });
});
