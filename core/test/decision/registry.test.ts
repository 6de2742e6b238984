import { describe, expect, it } from 'vitest';
import {
  compareProfiles,
  DEFAULT_PROFILE,
  determineScope,
  findProfile,
  PROFILE_IDS,
  PROFILES,
  type ProfileId,
} from '../../src/index.ts';

describe('the profile registry', () => {
  it('starts with the five profiles of the decision engine, in order', () => {
    expect(PROFILE_IDS.slice(0, 5)).toEqual([
      'mcp-2026-07-28',
      'mcp-2025-11-25',
      'typescript-sdk-2',
      'typescript-sdk-1',
      'python-sdk',
    ]);
    expect(DEFAULT_PROFILE).toBe('mcp-2026-07-28');
  });

  it.each(PROFILES.map((profile) => [profile.id, profile] as const))(
    '%s describes itself and its source',
    (_id, profile) => {
      expect(profile.title).not.toBe('');
      expect(profile.summary).not.toBe('');
      expect(['spec', 'sdk', 'application']).toContain(profile.group);
      expect(profile.source.url).toMatch(/^https:\/\//);
      expect(profile.source.version).not.toBe('');
      const ids = profile.rule.map((node) => node.rule);
      expect(new Set(ids).size).toBe(ids.length);
      for (const node of profile.rule) expect(node.cite.url).toMatch(/^https:\/\//);
    },
  );

  it('has unique ids, and finds each profile by its id', () => {
    expect(new Set(PROFILE_IDS).size).toBe(PROFILES.length);
    for (const profile of PROFILES) expect(findProfile(profile.id)).toBe(profile);
    expect(findProfile('unknown')).toBeUndefined();
  });

  it('decides with the 2026-07-28 spec for an id it does not know', () => {
    const input = { challengeScope: 'a' };
    expect(determineScope(input, 'unknown' as ProfileId)).toEqual(determineScope(input));
  });

  it('compares every profile in registry order', () => {
    const decisions = compareProfiles({ challengeScope: 'a' });
    expect(decisions.map((decision) => decision.profile)).toEqual(PROFILE_IDS);
  });

  it('gives each step the citation of its rule node', () => {
    for (const decision of compareProfiles({ challengeScope: '', resourceMetadata: {} })) {
      const profile = findProfile(decision.profile);
      for (const step of decision.steps) {
        expect(profile?.rule.find((node) => node.rule === step.rule)?.cite).toEqual(step.cite);
      }
    }
  });

  it('treats values of the wrong type from JavaScript callers as absent', () => {
    const input = { challengeScope: 42, previousScope: null } as unknown as Parameters<
      typeof determineScope
    >[0];
    expect(determineScope(input).source).toBe('none');
    expect(() =>
      compareProfiles(null as unknown as Parameters<typeof compareProfiles>[0]),
    ).not.toThrow();
  });
});
