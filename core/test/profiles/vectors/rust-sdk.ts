import { AS, AS_OFFLINE, CLIENT, NOT_REFRESHING, PRM } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// rmcp 3.1.4: configured scopes, else previous ∪ challenge ∪ PRM (first-seen), else the AS list;
// offline_access appended to a non-empty selection when the AS lists it; step-up = granted ∪ challenge.
export const VECTORS: Vector[] = [
  [
    'unions the challenge and every PRM scope, first-seen order',
    { challengeScope: 'b a', resourceMetadata: PRM(['a', 'c']) },
    expected('b a c', 'challenge'),
  ],
  [
    'keeps previously granted scopes first on a 401',
    { previousScope: 'x', challengeScope: 'b' },
    expected('x b', 'challenge'),
  ],
  [
    'configured scopes win over the challenge and the PRM',
    {
      challengeScope: 'b',
      resourceMetadata: PRM(['c']),
      clientMetadata: CLIENT({ scope: 'cfg' }),
    },
    expected('cfg', 'client-metadata'),
  ],
  [
    'an empty challenge and an empty PRM list are skipped, then every AS scope',
    { challengeScope: '', resourceMetadata: PRM([]), authServerMetadata: AS(['p', 'q']) },
    expected('p q', 'authorization-server'),
  ],
  [
    'an empty AS list leaves no scope',
    { resourceMetadata: PRM([]), authServerMetadata: AS([]) },
    expected(undefined, 'none'),
  ],
  [
    'appends offline_access when the AS lists it, whatever grant_types say',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: NOT_REFRESHING },
    expected('a offline_access', 'challenge', 'added'),
  ],
  [
    'a step-up unions granted and challenged scopes, leaving the PRM out',
    {
      challengeError: 'insufficient_scope',
      challengeScope: 'b',
      previousScope: 'a',
      resourceMetadata: PRM(['z']),
    },
    expected('a b', 'step-up-union'),
  ],
  [
    'a step-up appends offline_access too',
    {
      challengeError: 'insufficient_scope',
      challengeScope: 'b',
      previousScope: 'a',
      authServerMetadata: AS_OFFLINE,
    },
    expected('a b offline_access', 'step-up-union', 'added'),
  ],
  [
    'never sends offline_access alone: an empty upgrade stays empty',
    { challengeError: 'insufficient_scope', authServerMetadata: AS_OFFLINE },
    expected(undefined, 'none'),
  ],
];

/** The rust-sdk profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
