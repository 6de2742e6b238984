import type { Finding } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { cutCharacters, cutTokens } from '../src/views/playground/output/bounded.ts';
import { findingsCountText } from '../src/views/playground/output/DecisionSummary.tsx';

describe('cutTokens', () => {
  it('leaves a short scope whole', () => {
    expect(cutTokens('files:read offline_access', 2)).toEqual({
      head: 'files:read offline_access',
      hidden: 0,
    });
  });

  it('keeps the first tokens exactly as written, and counts the rest', () => {
    const scope = Array.from({ length: 100 }, (_, index) => `s${index}`).join(' ');
    expect(cutTokens(scope, 3)).toEqual({ head: 's0 s1 s2 ', hidden: 97 });
    expect(cutTokens(`  a  b   c d${' e'.repeat(20)}`, 2)).toEqual({
      head: '  a  b   ',
      hidden: 22,
    });
  });
});

describe('cutCharacters', () => {
  it('cuts a long value and says how much is left out', () => {
    expect(cutCharacters('x'.repeat(10), 4)).toEqual({ head: 'xxxx', hidden: 6 });
    expect(cutCharacters('short', 10)).toEqual({ head: 'short', hidden: 0 });
  });
});

describe('findingsCountText', () => {
  const finding = (severity: Finding['severity']): Finding => ({
    id: 'x/y',
    severity,
    subject: 'server-url',
    message: 'M.',
  });

  it('says the most severe counts first, and no findings when there are none', () => {
    expect(findingsCountText([])).toBe('no findings');
    expect(findingsCountText([finding('info')])).toBe('1 note');
    expect(findingsCountText([finding('error'), finding('error'), finding('warning')])).toBe(
      '2 errors, 1 warning',
    );
    expect(findingsCountText([finding('warning'), finding('info')])).toBe('1 warning');
  });
});
