// The playground's request preview and the live run must send the same authorization request:
// both go through core's buildAuthorizationUrl and its one prompt=consent policy. This runs the
// engine against each scenario's own documents and compares its authorization URL with the
// preview's, parameter by parameter (state, the PKCE challenge and the client id aside).

import {
  EXAMPLE_CLIENT_ID,
  EXAMPLE_REDIRECT_URI,
  PRESETS,
  PROFILES,
  evaluateScenario,
  parseWwwAuthenticate,
  findChallenge,
  publicClientMetadata,
} from '@mcp-auth-playground/core';
import type { Scenario } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAME, runFlow } from '../src/index.ts';
import { countingBytes } from './fake-world.ts';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** A fetch that serves a scenario: the 401 with its challenge, and its two metadata documents. */
function serving(scenario: Scenario): typeof fetch {
  return (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const challenge = findChallenge(parseWwwAuthenticate(scenario.wwwAuthenticate ?? ''), 'Bearer');
    if (url.href === scenario.serverUrl) {
      return Promise.resolve(
        new Response(null, {
          status: 401,
          headers: { 'www-authenticate': scenario.wwwAuthenticate ?? 'Bearer' },
        }),
      );
    }
    if (
      url.pathname.startsWith('/.well-known/oauth-protected-resource') ||
      url.href === challenge?.params.resource_metadata
    ) {
      return Promise.resolve(json(scenario.resourceMetadata));
    }
    if (url.pathname.startsWith('/.well-known/')) {
      return Promise.resolve(json(scenario.authServerMetadata));
    }
    return Promise.resolve(new Response('not found', { status: 404 }));
  };
}

const ASIDE = new Set(['state', 'code_challenge', 'client_id']);
const compared = (params: Iterable<[string, string]>) =>
  [...params].filter(([name]) => !ASIDE.has(name));

/** The URL the live run sends to the authorization endpoint; it stops there. */
async function liveAuthorizationUrl(scenario: Scenario, redirectUri: string, clientId: string) {
  let sent: string | undefined;
  const fetch = serving(scenario);
  await runFlow({
    serverUrl: scenario.serverUrl!,
    profile: scenario.profile!,
    registration: 'pre-registered',
    clientId,
    clientMetadata: scenario.clientMetadata as Record<string, unknown>,
    redirectUri,
    io: {
      fetch,
      now: () => 0,
      randomBytes: countingBytes(),
      authorize: ({ url }) => {
        sent = url;
        return Promise.reject(new Error('the test stops at the authorization endpoint'));
      },
    },
  });
  return sent;
}

// Scenarios a live run can take: a server URL, its documents as JSON, no step-up history.
const LIVE_PRESETS = PRESETS.filter(
  ({ scenario }) =>
    scenario.serverUrl !== undefined &&
    scenario.previousScope === undefined &&
    scenario.unparsedDocuments === undefined &&
    evaluateScenario(scenario).authorizationRequest.ok,
).slice(0, 8);

describe('the preview and the live run send the same authorization request', () => {
  it('has enough scenarios to compare', () => {
    expect(LIVE_PRESETS.length).toBeGreaterThanOrEqual(5);
  });

  for (const preset of LIVE_PRESETS) {
    it(`for “${preset.title}”, in every profile`, async () => {
      let checked = 0;
      for (const profile of PROFILES) {
        const scenario: Scenario = {
          ...preset.scenario,
          profile: profile.id,
          // The live client uses the scenario's client metadata, or its own when it has none.
          clientMetadata:
            preset.scenario.clientMetadata ??
            publicClientMetadata({ redirectUri: EXAMPLE_REDIRECT_URI, clientName: CLIENT_NAME }),
        };
        const preview = evaluateScenario(scenario).authorizationRequest;
        if (!preview.ok) continue;
        const previewUrl = new URL(preview.url);
        const live = await liveAuthorizationUrl(
          scenario,
          previewUrl.searchParams.get('redirect_uri') ?? EXAMPLE_REDIRECT_URI,
          previewUrl.searchParams.get('client_id') ?? EXAMPLE_CLIENT_ID,
        );
        // A scenario the live client refuses (another resource's metadata) sends nothing.
        if (live === undefined) continue;
        expect(compared(new URL(live).searchParams), profile.id).toEqual(compared(preview.params));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }
});
