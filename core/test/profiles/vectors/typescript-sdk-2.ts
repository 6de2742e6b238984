import { AS, AS_OFFLINE, CLIENT, NOT_REFRESHING, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('with offline_access');

/**
 * The situations the SDK's own determineScope tests cover (selection tiers and SEP-2207
 * augmentation), re-derived from the rule `requested || PRM.join(' ') || client.scope`, then
 * `offline_access` when the scope is truthy, the AS lists it, `split(' ')` lacks it and
 * `grant_types` has refresh_token.
 */
export const SDK_CASES: Vector[] = [
  [
    '1. the requested (challenge) scope is used as it is',
    {
      challengeScope: 'files:read',
      resourceMetadata: PRM(['files:write']),
      clientMetadata: CLIENT({ scope: 'mine' }),
    },
    expected('files:read', 'challenge'),
  ],
  [
    '2. PRM scopes_supported without a requested scope',
    { resourceMetadata: PRM(['a', 'b']), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected('a b', 'resource-metadata'),
  ],
  [
    "3. the client's scope when the PRM has no scopes",
    { resourceMetadata: PRM(), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected('mine', 'client-metadata'),
  ],
  ['4. no source at all: no scope', { clientMetadata: CLIENT() }, expected(undefined, 'none')],
  [
    '5. PRM without scopes_supported and client without scope: no scope',
    { resourceMetadata: PRM(), clientMetadata: CLIENT() },
    expected(undefined, 'none'),
  ],
  [
    '6. augments the requested scope with offline_access',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a offline_access', 'challenge', 'added'),
  ],
  [
    '7. augments PRM scopes when the AS lists offline_access and the client can refresh',
    {
      resourceMetadata: PRM(['a', 'b']),
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    expected('a b offline_access', 'resource-metadata', 'added'),
  ],
  [
    "8. augments the client's fallback scope",
    {
      authServerMetadata: AS_OFFLINE,
      clientMetadata: CLIENT({
        scope: 'mine',
        grant_types: ['authorization_code', 'refresh_token'],
      }),
    },
    expected('mine offline_access', 'client-metadata', 'added'),
  ],
  [
    '9. nothing to augment when no scope was selected',
    { authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected(undefined, 'none'),
  ],
  [
    '10. no augmentation when the AS does not list offline_access',
    { challengeScope: 'a', authServerMetadata: AS(['a']), clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    '11. no augmentation without AS metadata',
    { challengeScope: 'a', clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    "12. offline_access already in the client's scope is not added again",
    {
      authServerMetadata: AS_OFFLINE,
      clientMetadata: CLIENT({
        scope: 'a offline_access',
        grant_types: ['authorization_code', 'refresh_token'],
      }),
    },
    expected('a offline_access', 'client-metadata', 'already-present', true),
  ],
  [
    '13. a non-compliant PRM listing offline_access is not augmented again',
    {
      resourceMetadata: PRM(['a', 'offline_access']),
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    expected('a offline_access', 'resource-metadata', 'already-present', true),
  ],
  [
    '14. no augmentation when grant_types omits refresh_token',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: NOT_REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    '15. no augmentation when grant_types is undefined (a statically registered client)',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: CLIENT() },
    expected('a', 'challenge'),
  ],
];

/** Where `||`, the transport's union and split(' ') make the SDK differ from the spec. */
export const QUIRKS: Vector[] = [
  [
    'an empty scopes_supported falls through to the client scope (spec: omit)',
    { resourceMetadata: PRM([]), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected('mine', 'client-metadata'),
  ],
  [
    'an empty challenge scope falls through like the spec',
    { challengeScope: '', resourceMetadata: PRM(['a']) },
    expected('a', 'resource-metadata'),
  ],
  [
    "an empty client scope ends the chain with '' and no scope parameter",
    { clientMetadata: CLIENT({ scope: '' }), authServerMetadata: AS_OFFLINE },
    expected(undefined, 'none'),
  ],
  [
    'the transport normalises the challenge scope (whitespace, repeats)',
    { challengeScope: ' a\tb  a ' },
    expected('a b', 'challenge'),
  ],
  [
    'PRM entries are joined as they are, repeats included',
    { resourceMetadata: PRM(['a', 'a']) },
    expected('a a', 'resource-metadata'),
  ],
  [
    "split(' ') misses offline_access after a tab and appends it again",
    {
      clientMetadata: CLIENT({
        scope: 'a\toffline_access',
        grant_types: ['authorization_code', 'refresh_token'],
      }),
      authServerMetadata: AS_OFFLINE,
    },
    expected('a\toffline_access offline_access', 'client-metadata', 'added'),
  ],
  [
    'on a 401 the transport still unions with the scope it asked for before',
    { challengeScope: 'b', previousScope: 'a' },
    expected('a b', 'step-up-union'),
  ],
];

/** The typescript-sdk-2 profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...SDK_CASES, ...QUIRKS];
