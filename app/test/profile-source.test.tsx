import { compareProfiles, PROFILES } from '@mcp-auth-playground/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ComparisonTable } from '../src/views/playground/output/ComparisonTable.tsx';

const comparison = compareProfiles({ challengeScope: 'files:read' });

function row(id: string): HTMLElement {
  const found = screen
    .getAllByTestId('profile-row')
    .find((candidate) => candidate.dataset.profile === id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

describe('the source of each profile in the comparison table', () => {
  it.each(PROFILES.map((profile) => [profile.id, profile] as const))(
    '%s names its source, version and confidence when opened',
    async (id, profile) => {
      render(<ComparisonTable comparison={comparison} selected="mcp-2026-07-28" />);
      await userEvent.click(
        within(row(id)).getByRole('button', { name: (name) => name.includes(profile.title) }),
      );
      const source = screen.getByTestId('profile-source');
      const link = within(source).getByRole('link', { name: profile.source.name });
      expect(link).toHaveAttribute('href', profile.source.url);
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(source).toHaveTextContent(profile.source.version);
      expect(within(source).getByTestId('profile-confidence')).toHaveTextContent(
        profile.source.confidence === 'inferred' ? 'Inferred' : 'Verified from source',
      );
    },
  );

  it('tags inferred profiles in their row before they are opened', () => {
    render(<ComparisonTable comparison={comparison} selected="mcp-2026-07-28" />);
    for (const profile of PROFILES) {
      const tag = within(row(profile.id)).queryByText('inferred');
      if (profile.source.confidence === 'inferred') expect(tag).toBeVisible();
      else expect(tag).toBeNull();
    }
  });
});
