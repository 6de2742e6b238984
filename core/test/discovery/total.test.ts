import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  discoverFromServer,
  isWellKnownMetadataUrl,
  RELAY_MARKER_HEADER,
} from '../../src/discovery/index.ts';
import { parseRelayRefusal } from '../../src/discovery/wire.ts';
import type { FetchLike } from '../../src/discovery/types.ts';
import { SERVER } from './fixtures.ts';

/** What a fake server may do with any request: every way an answer can go wrong, and right. */
const behaviour = fc.oneof(
  fc.record({
    kind: fc.constant('answer' as const),
    status: fc.constantFrom(200, 201, 204, 301, 401, 403, 404, 500),
    body: fc.oneof(fc.string(), fc.json(), fc.constant('{"issuer":"https://auth.example.test/t"}')),
    header: fc.option(fc.string(), { nil: undefined }),
    relayMarker: fc.constantFrom(undefined, 'relayed', 'refused'),
  }),
  fc.constant({ kind: 'type-error' as const }),
  fc.constant({ kind: 'throw-value' as const }),
  fc.constant({ kind: 'hang' as const }),
);

type Behaviour = typeof behaviour extends fc.Arbitrary<infer T> ? T : never;

function fakeFetch(plan: Behaviour[]): FetchLike {
  let call = 0;
  return (_url, init) => {
    const step = plan[call++ % plan.length];
    if (!step || step.kind === 'hang') return new Promise(() => undefined);
    if (step.kind === 'type-error') return Promise.reject(new TypeError('Failed to fetch'));
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the point of the case
    if (step.kind === 'throw-value') return Promise.reject(init?.mode ?? 42);
    const headers = new Headers();
    if (step.header !== undefined) {
      try {
        headers.set('www-authenticate', step.header);
      } catch {
        // not a valid header value: the server sends none
      }
    }
    if (step.relayMarker) headers.set(RELAY_MARKER_HEADER, step.relayMarker);
    const body = step.status === 204 ? null : step.body;
    return Promise.resolve(new Response(body, { status: step.status, headers }));
  };
}

describe('discoverFromServer is total and bounded', () => {
  it('settles every attempt, never throws and sends a bounded number of requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(behaviour, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        async (plan, withRelay) => {
          let requests = 0;
          const network = fakeFetch(plan);
          const result = await discoverFromServer(SERVER, {
            fetch: (url, init) => {
              requests += 1;
              return network(url, init);
            },
            timeoutMs: 5,
            ...(withRelay ? { relay: { origin: 'http://localhost:4000' } } : {}),
          });
          expect(result.attempts.length).toBeLessThanOrEqual(8);
          // Each attempt may also try the relay or a no-cors probe.
          expect(requests).toBeLessThanOrEqual(16);
          for (const attempt of result.attempts) {
            expect(attempt.outcome).not.toBe('pending');
            expect(attempt.reason).not.toBe('');
          }
          for (const finding of result.findings) expect(finding.message.length).toBeGreaterThan(20);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the relay contract', () => {
  it('knows the well-known metadata URLs and nothing else', () => {
    const yes = [
      'https://a.test/.well-known/oauth-protected-resource',
      'https://a.test/.well-known/oauth-protected-resource/mcp',
      'https://a.test/.well-known/oauth-authorization-server/tenant1',
      'https://a.test/.well-known/openid-configuration',
      'https://a.test/tenant1/.well-known/openid-configuration',
    ];
    const no = [
      'https://a.test/mcp',
      'https://a.test/.well-known/oauth-protected-resourcex',
      'https://a.test/.well-known/security.txt',
      'https://a.test/admin?x=/.well-known/openid-configuration',
      'https://a.test/.well-known/openid-configuration-evil',
    ];
    for (const url of yes) expect(isWellKnownMetadataUrl(new URL(url)), url).toBe(true);
    for (const url of no) expect(isWellKnownMetadataUrl(new URL(url)), url).toBe(false);
  });

  it('reads a refusal, and anything else as a generic one', () => {
    expect(parseRelayRefusal('{"error":"path","message":"Only metadata."}')).toEqual({
      error: 'path',
      message: 'Only metadata.',
    });
    for (const junk of ['', 'null', '{"error":"other","message":"x"}', '{"__proto__":{}}']) {
      expect(parseRelayRefusal(junk).message).toContain('without saying why');
    }
  });
});
