import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePaths,
  decisionPath,
  determineScope,
  evaluateScenario,
  findProfile,
  PRESETS,
  PROFILES,
  type DecisionStep,
  type Profile,
  type ProfileId,
  type ScopeInput,
} from '../../src/index.ts';
import { AS, AS_OFFLINE, PRM, REFRESHING } from '../profiles/fixtures.ts';

function profile(id: ProfileId): Profile {
  const found = findProfile(id);
  if (!found) throw new Error(`no profile ${id}`);
  return found;
}

function pathOf(id: ProfileId, input: ScopeInput) {
  return decisionPath(profile(id).rule, determineScope(input, id));
}

const statuses = (nodes: { node: { rule: string }; status: string }[]) =>
  Object.fromEntries(nodes.map(({ node, status }) => [node.rule, status]));

describe('decisionPath', () => {
  it('lights the challenge tier and leaves the later tiers unreached', () => {
    const path = pathOf('mcp-2026-07-28', {
      challengeScope: 'files:read',
      resourceMetadata: PRM(['files:read', 'files:write']),
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    });
    expect(statuses(path.nodes)).toEqual({
      'step-up': 'not-reached',
      'challenge-scope': 'used',
      'resource-scopes': 'not-reached',
      omit: 'not-reached',
      'offline-access': 'applied',
      'prompt-consent': 'not-applied',
    });
    expect(path.visits).toEqual(['challenge-scope', 'offline-access', 'prompt-consent']);
  });

  it('falls through every tier to the omission when nothing names a scope', () => {
    const path = pathOf('mcp-2026-07-28', { resourceMetadata: PRM() });
    expect(path.visits).toEqual([
      'challenge-scope',
      'resource-scopes',
      'omit',
      'offline-access',
      'prompt-consent',
    ]);
    expect(path.nodes.find((node) => node.node.rule === 'omit')).toMatchObject({
      status: 'applied',
      step: 2,
    });
  });

  it('keeps the order a client visits its rule in, even against the drawn order', () => {
    const path = pathOf('csharp-sdk', {
      challengeError: 'insufficient_scope',
      previousScope: 'a',
      challengeScope: 'b',
    });
    const drawn = path.nodes.map((node) => node.node.rule);
    const positions = path.visits.map((rule) => drawn.indexOf(rule));
    expect(
      positions.some((position, index) => index > 0 && position < (positions[index - 1] ?? 0)),
    ).toBe(true);
  });

  it('ignores a step that names no node of the rule instead of drawing an edge to nowhere', () => {
    const rule = profile('mcp-2026-07-28').rule;
    const decision = determineScope({}, 'mcp-2026-07-28');
    const stray: DecisionStep = { ...decision.steps[0]!, rule: 'not-a-node' };
    const path = decisionPath(rule, { ...decision, steps: [stray, ...decision.steps] });
    expect(path.visits).not.toContain('not-a-node');
    expect(path.nodes.map((node) => node.node.rule)).toEqual(rule.map((node) => node.rule));
  });

  it('takes exactly the steps of the decision, for every preset and every profile', () => {
    for (const preset of PRESETS) {
      const evaluation = evaluateScenario(preset.scenario);
      for (const decision of evaluation.comparison) {
        const { rule } = profile(decision.profile);
        const path = decisionPath(rule, decision);
        const label = `${preset.id} / ${decision.profile}`;
        expect(path.visits, label).toEqual(decision.steps.map((step) => step.rule));
        const taken = path.nodes.filter((node) => node.status !== 'not-reached');
        expect(new Set(taken.map((node) => node.node.rule)), label).toEqual(
          new Set(decision.steps.map((step) => step.rule)),
        );
        for (const node of taken) {
          expect(decision.steps[node.step ?? -1]?.rule, label).toBe(node.node.rule);
          expect(decision.steps[node.step ?? -1]?.outcome, label).toBe(node.status);
        }
      }
    }
  });

  it('draws each node of every profile once, in the profile’s order', () => {
    for (const { id, rule } of PROFILES) {
      const ids = decisionPath(rule, determineScope({}, id)).nodes.map((node) => node.node.rule);
      expect(ids, id).toEqual(rule.map((node) => node.rule));
      expect(new Set(ids).size, id).toBe(ids.length);
    }
  });
});

