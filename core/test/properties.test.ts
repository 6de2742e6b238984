import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareProfiles,
  determineScope,
  evaluateScenario,
  lintScenario,
  PROFILES,
  scopeTokens,
  type Scenario,
  type ScopeInput,
} from '../src/index.ts';

// Kept moderate so the suite stays fast; the generators aim at the interesting corners (empty
// values, repeats, offline_access, odd whitespace) rather than at volume.
const RUNS = { numRuns: 150 };

const token = fc.constantFrom('a', 'b', 'files:read', 'offline_access', 'openid', 'x:y');
const whitespace = fc.constantFrom(' ', '  ', '\t', '\n', ' \u00a0');
const scopeString = fc.oneof(
  fc.constant(''),
  fc
    .tuple(fc.array(fc.tuple(token, whitespace), { maxLength: 5 }), fc.boolean())
    .map(
      ([parts, leading]) =>
        (leading ? ' ' : '') + parts.map(([value, space]) => value + space).join(''),
    ),
  fc.string(),
);
const scopeList = fc.oneof(fc.array(token, { maxLength: 5 }), fc.jsonValue());
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const document = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(fc.record(fields, { requiredKeys: [] }), fc.jsonValue(), fc.constant(undefined));

const scopeInput: fc.Arbitrary<ScopeInput> = fc.record(
  {
    challengeScope: maybe(scopeString),
    challengeError: maybe(fc.constantFrom('insufficient_scope', 'invalid_token')),
    previousScope: maybe(scopeString),
    resourceMetadata: document({ scopes_supported: scopeList, resource: fc.string() }),
    authServerMetadata: document({ scopes_supported: scopeList }),
    clientMetadata: document({
      scope: fc.oneof(scopeString, fc.jsonValue()),
      grant_types: fc.oneof(
        fc.subarray(['authorization_code', 'refresh_token', 'client_credentials']),
        fc.jsonValue(),
      ),
    }),
  },
  { requiredKeys: [] },
);

describe('properties', () => {
  it('evaluateScenario never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        evaluateScenario(value as Scenario);
      }),
      RUNS,
    );
  });

  it('evaluateScenario never throws on arbitrary strings, as a scenario or in every field', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (text, header, url) => {
        evaluateScenario(text as unknown as Scenario);
        evaluateScenario({ serverUrl: url, wwwAuthenticate: header, previousScope: text });
      }),
      RUNS,
    );
  });

  it('evaluateScenario never throws on scenarios of arbitrary JSON documents', () => {
    fc.assert(
      fc.property(
        fc.record({
          serverUrl: fc.jsonValue(),
          wwwAuthenticate: fc.jsonValue(),
          previousScope: fc.jsonValue(),
          profile: fc.jsonValue(),
          resourceMetadata: fc.jsonValue(),
          authServerMetadata: fc.jsonValue(),
          clientMetadata: fc.jsonValue(),
        }),
        (scenario) => {
          const evaluation = evaluateScenario(scenario as Scenario);
          expect(evaluation.comparison).toHaveLength(PROFILES.length);
          for (const finding of evaluation.findings) expect(finding.message).not.toBe('');
        },
      ),
      RUNS,
    );
  });

  it('every profile decides on any input with steps from its own rule', () => {
    fc.assert(
      fc.property(scopeInput, (input) => {
        const decisions = compareProfiles(input);
        PROFILES.forEach((profile, index) => {
          const decision = decisions[index];
          expect(decision?.profile).toBe(profile.id);
          const ids = new Set(profile.rule.map((node) => node.rule));
          for (const step of decision?.steps ?? []) expect(ids).toContain(step.rule);
          // An empty scope parameter is never the spec's; a client that really sends one (the Go
          // SDK, for a list of empty strings) must say so in a step that marks the departure.
          if (decision?.scope === '') {
            expect(
              decision.steps.some((step) => step.rule === 'omit' && step.deviation !== undefined),
            ).toBe(true);
          }
        });
      }),
      RUNS,
    );
  });

  it('an empty string in scopes_supported is sent as an empty scope by the Go SDK alone', () => {
    const decisions = compareProfiles({ resourceMetadata: { scopes_supported: [''] } });
    const empty = decisions.filter((decision) => decision.scope === '');
    expect(empty.map((decision) => decision.profile)).toEqual(['go-sdk']);
  });

  it('the spec profiles never request a token twice', () => {
    fc.assert(
      fc.property(scopeInput, (input) => {
        for (const profile of ['mcp-2026-07-28', 'mcp-2025-11-25'] as const) {
          const tokens = scopeTokens(determineScope(input, profile).scope);
          expect(new Set(tokens).size).toBe(tokens.length);
        }
      }),
      RUNS,
    );
  });

  it('the 2026-07-28 profile adds offline_access exactly when all four conditions hold', () => {
    // Leaning towards documents that offer offline_access and refresh, so every branch is hit.
    const initial: fc.Arbitrary<ScopeInput> = fc.record(
      {
        challengeScope: maybe(scopeString),
        resourceMetadata: maybe(fc.record({ scopes_supported: scopeList }, { requiredKeys: [] })),
        authServerMetadata: fc.oneof(
          fc.record({ scopes_supported: fc.constant(['openid', 'offline_access']) }),
          document({ scopes_supported: scopeList }),
        ),
        clientMetadata: fc.oneof(
          fc.record({ grant_types: fc.constant(['authorization_code', 'refresh_token']) }),
          document({ grant_types: fc.subarray(['authorization_code', 'refresh_token']) }),
        ),
      },
      { requiredKeys: [] },
    );
    let added = 0;
    fc.assert(
      fc.property(initial, (input) => {
        // The 2025-11-25 revision selects the same way and never adds offline_access.
        const selected = determineScope(input, 'mcp-2025-11-25').scope;
        const decision = determineScope(input, 'mcp-2026-07-28');
        const list = (doc: unknown, key: string): unknown =>
          typeof doc === 'object' && doc !== null && !Array.isArray(doc)
            ? (doc as Record<string, unknown>)[key]
            : undefined;
        const includes = (value: unknown, wanted: string) =>
          Array.isArray(value) && value.includes(wanted);
        const conditions =
          selected !== undefined &&
          includes(list(input.authServerMetadata, 'scopes_supported'), 'offline_access') &&
          includes(list(input.clientMetadata, 'grant_types'), 'refresh_token') &&
          !scopeTokens(selected).includes('offline_access');
        expect(decision.offlineAccess === 'added').toBe(conditions);
        expect(decision.scope).toBe(conditions ? `${selected} offline_access` : selected);
        if (conditions) added++;
      }),
      { numRuns: 400 },
    );
    // The generators reach the case where all four hold, so the property is not vacuous.
    expect(added).toBeGreaterThan(0);
  });

  it('lintScenario never throws and names a cite for every finding', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (resourceMetadata, authServerMetadata) => {
        for (const finding of lintScenario({ resourceMetadata, authServerMetadata })) {
          expect(finding.cite?.url).toMatch(/^https:\/\//);
        }
      }),
      RUNS,
    );
  });
});
