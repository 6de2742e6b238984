import { describe, expect, it } from 'vitest';
import { CITES } from '../../src/cite.ts';
import { describeRotation, explainMissingRefreshToken } from '../../src/flow/refresh.ts';
import type { ScopeDecision } from '../../src/types.ts';

function decision(
  scope: string | undefined,
  promptConsent: boolean,
  detail?: string,
): ScopeDecision {
  return {
    profile: 'mcp-2026-07-28',
    scope,
    source: 'challenge',
    offlineAccess: scope?.includes('offline_access') ? 'added' : 'not-added',
    promptConsent,
    steps: detail
      ? [{ rule: 'offline-access', outcome: 'not-applied', detail, cite: CITES.refreshTokens }]
      : [],
  };
}

describe('explainMissingRefreshToken', () => {
  it('says the client did not ask, with the decision’s own reason', () => {
    const why = explainMissingRefreshToken({
      decision: decision(
        'mcp:read',
        false,
        'The AS does not list offline_access in scopes_supported.',
      ),
    });
    expect(why.message).toBe(
      'No refresh token: the client did not ask for offline_access. The AS does not list offline_access in scopes_supported.',
    );
    expect(why.cite).toBe(CITES.refreshTokens);
  });

  it('points at prompt=consent when offline_access was asked without it and not granted', () => {
    const why = explainMissingRefreshToken({
      decision: decision('mcp:read offline_access', false),
      grantedScope: 'mcp:read',
    });
    expect(why.message).toMatch(/prompt=consent/);
    expect(why.cite).toBe(CITES.oidcOfflineAccess);
  });

  it('leaves the choice to the server when the scope was granted', () => {
    const granted = explainMissingRefreshToken({
      decision: decision('mcp:read offline_access', true),
      grantedScope: 'offline_access mcp:read',
    });
    expect(granted.message).toMatch(/chose not to issue one/);
    const refused = explainMissingRefreshToken({
      decision: decision('mcp:read offline_access', true),
      grantedScope: 'mcp:read',
    });
    expect(refused.message).toMatch(/did not grant it/);
  });
});

describe('describeRotation', () => {
  it('tells a rotated token from a kept one, shortened', () => {
    const old = 'old-refresh-token-0123456789';
    expect(describeRotation(old, 'new-refresh-token-9876543210')).toEqual({
      rotated: true,
      kept: false,
      old: 'old-re…6789',
      new: 'new-re…3210',
    });
    expect(describeRotation(old, undefined)).toMatchObject({ rotated: false, kept: true });
    expect(describeRotation(old, old)).toMatchObject({ rotated: false, kept: false });
  });
});