describe('comparePaths', () => {
  const noPrmScopes: ScopeInput = {
    resourceMetadata: PRM(),
    authServerMetadata: AS(['openid', 'mcp:read', 'mcp:admin']),
  };

  function compare(primary: ProfileId, other: ProfileId, input: ScopeInput) {
    return comparePaths(
      { rule: profile(primary).rule, decision: determineScope(input, primary) },
      { rule: profile(other).rule, decision: determineScope(input, other) },
    );
  }

  it('shows where VS Code leaves the spec: every AS scope instead of no scope', () => {
    const comparison = compare('mcp-2026-07-28', 'vscode', noPrmScopes);
    expect(comparison.nodes.map((node) => [node.node.rule, node.origin])).toEqual([
      ['step-up', 'both'],
      ['challenge-scope', 'both'],
      ['resource-scopes', 'both'],
      ['auth-server-scopes', 'other'],
      ['client-scope', 'other'],
      ['omit', 'both'],
      ['offline-access', 'both'],
      ['prompt-consent', 'both'],
    ]);
    const differing = comparison.nodes.filter((node) => node.differs);
    expect(differing.map((node) => [node.node.rule, node.primary, node.other])).toEqual([
      ['auth-server-scopes', 'not-reached', 'used'],
      ['omit', 'applied', 'not-reached'],
    ]);
    expect(comparison.partsAt).toBe('omit');
    expect(comparison.nodes[2]?.otherNode?.label).toBe(
      profile('vscode').rule.find((node) => node.rule === 'resource-scopes')?.label,
    );
  });

  it('marks nothing when a profile is compared with itself', () => {
    const comparison = compare('python-sdk', 'python-sdk', noPrmScopes);
    expect(comparison.nodes.every((node) => node.origin === 'both' && !node.differs)).toBe(true);
    expect(comparison.partsAt).toBeUndefined();
    expect(comparison.primaryVisits).toEqual(comparison.otherVisits);
  });

  it('does not call a different visiting order a parting: Go omits after offline_access', () => {
    const input: ScopeInput = { resourceMetadata: PRM(), authServerMetadata: AS() };
    const comparison = compare('go-sdk', 'mcp-2026-07-28', input);
    expect(comparison.primaryVisits).not.toEqual(comparison.otherVisits);
    expect(comparison.nodes.filter((node) => node.differs)).toEqual([]);
    expect(comparison.partsAt).toBeUndefined();
  });

  it('places a node only the other rule has after its predecessor there, or first', () => {
    const comparison = compare('fastmcp', 'mcp-2026-07-28', {});
    const ids = comparison.nodes.map((node) => node.node.rule);
    expect(ids.slice(0, 2)).toEqual(['client-scope', 'refresh-grant']);
    expect(ids).toEqual(profile('fastmcp').rule.map((node) => node.rule));
    const reverse = compare('mcp-2026-07-28', 'fastmcp', {});
    expect(reverse.nodes.slice(0, 2).map((node) => [node.node.rule, node.origin])).toEqual([
      ['client-scope', 'other'],
      ['refresh-grant', 'other'],
    ]);
  });

  it('for any pair of profiles and preset: each node once, the primary’s order kept, differences symmetric', () => {
    const ids = PROFILES.map((entry) => entry.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        fc.constantFrom(...PRESETS),
        (primary, other, preset) => {
          const input = evaluateScenario(preset.scenario).input;
          const forward = compare(primary, other, input);
          const backward = compare(other, primary, input);
          const drawn = forward.nodes.map((node) => node.node.rule);
          expect(new Set(drawn).size).toBe(drawn.length);
          expect(new Set(drawn)).toEqual(
            new Set([...profile(primary).rule, ...profile(other).rule].map((node) => node.rule)),
          );
          expect(
            drawn.filter(
              (id) => forward.nodes.find((node) => node.node.rule === id)?.origin !== 'other',
            ),
          ).toEqual(profile(primary).rule.map((node) => node.rule));
          const differing = (nodes: typeof forward.nodes) =>
            new Set(nodes.filter((node) => node.differs).map((node) => node.node.rule));
          expect(differing(forward.nodes)).toEqual(differing(backward.nodes));
          expect(forward.partsAt === undefined).toBe(differing(forward.nodes).size === 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
