import { findChallenge, parseWwwAuthenticate } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { bearerChallenge } from '../src/challenge.ts';
import { inProcessDocumentFetch, playgroundClientIdMetadataDocument } from '../src/cimd.ts';
import { testbedPort } from '../src/config.ts';
import { createLiveRegistry } from '../src/scenarios.ts';

describe('the live scenario registry', () => {
  it('keeps at most maxLive entries, evicting the oldest first', () => {
    const registry = createLiveRegistry<number>({ maxLive: 3, lifetimeMs: 1000 }, () => 0);
    for (const id of ['a', 'b', 'c', 'd']) registry.add(id, id.charCodeAt(0));
    expect(registry.size).toBe(3);
    expect(registry.get('a')).toBeUndefined();
    expect(registry.get('b')?.value).toBe(98);
    expect(registry.get('d')?.value).toBe(100);
  });

  it('forgets an entry once its lifetime is over', () => {
    let now = 1_000;
    const registry = createLiveRegistry<string>({ maxLive: 50, lifetimeMs: 60_000 }, () => now);
    const entry = registry.add('x', 'value');
    expect(entry.expiresAt).toBe(61_000);
    now = 60_999;
    expect(registry.get('x')?.value).toBe('value');
    now = 61_000;
    expect(registry.get('x')).toBeUndefined();
    expect(registry.size).toBe(0);
  });
});

describe('bearerChallenge', () => {
  it('quotes every value so core parses back exactly what was meant', () => {
    const header = bearerChallenge({
      realm: 'say "hi"',
      error: 'insufficient_scope',
      scope: 'a:b c\\d',
      resourceMetadata: 'http://localhost:4000/.well-known/oauth-protected-resource/mcp',
    });
    expect(findChallenge(parseWwwAuthenticate(header), 'Bearer')?.params).toEqual({
      realm: 'say "hi"',
      error: 'insufficient_scope',
      scope: 'a:b c\\d',
      resource_metadata: 'http://localhost:4000/.well-known/oauth-protected-resource/mcp',
    });
  });

  it('refuses a value a header cannot carry instead of sending a broken header', () => {
    expect(() => bearerChallenge({ scope: 'line\r\nbreak' })).toThrow(/cannot carry/);
  });
});

describe('the in-process client ID metadata document fetch', () => {
  const cimd = playgroundClientIdMetadataDocument('http://localhost:4000');
  const fetchDocument = inProcessDocumentFetch([cimd]);

  it('answers for the testbed document', async () => {
    const response = await fetchDocument(cimd.clientId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(cimd.document);
  });

  it('refuses every other URL without a request', async () => {
    await expect(fetchDocument('https://client.example/metadata.json')).rejects.toThrow(
      /only its own/,
    );
    await expect(fetchDocument(cimd.documentUrl)).rejects.toThrow(/only its own/);
  });
});

describe('testbedPort', () => {
  it('reads TESTBED_PORT, defaulting to 4000', () => {
    expect(testbedPort({})).toBe(4000);
    expect(testbedPort({ TESTBED_PORT: '' })).toBe(4000);
    expect(testbedPort({ TESTBED_PORT: '4123' })).toBe(4123);
    expect(() => testbedPort({ TESTBED_PORT: 'http' })).toThrow(/TESTBED_PORT/);
    expect(() => testbedPort({ TESTBED_PORT: '70000' })).toThrow(/TESTBED_PORT/);
  });
});
