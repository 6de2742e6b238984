import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../src/encoding/base64url.ts';
import {
  decodeScenario,
  encodeScenario,
  MAX_SCENARIO_BYTES,
} from '../../src/scenario/permalink.ts';
import { sanitizeScenario } from '../../src/scenario/scenario-schema.ts';
import type { ProfileId, Scenario } from '../../src/types.ts';

const TYPICAL: Scenario = {
  serverUrl: 'https://mcp.example.com/mcp',
  wwwAuthenticate:
    'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource", scope="files:read"',
  resourceMetadata: {
    resource: 'https://mcp.example.com/mcp',
    authorization_servers: ['https://auth.example.com'],
    scopes_supported: ['files:read', 'files:write'],
  },
  authServerMetadata: {
    issuer: 'https://auth.example.com',
    authorization_endpoint: 'https://auth.example.com/authorize',
    token_endpoint: 'https://auth.example.com/token',
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'offline_access', 'files:read', 'files:write'],
  },
  clientMetadata: {
    client_name: 'Playground',
    redirect_uris: ['http://localhost:5173/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_method: 'none',
  },
  previousScope: 'files:read',
  profile: 'typescript-sdk-2',
};

/** Makes link text from any JSON text, the way encodeScenario does. */
function linkOf(json: string): string {
  return encodeBase64Url(deflateRawSync(Buffer.from(json, 'utf8')));
}

