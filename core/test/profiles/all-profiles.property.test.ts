import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareProfiles,
  determineScope,
  PROFILES,
  type ScopeDecision,
  type ScopeInput,
} from '../../src/index.ts';
import { joinedPartsOf, scopeHasOnlyToken } from '../../src/decision/joined-scope.ts';
import { hasOnlyToken, joinWithSpaces } from '../../src/text/scope-fast.ts';

const SCOPE_WORDS = ['', ' ', '  ', 'a', 'b', 'A', 'mcp:read', 'offline_access', 'openid', '\t'];

/** Scope strings built from words that exercise every tier's empty-value rule. */
const scopeString = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...SCOPE_WORDS), { maxLength: 5 }).map((words) => words.join(' ')),
);

/** A `scopes_supported` as served: a list of scopes, an empty list, or a value of the wrong type. */
const scopesSupported = fc.oneof(
  fc.array(fc.constantFrom(...SCOPE_WORDS), { maxLength: 5 }),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.anything(),
);

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Documents of any shape, with the fields the decisions read present often enough to matter. */
const document = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    fc.record(fields, { requiredKeys: [] }),
    fc.anything(),
    fc.constant(undefined),
    fc.constant(JSON.parse('{"__proto__": {"scopes_supported": ["x"]}}') as unknown),
  );

const input: fc.Arbitrary<ScopeInput> = fc.record(
  {
    challengeScope: maybe(scopeString),
    challengeError: maybe(fc.constantFrom('insufficient_scope', 'invalid_token', '')),
    previousScope: maybe(scopeString),
    resourceMetadata: document({ scopes_supported: scopesSupported }),
    authServerMetadata: document({
      scopes_supported: scopesSupported,
      authorization_endpoint: fc.constant('https://auth.example.com/authorize'),
    }),
    clientMetadata: document({
      scope: fc.oneof(scopeString, fc.anything()),
      grant_types: fc.oneof(
        fc.constantFrom(['authorization_code'], ['authorization_code', 'refresh_token'], []),
        fc.anything(),
      ),
    }),
  },
  { requiredKeys: [] },
);

const tokens = (scope: string | undefined) =>
  scope === undefined ? [] : scope.split(/\s+/).filter((token) => token !== '');

function checkDecision(decision: ScopeDecision): void {
  const profile = PROFILES.find((candidate) => candidate.id === decision.profile);
  expect(profile).toBeDefined();
  const ruleIds = new Set(profile?.rule.map((node) => node.rule));
  expect(decision.scope === undefined || typeof decision.scope === 'string').toBe(true);
  expect(decision.source === 'none').toBe(decision.scope === undefined);
  expect(typeof decision.promptConsent).toBe('boolean');
  expect(decision.steps.length).toBeGreaterThan(0);
  for (const step of decision.steps) {
    expect(ruleIds.has(step.rule)).toBe(true);
    expect(step.detail.length).toBeGreaterThan(0);
    expect(step.cite.url).toMatch(/^https:\/\//);
    if (step.deviation !== undefined) expect(step.deviation.length).toBeGreaterThan(0);
  }
  if (decision.offlineAccess !== 'not-added') {
    expect(tokens(decision.scope)).toContain('offline_access');
  }
}

describe('every profile is total', () => {
  it('decides any input without throwing, within its own rule and citations', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...PROFILES.map((profile) => profile.id)), (raw, id) => {
        const decision = determineScope(raw, id);
        expect(decision.profile).toBe(id);
        checkDecision(decision);
      }),
      { numRuns: 800 },
    );
  });

  it('is deterministic and compareProfiles agrees with determineScope, in PROFILES order', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const all = compareProfiles(raw);
        expect(all.map((decision) => decision.profile)).toEqual(
          PROFILES.map((profile) => profile.id),
        );
        for (const decision of all) {
          expect(determineScope(raw, decision.profile)).toEqual(decision);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('records the parts of a joined scope exactly, so the lint may read them instead', () => {
    let recorded = 0;
    fc.assert(
      fc.property(input, (raw) => {
        for (const decision of compareProfiles(raw)) {
          const parts = joinedPartsOf(decision);
          if (parts === undefined) continue;
          recorded++;
          const joined = joinWithSpaces(parts.entries);
          expect(decision.scope).toBe(
            parts.appended === undefined ? joined : `${joined} ${parts.appended}`,
          );
          expect(scopeHasOnlyToken(decision, 'offline_access')).toBe(
            hasOnlyToken(decision.scope, 'offline_access'),
          );
        }
      }),
      { numRuns: 300 },
    );
    expect(recorded).toBeGreaterThan(0);
  });

  it('survives inputs that are not objects at all', () => {
    for (const raw of [null, undefined, 42, 'scope', [], { challengeScope: 7 }]) {
      for (const decision of compareProfiles(raw as unknown as ScopeInput)) checkDecision(decision);
    }
  });
});

describe('every profile records the source it models', () => {
  it.each(PROFILES.map((profile) => [profile.id, profile] as const))('%s', (_id, profile) => {
    expect(profile.title.length).toBeGreaterThan(0);
    expect(profile.summary.length).toBeGreaterThan(0);
    expect(['spec', 'sdk', 'application']).toContain(profile.group);
    expect(profile.source.url).toMatch(/^https:\/\//);
    expect(profile.source.version.length).toBeGreaterThan(0);
    expect(profile.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['verified-from-source', 'inferred']).toContain(profile.source.confidence);
    if (profile.group !== 'spec') expect(profile.source.file).toBeTruthy();
  });

  it('lists the spec first, then the SDKs, then the applications', () => {
    const order = { spec: 0, sdk: 1, application: 2 } as const;
    const groups = PROFILES.map((profile) => order[profile.group]);
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });

  it('says how each client profile reads the configured scope and the refresh opt-in', () => {
    for (const profile of PROFILES.filter((candidate) => candidate.group !== 'spec')) {
      if (['typescript-sdk-2', 'typescript-sdk-1', 'python-sdk'].includes(profile.id)) continue;
      expect(profile.summary).toContain('client metadata `scope`');
      expect(profile.summary).toContain('`grant_types`');
    }
  });
});
