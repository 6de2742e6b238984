import { describe, expect, it } from 'vitest';
import { determineScope, type ProfileId, type ScopeInput } from '../../src/index.ts';
import { AS_OFFLINE, PRM, REFRESHING } from '../profiles/fixtures.ts';

const STEP_UP = { challengeError: 'insufficient_scope' } as const;

/**
 * 403 insufficient_scope: 2026-07-28, TypeScript SDK 2.x and Python take the union (previous
 * first, new tokens appended, no repeats); 2025-11-25 and TypeScript SDK 1.x replace the scope.
 * Each row: input, then the scope and source per profile.
 */
const VECTORS: [string, ScopeInput, Partial<Record<ProfileId, [string | undefined, string]>>][] = [
  [
    'a new scope is added to the previous one, or replaces it',
    {
      ...STEP_UP,
      previousScope: 'files:read',
      challengeScope: 'files:write',
      resourceMetadata: PRM(['files:read']),
    },
    {
      'mcp-2026-07-28': ['files:read files:write', 'step-up-union'],
      'mcp-2025-11-25': ['files:write', 'challenge'],
      'typescript-sdk-2': ['files:read files:write', 'step-up-union'],
      'typescript-sdk-1': ['files:write', 'challenge'],
      'python-sdk': ['files:read files:write', 'step-up-union'],
    },
  ],
  [
    'overlapping scopes are sent once, previous tokens first',
    { ...STEP_UP, previousScope: 'a b', challengeScope: 'b c' },
    {
      'mcp-2026-07-28': ['a b c', 'step-up-union'],
      'mcp-2025-11-25': ['b c', 'challenge'],
      'typescript-sdk-2': ['a b c', 'step-up-union'],
      'typescript-sdk-1': ['b c', 'challenge'],
      'python-sdk': ['a b c', 'step-up-union'],
    },
  ],
  [
    'a challenge without scope: keep the previous scope, or select again',
    { ...STEP_UP, previousScope: 'a', resourceMetadata: PRM(['p']) },
    {
      'mcp-2026-07-28': ['a', 'step-up-union'],
      'mcp-2025-11-25': ['p', 'resource-metadata'],
      'typescript-sdk-2': ['a', 'step-up-union'],
      'typescript-sdk-1': ['a', 'step-up-union'],
      // Python selects from the challenge first (PRM scopes here), then unions.
      'python-sdk': ['a p', 'step-up-union'],
    },
  ],
  [
    'no previous scope: the challenge alone',
    { ...STEP_UP, challengeScope: 'x', resourceMetadata: PRM(['p']) },
    {
      'mcp-2026-07-28': ['x', 'step-up-union'],
      'mcp-2025-11-25': ['x', 'challenge'],
      'typescript-sdk-2': ['x', 'step-up-union'],
      'typescript-sdk-1': ['x', 'challenge'],
      'python-sdk': ['x', 'challenge'],
    },
  ],
  [
    'offline_access granted before is kept by a union and dropped by a replace',
    {
      ...STEP_UP,
      previousScope: 'a offline_access',
      challengeScope: 'b',
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    {
      'mcp-2026-07-28': ['a offline_access b', 'step-up-union'],
      'mcp-2025-11-25': ['b', 'challenge'],
      'typescript-sdk-2': ['a offline_access b', 'step-up-union'],
      'typescript-sdk-1': ['b', 'challenge'],
      'python-sdk': ['a offline_access b', 'step-up-union'],
    },
  ],
  [
    'nothing before and nothing challenged: the ordinary selection decides',
    { ...STEP_UP, resourceMetadata: PRM(['p']) },
    {
      'mcp-2026-07-28': ['p', 'resource-metadata'],
      'mcp-2025-11-25': ['p', 'resource-metadata'],
      'typescript-sdk-2': ['p', 'resource-metadata'],
      'typescript-sdk-1': ['p', 'resource-metadata'],
      'python-sdk': ['p', 'resource-metadata'],
    },
  ],
  [
    "Python's union returns the previous scope untouched when the new selection is empty",
    { ...STEP_UP, previousScope: ' a  b', challengeScope: '' },
    {
      'mcp-2026-07-28': ['a b', 'step-up-union'],
      'mcp-2025-11-25': [undefined, 'none'],
      'typescript-sdk-2': ['a b', 'step-up-union'],
      'typescript-sdk-1': [' a  b', 'step-up-union'],
      'python-sdk': [' a  b', 'step-up-union'],
    },
  ],
];

describe('step-up (403 insufficient_scope)', () => {
  for (const [name, input, want] of VECTORS) {
    it.each(Object.entries(want))(`${name}: %s`, (profile, [scope, source]) => {
      const decision = determineScope(input, profile as ProfileId);
      expect([decision.scope, decision.source]).toEqual([scope, source]);
    });
  }

  it('traces the union with both inputs named', () => {
    const decision = determineScope({ ...STEP_UP, previousScope: 'a', challengeScope: 'b' });
    expect(decision.steps[0]).toMatchObject({ rule: 'step-up', outcome: 'applied' });
    expect(decision.steps[0]?.detail).toContain('"a"');
    expect(decision.steps[0]?.detail).toContain('"a b"');
  });

  it('ignores the previous scope on an initial 401 for the spec', () => {
    const decision = determineScope({ previousScope: 'a', challengeScope: 'b' });
    expect(decision.scope).toBe('b');
    expect(decision.steps[0]).toMatchObject({ rule: 'step-up', outcome: 'not-applied' });
  });

  it("reports TypeScript SDK 1.x's replace as a deviation from the 2026-07-28 union", () => {
    const decision = determineScope(VECTORS[0]![1], 'typescript-sdk-1');
    expect(decision.steps[0]?.deviation).toMatch(/union/);
  });
});
