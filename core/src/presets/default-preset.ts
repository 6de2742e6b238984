import {
  authServerMetadata,
  bearerChallenge,
  clientMetadata,
  resourceMetadata,
  SERVER_URL,
  type Preset,
} from './preset.ts';

// In a file of its own because a first visit paints it: the page needs this preset at once, and
// the rest of the catalog only when the presets menu shows it, so the catalog can load later.

/** The scenario a first visit opens: it shows a scope, offline_access and the profiles differing. */
export const DEFAULT_PRESET: Preset = {
  id: 'sep-2207-happy-path',
  title: 'SEP-2207: refresh token requested',
  explanation:
    'The authorization server lists offline_access and the client registered the refresh_token grant, so a 2026-07-28 client appends offline_access to the scope it selected. The resource never asked for it: a refresh token is the client’s business, not a requirement of the server.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read'] }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'offline_access'],
    }),
    clientMetadata: clientMetadata(),
  },
};
