import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '../../src/profiles/index.ts';
import { MAX_DOCUMENT_DEPTH } from '../../src/scenario/json-value.ts';
import { parseScenario, sanitizeScenario } from '../../src/scenario/scenario-schema.ts';
import type { Scenario } from '../../src/types.ts';

describe('parseScenario', () => {
  it('accepts every registered profile', () => {
    for (const profile of PROFILE_IDS) {
      expect(parseScenario({ profile })).toEqual({ ok: true, scenario: { profile }, notes: [] });
    }
  });

  it('accepts every field and keeps documents of any JSON type as served', () => {
    const value = {
      serverUrl: 'https://mcp.example.com/mcp',
      wwwAuthenticate: 'Bearer',
      resourceMetadata: ['not', 'an', 'object'],
      authServerMetadata: null,
      clientMetadata: 'text',
      previousScope: '',
      profile: 'mcp-2025-11-25',
    };
    expect(parseScenario(value)).toEqual({ ok: true, scenario: value, notes: [] });
  });

  it('leaves out undefined fields', () => {
    const result = parseScenario({ serverUrl: undefined, profile: 'python-sdk' });
    expect(result.ok && Object.keys(result.scenario)).toEqual(['profile']);
  });

  it('drops unknown fields with a note, listing at most five', () => {
    expect(parseScenario({ token: 'x', serverUrl: 'u' })).toEqual({
      ok: true,
      scenario: { serverUrl: 'u' },
      notes: ['Ignored unknown field "token".'],
    });
    const many = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, i]));
    const result = parseScenario(many);
    expect(result.ok && result.notes).toEqual([
      'Ignored unknown fields "k0", "k1", "k2", "k3", "k4" and 3 more.',
    ]);
    const proto = parseScenario(JSON.parse('{"__proto__":{"serverUrl":"x"}}'));
    expect(proto).toEqual({
      ok: true,
      scenario: {},
      notes: ['Ignored unknown field "__proto__".'],
    });
  });

  it('refuses a scenario that is not an object, or a field of the wrong type', () => {
    expect(parseScenario(null)).toEqual({
      ok: false,
      message:
        'A scenario must be a JSON object with fields such as serverUrl and resourceMetadata, not null.',
    });
    expect(parseScenario([])).toMatchObject({ ok: false, message: /not an array/ });
    expect(parseScenario({ previousScope: ['a'] })).toEqual({
      ok: false,
      message: 'previousScope must be a string.',
    });
    expect(parseScenario({ profile: 'not-a-client' })).toEqual({
      ok: false,
      message: `profile must be one of ${PROFILE_IDS.join(', ')}.`,
    });
    expect(PROFILE_IDS.slice(0, 5)).toEqual([
      'mcp-2026-07-28',
      'mcp-2025-11-25',
      'typescript-sdk-2',
      'typescript-sdk-1',
      'python-sdk',
    ]);
  });

  it('refuses documents that are not JSON data, saying where', () => {
    expect(parseScenario({ resourceMetadata: { a: [1, Number.NaN] } })).toEqual({
      ok: false,
      message: 'resourceMetadata.a[1] is NaN, which JSON cannot hold.',
    });
    expect(parseScenario({ clientMetadata: { when: new Date(0) } })).toEqual({
      ok: false,
      message: 'clientMetadata.when is a Date, not a JSON value.',
    });
    let deep: unknown = 'leaf';
    for (let i = 0; i < MAX_DOCUMENT_DEPTH + 1; i++) deep = [deep];
    expect(parseScenario({ resourceMetadata: deep })).toMatchObject({
      ok: false,
      message: /nested more than 64 levels deep/,
    });
    const throwing = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(parseScenario(throwing)).toEqual({
      ok: false,
      message: 'The scenario cannot be read as plain data.',
    });
  });

  it('strips credentials from client metadata and says so', () => {
    const result = parseScenario({
      clientMetadata: { client_name: 'c', client_secret: 's', refresh_token: 'r' },
    });
    expect(result).toEqual({
      ok: true,
      scenario: { clientMetadata: { client_name: 'c' } },
      notes: [
        'client_secret was removed from the client metadata: a scenario never holds secrets.',
        'refresh_token was removed from the client metadata: a scenario never holds secrets.',
      ],
    });
  });
});

describe('sanitizeScenario', () => {
  it('returns the same scenario when there is nothing to remove', () => {
    const scenario: Scenario = {
      clientMetadata: {
        client_secret_expires_at: 0,
        jwks: { keys: [{ kty: 'RSA', n: 'n', e: 'AQAB' }] },
      },
    };
    expect(sanitizeScenario(scenario)).toEqual({ scenario, notes: [] });
    expect(sanitizeScenario(scenario).scenario).toBe(scenario);
  });

  it('does not change the scenario it was given', () => {
    const clientMetadata = { client_secret: 's' };
    const result = sanitizeScenario({ clientMetadata });
    expect(result.scenario.clientMetadata).toEqual({});
    expect(clientMetadata).toEqual({ client_secret: 's' });
  });
});
