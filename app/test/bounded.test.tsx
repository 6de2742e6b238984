import type { Finding } from '@mcp-auth-playground/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ScopeListControl } from '../src/views/playground/inputs/quick/ScopeListControl.tsx';
import { cutCharacters, cutTokens } from '../src/shared/bounded.ts';
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

describe('a long scope list', () => {
  it('shows its first chips and a count, and all of them on request', async () => {
    const user = userEvent.setup();
    const scopes = Array.from({ length: 100 }, (_, index) => `s${index}`);
    render(
      <ScopeListControl
        name="PRM scopes_supported"
        value={scopes}
        disabled={false}
        onAdd={() => {}}
        onRemove={() => {}}
        onRemoveField={() => {}}
      />,
    );
    const chips = () =>
      within(screen.getByRole('list', { name: 'PRM scopes_supported values' })).getAllByRole(
        'listitem',
      );
    expect(chips()).toHaveLength(40);
    expect(screen.getByText(/^40 of 100 shown\./)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Show all 100' }));
    expect(chips()).toHaveLength(100);
    await user.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(chips()).toHaveLength(40);
  });
});
