import { describe, expect, it } from 'vitest';
import {
  authServerMetadataUrls,
  decodeScenario,
  encodeScenario,
  evaluateScenario,
  type Evaluation,
  type ProfileId,
  type Scenario,
} from '../src/index.ts';
import { DEFAULT_PRESET, PRESETS, type Preset } from '../src/presets/index.ts';
import { CLIENT_PRESET_CLAIMS } from './client-preset-claims.ts';

function evaluate(scenario: Scenario, profile?: ProfileId): Evaluation {
  return evaluateScenario(profile ? { ...scenario, profile } : scenario);
}

function decisionOf(evaluation: Evaluation, profile: ProfileId) {
  const decision = evaluation.comparison.find((candidate) => candidate.profile === profile);
  if (!decision) throw new Error(`no decision for ${profile}`);
  return decision;
}

function findingIds(evaluation: Evaluation): string[] {
  return evaluation.findings.map((finding) => finding.id);
}

function withDocument(
  scenario: Scenario,
  key: 'resourceMetadata' | 'authServerMetadata' | 'clientMetadata',
  fields: Record<string, unknown>,
): Scenario {
  const document = { ...(scenario[key] as Record<string, unknown>), ...fields };
  for (const [name, value] of Object.entries(fields))
    if (value === undefined) delete document[name];
  return { ...scenario, [key]: document };
}

/** What each preset's explanation claims, checked against the decision. */
const CLAIMS: Record<string, (scenario: Scenario) => void> = {
  'challenge-scope-wins': (scenario) => {
    const { decision } = evaluate(scenario);
    expect(decision).toMatchObject({ source: 'challenge', scope: 'files:read' });
  },
  'prm-scopes-used': (scenario) => {
    expect(evaluate(scenario).decision).toMatchObject({
      source: 'resource-metadata',
      scope: 'files:read files:write',
    });
    const deleted = withDocument(scenario, 'resourceMetadata', { scopes_supported: undefined });
    expect(evaluate(deleted).decision.scope).toBeUndefined();
  },
  'nothing-to-select': (scenario) => {
    const evaluation = evaluate(scenario);
    expect(evaluation.decision).toMatchObject({ source: 'none', scope: undefined });
    expect(decisionOf(evaluation, 'typescript-sdk-2')).toMatchObject({
      source: 'client-metadata',
      scope: 'files:read',
    });
    expect(decisionOf(evaluation, 'python-sdk').source).toBe('authorization-server');
  },
  'empty-scopes-supported': (scenario) => {
    const evaluation = evaluate(scenario);
    expect(evaluation.decision.scope).toBeUndefined();
    for (const profile of ['typescript-sdk-2', 'typescript-sdk-1'] as const) {
      expect(decisionOf(evaluation, profile)).toMatchObject({
        source: 'client-metadata',
        scope: 'files:read',
      });
    }
  },
  'sep-2207-happy-path': (scenario) => {
    expect(evaluate(scenario).decision).toMatchObject({
      scope: 'files:read offline_access',
      offlineAccess: 'added',
    });
    const resourceAsked = JSON.stringify([scenario.wwwAuthenticate, scenario.resourceMetadata]);
    expect(resourceAsked).not.toContain('offline_access');
  },
  'as-lacks-offline-access': (scenario) => {
    expect(evaluate(scenario).decision).toMatchObject({
      scope: 'files:read',
      offlineAccess: 'not-added',
    });
  },
  'client-lacks-refresh-token': (scenario) => {
    const evaluation = evaluate(scenario);
    expect(evaluation.decision.offlineAccess).toBe('not-added');
    expect(findingIds(evaluation)).toContain('client/refresh-token-grant-missing');
    const ticked = withDocument(scenario, 'clientMetadata', {
      grant_types: ['authorization_code', 'refresh_token'],
    });
    expect(evaluate(ticked).decision).toMatchObject({
      scope: 'files:read offline_access',
      offlineAccess: 'added',
    });
  },
  'prm-advertises-offline-access': (scenario) => {
    const evaluation = evaluate(scenario);
    expect(findingIds(evaluation)).toContain('prm/offline-access-in-scopes-supported');
    expect(evaluation.decision).toMatchObject({
      scope: 'files:read offline_access',
      offlineAccess: 'already-present',
    });
  },
  'step-up-union': (scenario) => {
    expect(evaluate(scenario).decision).toMatchObject({
      source: 'step-up-union',
      scope: 'files:read files:write',
    });
    expect(evaluate(scenario, 'mcp-2025-11-25').decision).toMatchObject({
      source: 'challenge',
      scope: 'files:write',
    });
  },
  'as-without-pkce': (scenario) => {
    const evaluation = evaluate(scenario);
    expect(findingIds(evaluation)).toContain('as/pkce-not-advertised');
    expect(evaluation.authorizationRequest.ok).toBe(false);
    expect(evaluate(scenario, 'typescript-sdk-2').authorizationRequest.ok).toBe(true);
  },
  'oidc-path-issuer': (scenario) => {
    const issuer = (scenario.authServerMetadata as { issuer: string }).issuer;
    expect(authServerMetadataUrls(issuer)).toHaveLength(3);
    const evaluation = evaluate(scenario);
    expect(evaluation.decision).toMatchObject({
      scope: 'files:read offline_access',
      offlineAccess: 'added',
    });
    expect(decisionOf(evaluation, 'typescript-sdk-2').promptConsent).toBe(true);
  },
  'cimd-client': (scenario) => {
    const evaluation = evaluate(scenario);
    expect(findingIds(evaluation).filter((id) => id.startsWith('cimd/'))).toEqual([]);
    expect(evaluation.authorizationRequest.ok).toBe(true);
    const plainName = withDocument(scenario, 'clientMetadata', { client_id: 'my-client' });
    expect(findingIds(evaluate(plainName))).toContain('cimd/client-id-not-https-url');
  },
  ...CLIENT_PRESET_CLAIMS,
};

describe('PRESETS', () => {
  it('offers at least eleven scenarios with distinct ids and titles', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(11);
    expect(new Set(PRESETS.map((preset) => preset.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((preset) => preset.title)).size).toBe(PRESETS.length);
    expect(PRESETS).toContain(DEFAULT_PRESET);
  });

  it('explains each preset in exactly two sentences', () => {
    for (const preset of PRESETS) {
      const sentences = preset.explanation.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences, preset.id).toHaveLength(2);
      expect(preset.explanation, preset.id).toMatch(/[.!?]$/);
    }
  });

  it('travels through a permalink unchanged', async () => {
    for (const preset of PRESETS) {
      const decoded = await decodeScenario(await encodeScenario(preset.scenario));
      expect(decoded, preset.id).toMatchObject({ ok: true, scenario: preset.scenario });
    }
  });

  it('has a check of its explanation for every preset', () => {
    expect(Object.keys(CLAIMS).sort()).toEqual(PRESETS.map((preset) => preset.id).sort());
  });

  it.each(PRESETS.map((preset): [string, Preset] => [preset.id, preset]))(
    '%s shows what its explanation claims',
    (id, preset) => {
      const claim = CLAIMS[id];
      expect(claim).toBeDefined();
      claim?.(preset.scenario);
    },
  );
});
