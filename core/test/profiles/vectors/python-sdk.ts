import { AS, AS_OFFLINE, CLIENT, NOT_REFRESHING, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('with offline_access');

/**
 * The situations the SDK's own get_client_metadata_scopes tests cover, re-derived from its rule:
 * the first source that is not None, then offline_access when a scope was selected (even empty),
 * the AS lists it, the client's grant_types (default authorization_code + refresh_token) have
 * refresh_token and the selection's tokens lack it.
 */
export const SDK_CASES: Vector[] = [
  [
    '1. added to PRM scopes when the AS supports it and the client has refresh_token',
    {
      resourceMetadata: PRM(['read', 'write']),
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    expected('read write offline_access', 'resource-metadata', 'added'),
  ],
  [
    '2. added to the challenge scope',
    { challengeScope: 'read write', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('read write offline_access', 'challenge', 'added'),
  ],
  [
    '3. not added when the AS does not support it',
    {
      resourceMetadata: PRM(['read', 'write']),
      authServerMetadata: AS(['read']),
      clientMetadata: REFRESHING,
    },
    expected('read write', 'resource-metadata'),
  ],
  [
    "4. not added when the client's grant_types lack refresh_token",
    {
      resourceMetadata: PRM(['read', 'write']),
      authServerMetadata: AS_OFFLINE,
      clientMetadata: NOT_REFRESHING,
    },
    expected('read write', 'resource-metadata'),
  ],
  [
    '5. not duplicated when already present',
    {
      challengeScope: 'read offline_access write',
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    expected('read offline_access write', 'challenge', 'already-present'),
  ],
  [
    '6. the AS scopes as the only source already include offline_access',
    { authServerMetadata: AS(['offline_access']), clientMetadata: REFRESHING },
    expected('offline_access', 'authorization-server', 'already-present'),
  ],
  [
    '7. not added when the AS has no scopes_supported',
    {
      resourceMetadata: PRM(['read', 'write']),
      authServerMetadata: AS(),
      clientMetadata: REFRESHING,
    },
    expected('read write', 'resource-metadata'),
  ],
  [
    '8. not added without AS metadata',
    { resourceMetadata: PRM(['read', 'write']), clientMetadata: REFRESHING },
    expected('read write', 'resource-metadata'),
  ],
  [
    '9. not added when the client declares grant_types without refresh_token',
    {
      challengeScope: 'read write',
      authServerMetadata: AS_OFFLINE,
      clientMetadata: CLIENT({ grant_types: [] }),
    },
    expected('read write', 'challenge'),
  ],
  [
    "10. the SDK's default grant_types include refresh_token",
    { challengeScope: 'read', authServerMetadata: AS_OFFLINE, clientMetadata: CLIENT() },
    expected('read offline_access', 'challenge', 'added'),
  ],
];

export const EMPTY_VALUES: Vector[] = [
  [
    'an empty challenge scope stops the fallback and sends no scope',
    { challengeScope: '', resourceMetadata: PRM(['a']) },
    expected(undefined, 'none'),
  ],
  [
    'an empty challenge scope plus offline_access sends " offline_access"',
    { challengeScope: '', resourceMetadata: PRM(['a']), authServerMetadata: AS_OFFLINE },
    expected(' offline_access', 'challenge', 'added'),
  ],
  [
    'an empty scopes_supported stops before the AS scopes',
    { resourceMetadata: PRM([]), authServerMetadata: AS(['a', 'b']) },
    expected(undefined, 'none'),
  ],
  [
    'without PRM scopes it asks for every AS scope',
    { resourceMetadata: PRM(), authServerMetadata: AS(['openid', 'admin']) },
    expected('openid admin', 'authorization-server'),
  ],
  [
    'no PRM at all: every AS scope, plus offline_access',
    { authServerMetadata: AS(['openid', 'offline_access', 'admin']) },
    expected('openid offline_access admin', 'authorization-server', 'already-present'),
  ],
];

/** The python-sdk profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...SDK_CASES, ...EMPTY_VALUES];
