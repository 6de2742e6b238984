import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/profiles/index.ts';
import { hasScopeToken, promptConsentPolicy } from '../../src/protocol/prompt-consent.ts';

const SPEC = PROFILES.filter((profile) => profile.group === 'spec').map((profile) => profile.id);
const OTHERS = PROFILES.filter((profile) => profile.group !== 'spec').map((profile) => profile.id);

describe('promptConsentPolicy', () => {
  it('has spec profiles ask for consent exactly when offline_access is a scope token', () => {
    expect(SPEC.length).toBeGreaterThan(0);
    for (const profile of SPEC) {
      const added = promptConsentPolicy(profile, {
        scope: 'a offline_access',
        promptConsent: false,
      });
      expect(added.send).toBe(true);
      expect(added.added?.cite.url).toContain('openid');
      expect(
        promptConsentPolicy(profile, { scope: 'a offline_accessible', promptConsent: false }),
      ).toEqual({ send: false });
      expect(promptConsentPolicy(profile, { promptConsent: false })).toEqual({ send: false });
      expect(promptConsentPolicy(profile, { scope: 'a', promptConsent: true })).toEqual({
        send: true,
      });
    }
  });

  it('leaves an SDK or application profile to its own decision', () => {
    for (const profile of OTHERS) {
      expect(
        promptConsentPolicy(profile, { scope: 'offline_access', promptConsent: false }),
      ).toEqual({ send: false });
      expect(promptConsentPolicy(profile, { scope: 'a', promptConsent: true })).toEqual({
        send: true,
      });
    }
  });

  it('without a profile, keeps the caller’s choice, else follows offline_access', () => {
    expect(
      promptConsentPolicy(undefined, { scope: 'offline_access', promptConsent: false }),
    ).toEqual({ send: false });
    expect(promptConsentPolicy(undefined, { scope: 'x offline_access' })).toEqual({ send: true });
    expect(promptConsentPolicy(undefined, { scope: '' })).toEqual({ send: false });
  });
});

describe('hasScopeToken', () => {
  it('finds whole tokens separated by any whitespace only', () => {
    expect(hasScopeToken('a\toffline_access', 'offline_access')).toBe(true);
    expect(hasScopeToken('offline_access', 'offline_access')).toBe(true);
    expect(hasScopeToken('xoffline_access offline_accessx', 'offline_access')).toBe(false);
    expect(hasScopeToken(undefined, 'offline_access')).toBe(false);
  });
});
