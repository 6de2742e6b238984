import { describe, expect, it } from 'vitest';
import {
  cursorOfFinding,
  rangeOfFinding,
} from '../src/views/playground/inputs/editor/diagnostics.ts';

const TEXT = `{
  "resource": "https://mcp.example.com/mcp",
  "scopes_supported": ["files:read", "offline_access"],
  "jwks": { "keys": [${'"k",'.repeat(60)} "k"] }
}`;

function marked(path: (string | number)[] | undefined): string {
  const { from, to } = rangeOfFinding(TEXT, { path });
  return TEXT.slice(from, to);
}

describe('where a finding is marked in its document', () => {
  it('marks the member at the path, key and value', () => {
    expect(marked(['resource'])).toBe('"resource": "https://mcp.example.com/mcp"');
    expect(marked(['scopes_supported', 1])).toBe('"offline_access"');
  });

  it('marks only the key of a value too long to underline', () => {
    expect(marked(['jwks'])).toBe('"jwks"');
  });

  it('marks the nearest thing that exists when the path names a missing field', () => {
    expect(marked(['scopes_supported', 5])).toBe('"scopes_supported"');
    expect(marked(['authorization_servers'])).toBe('{');
    expect(marked(undefined)).toBe('{');
  });

  it('puts the cursor on the value at the path', () => {
    const position = cursorOfFinding(TEXT, ['scopes_supported', 1]);
    expect(TEXT.slice(position)).toMatch(/^"offline_access"/);
    expect(cursorOfFinding('not json', ['a'])).toBe(0);
  });
});
