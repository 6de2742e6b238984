import type { ScopeInput } from '../../../src/index.ts';
import type { outcome } from '../fixtures.ts';

/** The parts of a decision a vector states. */
export type Expected = ReturnType<typeof outcome>;

/** One vector: what it shows, the input, and the outcome the profile must give. */
export type Vector = [name: string, input: ScopeInput, expected: Expected];

/**
 * The shorthand a profile's vectors state outcomes in: `expected(scope, source, offlineAccess?,
 * promptConsent?)`. offline_access defaults to 'not-added'; prompt=consent defaults to false for
 * a client that never sends it unasked, or to "offline_access was requested" for one that sends
 * it with offline_access (the Python SDK, the TypeScript SDK 2).
 */
export function expecting(prompt: 'never' | 'with offline_access') {
  return (
    scope: string | undefined,
    source: Expected['source'],
    offlineAccess: Expected['offlineAccess'] = 'not-added',
    promptConsent = prompt === 'with offline_access' ? offlineAccess !== 'not-added' : false,
  ): Expected => ({ scope, source, offlineAccess, promptConsent });
}
