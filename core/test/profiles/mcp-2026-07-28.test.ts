import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { AS, AS_OFFLINE, NOT_REFRESHING, path, PRM, REFRESHING } from './fixtures.ts';

describe('profile mcp-2026-07-28', () => {
  it('is the default profile', () => {
    const input = { challengeScope: 'a', resourceMetadata: PRM(['b']) };
    expect(determineScope(input)).toEqual(determineScope(input, 'mcp-2026-07-28'));
  });

  it('traces the tiers it tried, in order', () => {
    const decision = determineScope({ challengeScope: '', resourceMetadata: PRM([]) });
    expect(path(decision)).toEqual([
      'challenge-scope:skipped',
      'resource-scopes:skipped',
      'omit:applied',
      'offline-access:not-applied',
      'prompt-consent:not-applied',
    ]);
    expect(decision.steps[0]?.detail).toMatch(/counts as not provided/);
    expect(decision.steps[1]?.detail).toMatch(/empty list/);
  });

  it('says which offline_access conditions failed', () => {
    const decision = determineScope({
      challengeScope: 'a',
      authServerMetadata: AS(['a']),
      clientMetadata: NOT_REFRESHING,
    });
    const step = decision.steps.find((candidate) => candidate.rule === 'offline-access');
    expect(step?.detail).toMatch(/does not list offline_access/);
    expect(step?.detail).toMatch(/do not include refresh_token/);
  });

  it('mentions the OIDC prompt=consent advice without adding it', () => {
    const decision = determineScope({
      challengeScope: 'a',
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    });
    const step = decision.steps.find((candidate) => candidate.rule === 'prompt-consent');
    expect(decision.promptConsent).toBe(false);
    expect(step?.outcome).toBe('not-applied');
    expect(step?.cite.url).toContain('openid');
    expect(step?.detail).toMatch(/OpenID Connect Core §11/);
  });

  it('has no deviation steps: it is the reference', () => {
    const decision = determineScope({ challengeScope: '', resourceMetadata: PRM([]) });
    expect(decision.steps.every((step) => step.deviation === undefined)).toBe(true);
  });
});
