import { describe, expect, it } from 'vitest';
import { styleFor, visibleText } from '../src/style.ts';
import { indented, table, wrap } from '../src/text.ts';

describe('layout for an 80-column terminal', () => {
  it('wraps at spaces and keeps a word longer than the width (a URL) whole', () => {
    const url = `https://example.com/${'a'.repeat(90)}`;
    expect(wrap(`see ${url} now`, 20)).toEqual(['see', url, 'now']);
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(indented('one two three', 4, 12)).toEqual(['    one two three']);
  });

  it('lays out a table with cells wrapped inside their columns', () => {
    const lines = table(
      [
        { header: 'Client', width: 8 },
        { header: 'Scope', width: 10 },
        { header: 'From', width: 4 },
      ],
      [['Spring AI mcp-security', 'mcp:read mcp:write', 'PRM']],
    );
    expect(lines).toEqual([
      'Client    Scope       From',
      'Spring    mcp:read    PRM',
      'AI        mcp:write',
      'mcp-security',
    ]);
  });

  it('styles with escape sequences only on a terminal without NO_COLOR', () => {
    expect(styleFor({ write: () => true, isTTY: true }, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(styleFor({ write: () => true, isTTY: true }, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(styleFor({ write: () => true, isTTY: true }, { NO_COLOR: '' }).red('x')).not.toBe('x');
    expect(styleFor({ write: () => true }, {}).red('x')).toBe('x');
    expect(visibleText('\u001b[1mbold\u001b[22m')).toBe('bold');
  });
});
