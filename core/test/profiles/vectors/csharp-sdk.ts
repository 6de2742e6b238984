import { AS, AS_OFFLINE, CLIENT, PRM } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// ClientOAuthProvider.cs: challenge (not null/empty) → PRM → configured Scopes, unioned with
// earlier requests, sorted ordinally; offline_access whenever the AS lists it, even alone.
export const VECTORS: Vector[] = [
  [
    'sorts the challenge tokens ordinally (upper case first)',
    { challengeScope: 'b A a' },
    expected('A a b', 'challenge'),
  ],
  [
    'an empty string challenge falls through to the PRM',
    { challengeScope: '', resourceMetadata: PRM(['x']) },
    expected('x', 'resource-metadata'),
  ],
  [
    'a blank challenge stops the chain: no PRM, no configured scope',
    {
      challengeScope: '  ',
      resourceMetadata: PRM(['x']),
      clientMetadata: CLIENT({ scope: 'y' }),
    },
    expected(undefined, 'none'),
  ],
  [
    'an empty PRM list falls back to the configured scopes',
    { resourceMetadata: PRM([]), clientMetadata: CLIENT({ scope: 'c b' }) },
    expected('b c', 'client-metadata'),
  ],
  [
    'requests offline_access alone when nothing else is selected',
    { resourceMetadata: PRM(), authServerMetadata: AS_OFFLINE },
    expected('offline_access', 'authorization-server', 'added'),
  ],
  [
    'appends offline_access after the sort',
    { challengeScope: 'z a', authServerMetadata: AS_OFFLINE },
    expected('a z offline_access', 'challenge', 'added'),
  ],
  [
    'keeps every scope requested before, even on a 401',
    { previousScope: 'm', challengeScope: 'b' },
    expected('b m', 'challenge'),
  ],
  [
    'a step-up unions with earlier scopes; its own offline_access is not carried over',
    {
      challengeError: 'insufficient_scope',
      challengeScope: 'b',
      previousScope: 'a offline_access',
      authServerMetadata: AS_OFFLINE,
    },
    expected('a b offline_access', 'step-up-union', 'added'),
  ],
  [
    'with nothing for this operation it repeats the earlier set',
    { previousScope: 'q p', authServerMetadata: AS(['p']) },
    expected('p q', 'step-up-union'),
  ],
];

/** The csharp-sdk profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
