import { expect } from 'vitest';
import { evaluateScenario, type ProfileId, type Scenario } from '../src/index.ts';

function decisionOf(scenario: Scenario, profile: ProfileId) {
  const decision = evaluateScenario(scenario).comparison.find(
    (candidate) => candidate.profile === profile,
  );
  if (!decision) throw new Error(`no decision for ${profile}`);
  return decision;
}

const spec = (scenario: Scenario) => decisionOf(scenario, 'mcp-2026-07-28');

const findingIds = (scenario: Scenario) =>
  evaluateScenario(scenario).findings.map((finding) => finding.id);

const tokens = (scope: string | undefined) => (scope ?? '').split(' ').filter(Boolean);

/**
 * What each client preset's explanation claims, checked against the decisions. Merged into the
 * CLAIMS of core/test/presets.test.ts, which requires a claim for every preset.
 */
export const CLIENT_PRESET_CLAIMS: Record<string, (scenario: Scenario) => void> = {
  'vscode-every-as-scope': (scenario) => {
    expect(evaluateScenario(scenario).decision).toMatchObject({
      profile: 'vscode',
      source: 'authorization-server',
      scope: 'openid files:read files:write admin',
    });
    expect(spec(scenario).scope).toBeUndefined();
    expect(findingIds(scenario)).toContain('prm/clients-request-every-as-scope');
  },
  'rust-sdk-union': (scenario) => {
    expect(evaluateScenario(scenario).decision).toMatchObject({
      profile: 'rust-sdk',
      scope: 'files:read files:write admin offline_access',
      offlineAccess: 'added',
    });
    expect(spec(scenario).scope).toBe('files:read offline_access');
  },
  'go-sdk-unordered-union': (scenario) => {
    const decision = evaluateScenario(scenario).decision;
    expect(decision.profile).toBe('go-sdk');
    expect(tokens(decision.scope).sort()).toEqual(['files:read', 'files:write']);
    expect(decision.steps.some((step) => step.rule === 'unordered-set')).toBe(true);
    expect(spec(scenario).scope).toBe('files:write');
  },
  'csharp-offline-access-alone': (scenario) => {
    expect(evaluateScenario(scenario).decision).toMatchObject({
      profile: 'csharp-sdk',
      scope: 'offline_access',
      offlineAccess: 'added',
    });
    expect(spec(scenario).scope).toBeUndefined();
    expect(findingIds(scenario)).toContain('as/offline-access-alone');
  },
  'spring-registered-scope': (scenario) => {
    expect(evaluateScenario(scenario).decision).toMatchObject({
      profile: 'spring-ai-mcp-security',
      scope: 'files:read',
      offlineAccess: 'not-added',
    });
    expect(spec(scenario).scope).toBe('files:write offline_access');
  },
  'fastmcp-scopes-overwritten': (scenario) => {
    expect(evaluateScenario(scenario).decision).toMatchObject({
      profile: 'fastmcp',
      scope: 'files:read offline_access',
      promptConsent: true,
    });
    expect(decisionOf(scenario, 'python-sdk').scope).toBe('files:read');
  },
  'mcp-remote-openid-fallback': (scenario) => {
    expect(evaluateScenario(scenario).decision).toMatchObject({
      profile: 'mcp-remote',
      scope: 'openid email profile',
    });
    expect(spec(scenario).scope).toBeUndefined();
  },
  'codex-ignores-challenge': (scenario) => {
    expect(evaluateScenario(scenario).decision).toMatchObject({
      profile: 'codex',
      source: 'authorization-server',
      scope: 'files:read files:write admin',
    });
    expect(spec(scenario).scope).toBe('files:read');
  },
};