async function messageOf(text: string): Promise<string> {
  const result = await decodeScenario(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

describe('encodeScenario / decodeScenario', () => {
  it('round-trips a typical scenario into URL-safe text', async () => {
    const text = await encodeScenario(TYPICAL);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeScenario(text)).toEqual({ ok: true, scenario: TYPICAL, notes: [] });
  });

  it('writes deflate-raw of the UTF-8 JSON { "v": 1, ...scenario }', async () => {
    const text = await encodeScenario({ serverUrl: 'https://é.example/mcp' });
    const bytes = Buffer.from(text, 'base64url');
    const { inflateRawSync } = await import('node:zlib');
    expect(JSON.parse(inflateRawSync(bytes).toString('utf8'))).toEqual({
      v: 1,
      serverUrl: 'https://é.example/mcp',
    });
  });

  it('reads a link given with its "#s=" prefix or as a whole URL', async () => {
    const text = await encodeScenario({ profile: 'python-sdk' });
    for (const form of [
      `#s=${text}`,
      `s=${text}`,
      `http://localhost:5173/#s=${text}`,
      ` ${text}\n`,
    ]) {
      expect(await decodeScenario(form)).toEqual({
        ok: true,
        scenario: { profile: 'python-sdk' },
        notes: [],
      });
    }
  });

  it('never encodes a client secret, and sanitizeScenario says what was removed', async () => {
    const scenario: Scenario = {
      clientMetadata: {
        client_id: 'abc',
        client_secret: 'hunter2',
        registration_access_token: 'rat-123',
        jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'private-d' }] },
      },
    };
    const text = await encodeScenario(scenario);
    const { inflateRawSync } = await import('node:zlib');
    const json = inflateRawSync(Buffer.from(text, 'base64url')).toString('utf8');
    expect(json).not.toMatch(/hunter2|rat-123|private-d/);
    expect(await decodeScenario(text)).toEqual({
      ok: true,
      scenario: {
        clientMetadata: {
          client_id: 'abc',
          jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }] },
        },
      },
      notes: [],
    });
    const { notes } = sanitizeScenario(scenario);
    expect(notes).toEqual([
      'client_secret was removed from the client metadata: a scenario never holds secrets.',
      'registration_access_token was removed from the client metadata: a scenario never holds secrets.',
      "The private parts of a key in the client metadata's jwks were removed; only public keys are kept.",
    ]);
  });

  it('strips a secret from a hand-made link and says so', async () => {
    const result = await decodeScenario(
      linkOf('{"v":1,"clientMetadata":{"client_secret":"s"},"extra":true}'),
    );
    expect(result).toEqual({
      ok: true,
      scenario: { clientMetadata: {} },
      notes: [
        'Ignored unknown field "extra".',
        'client_secret was removed from the client metadata: a scenario never holds secrets.',
      ],
    });
  });

  it('keeps a __proto__ key in a document as data', async () => {
    const resourceMetadata = JSON.parse('{"__proto__":{"polluted":true},"resource":"x"}') as object;
    const result = await decodeScenario(await encodeScenario({ resourceMetadata }));
    expect(result.ok && result.scenario.resourceMetadata).toEqual(resourceMetadata);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const decoded = result.ok ? (result.scenario.resourceMetadata as object) : {};
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__', 'resource']);
  });

  it('explains what is wrong with a bad link', async () => {
    expect(await messageOf('')).toMatch(/nothing follows "#s="/);
    expect(await messageOf('#s=')).toMatch(/nothing follows "#s="/);
    expect(await messageOf('abc$def')).toMatch(/contains "\$" at position 4/);
    expect(await messageOf('abcde')).toMatch(/cut short/);
    expect(await messageOf('____')).toMatch(/compressed data cannot be read/);
    const good = await encodeScenario(TYPICAL);
    expect(await messageOf(good.slice(0, -12))).toMatch(/damaged/);
    expect(await messageOf(encodeBase64Url(deflateRawSync(Buffer.from([0xff, 0xfe]))))).toMatch(
      /not UTF-8/,
    );
    expect(await messageOf(linkOf('{"v":1,'))).toMatch(/not valid JSON/);
    expect(await messageOf(linkOf('[1,2]'))).toMatch(/not a JSON object/);
    expect(await messageOf(linkOf('{"serverUrl":"x"}'))).toMatch(/no valid format version/);
    expect(await messageOf(linkOf('{"v":2}'))).toMatch(
      /newer version of the playground \(format 2\)/,
    );
    expect(await messageOf(linkOf('{"v":1,"serverUrl":42}'))).toBe(
      "This link's scenario is not valid: serverUrl must be a string.",
    );
    expect(await messageOf(linkOf('{"v":1,"profile":"not-a-client"}'))).toMatch(
      /profile must be one of mcp-2026-07-28, /,
    );
  });

  it('refuses a link whose scenario is over 64 KB once inflated', async () => {
    const big = JSON.stringify({ v: 1, resourceMetadata: 'x'.repeat(MAX_SCENARIO_BYTES) });
    expect(await messageOf(linkOf(big))).toMatch(/more than 64 KB/);
    const fits = JSON.stringify({ v: 1, serverUrl: 'x'.repeat(MAX_SCENARIO_BYTES - 100) });
    expect((await decodeScenario(linkOf(fits))).ok).toBe(true);
  });

  it('stops inflating a decompression bomb instead of expanding it', async () => {
    // 4 MB of spaces deflates to about 4 KB, a link of a plausible length; decoding must give
    // up after the first 64 KB of output rather than inflate all of it.
    const bomb = linkOf(' '.repeat(4 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(20_000);
    expect(await messageOf(bomb)).toMatch(/more than 64 KB/);
    expect(await messageOf('A'.repeat(200_000))).toMatch(/longer than any scenario/);
  });

  it('opens a link made before document texts were carried exactly as it did', async () => {
    // Made by format 1 before unparsedDocuments existed; permalinks are a public contract.
    const OLD_LINK =
      'hYtBCsIwEEXv8tdNawvdzB1ciSsRCemIhYYMM0kQSu8u2Yg7l--_93dU0NjBWCvrVTcQXjmL0TDEID2_fZSN-5BiY3RQtlQ08JmzX3z2oP27_T1bSML2sCKSNPMCuuG5bmyk7Bfcjw6iXNdU7NJS0K9uMjUGIQZx02ma3Ti6acbxAQ';
    expect(await decodeScenario(OLD_LINK)).toEqual({
      ok: true,
      scenario: {
        serverUrl: 'https://mcp.example.com/mcp',
        resourceMetadata: {
          resource: 'https://mcp.example.com/mcp',
          scopes_supported: ['files:read'],
        },
        previousScope: 'files:read',
        profile: 'mcp-2025-11-25',
      },
      notes: [],
    });
  });

  it('carries the text of a document that is not JSON, still as format 1', async () => {
    const broken =
      '{\n  "resource": "https://mcp.example.com/mcp",\n  "scopes_supported": ["a"],\n}';
    const scenario: Scenario = {
      ...TYPICAL,
      resourceMetadata: undefined,
      unparsedDocuments: { resourceMetadata: broken, clientMetadata: '' },
    };
    delete scenario.resourceMetadata;
    delete scenario.clientMetadata;
    const text = await encodeScenario(scenario);
    const json = JSON.parse(inflateRawSync(Buffer.from(text, 'base64url')).toString('utf8')) as {
      v: number;
    };
    expect(json.v).toBe(1);
    expect(await decodeScenario(text)).toEqual({ ok: true, scenario, notes: [] });
  });

  it('never carries client metadata text that is not JSON and names a secret', async () => {
    const scenario: Scenario = {
      unparsedDocuments: {
        resourceMetadata: '{',
        clientMetadata: '{ "client_name": "x", "client_secret": "s3cret", }',
      },
    };
    expect(sanitizeScenario(scenario)).toEqual({
      scenario: { unparsedDocuments: { resourceMetadata: '{' } },
      notes: [
        'The client metadata, which is not JSON yet, was left out because it names client_secret: a scenario never holds secrets.',
      ],
    });
    const text = await encodeScenario(scenario);
    expect(inflateRawSync(Buffer.from(text, 'base64url')).toString('utf8')).not.toContain('s3cret');
    expect(await decodeScenario(text)).toEqual({
      ok: true,
      scenario: { unparsedDocuments: { resourceMetadata: '{' } },
      notes: [],
    });
  });

  it('drops the text of a document the link also gives as a value, with a note', async () => {
    const link = linkOf(
      JSON.stringify({
        v: 1,
        resourceMetadata: { resource: 'x' },
        unparsedDocuments: { resourceMetadata: '{' },
      }),
    );
    const result = await decodeScenario(link);
    expect(result).toEqual({
      ok: true,
      scenario: { resourceMetadata: { resource: 'x' } },
      notes: ['The text given for resourceMetadata was ignored: the scenario has its JSON value.'],
    });
  });

  it('refuses a link whose document text is not a string, saying which', async () => {
    const link = linkOf(JSON.stringify({ v: 1, unparsedDocuments: { clientMetadata: 7 } }));
    expect(await messageOf(link)).toContain('unparsedDocuments.clientMetadata must be a string');
  });

  it('refuses to encode a document that is not JSON data', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    await expect(encodeScenario({ resourceMetadata: cyclic })).rejects.toThrow(/nested more than/);
    await expect(encodeScenario({ authServerMetadata: { f: () => 1 } })).rejects.toThrow(
      /authServerMetadata\.f is a function/,
    );
  });

  const profile = fc.constantFrom<ProfileId>(
    'mcp-2026-07-28',
    'mcp-2025-11-25',
    'typescript-sdk-2',
    'typescript-sdk-1',
    'python-sdk',
  );
  // JSON has a single zero: JSON.stringify writes -0 as 0, so a document can only be expected
  // back as its JSON text reads.
  const document = fc
    .jsonValue({ maxDepth: 4 })
    .map((value) => JSON.parse(JSON.stringify(value)) as unknown);
  const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record(
    {
      serverUrl: fc.webUrl(),
      wwwAuthenticate: fc.string(),
      resourceMetadata: document,
      authServerMetadata: document,
      clientMetadata: fc.oneof(
        document,
        fc.dictionary(
          fc.constantFrom('client_secret', 'client_name', 'scope', '__proto__'),
          document,
        ),
      ),
      previousScope: fc.string(),
      profile,
    },
    { requiredKeys: [] },
  );

  it('round-trips generated scenarios: decode(encode(s)) equals s without its secrets', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const result = await decodeScenario(await encodeScenario(scenario));
        expect(result).toEqual({
          ok: true,
          scenario: sanitizeScenario(scenario).scenario,
          notes: [],
        });
      }),
      { numRuns: 100 },
    );
  });

  it('is total: any text gives a result and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom(...'AZaz09-_=#s'.split('')) }),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => encodeBase64Url(bytes)),
          fc
            .uint8Array({ maxLength: 200 })
            .map((bytes) => linkOf(Buffer.from(bytes).toString('latin1'))),
        ),
        async (text) => {
          const result = await decodeScenario(text);
          if (!result.ok) expect(result.message).toMatch(/^This link|^A link/);
        },
      ),
      { numRuns: 300 },
    );
    expect((await decodeScenario(42 as unknown as string)).ok).toBe(false);
  });
});
