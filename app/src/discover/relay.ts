import { RELAY_PATHS, RELAY_REQUEST_HEADERS, type RelayEndpoint } from '@mcp-auth-playground/core';
import { queryOptions } from '@tanstack/react-query';
import { isTestbedListening, TESTBED_ORIGIN } from './testbed.ts';

export { TESTBED_ORIGIN } from './testbed.ts';

const HEALTH_TIMEOUT_MS = 1_500;

/**
 * - `available`: the local testbed answers, so servers without CORS headers are read through it;
 * - `absent`: a local build, but no testbed is running;
 * - `hosted`: a production build, which never uses a relay (a relay on the user's machine is
 *   not something a hosted page should reach for).
 */
export type RelayStatus =
  { kind: 'available'; endpoint: RelayEndpoint } | { kind: 'absent' } | { kind: 'hosted' };

/**
 * Asks the testbed whether its relay is there. Never throws: any failure means absent. The dev
 * server is asked first whether anything listens there at all, so a page without a testbed never
 * knocks on a closed port, which the browser would report in its console as an error.
 */
export async function checkRelay(
  signal: AbortSignal | undefined,
  isLocalBuild: boolean = import.meta.env.DEV,
): Promise<RelayStatus> {
  if (!isLocalBuild) return { kind: 'hosted' };
  // A stuck testbed (or dev server) must not hold up discovery, so both requests share a short
  // deadline besides the caller's signal.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), HEALTH_TIMEOUT_MS);
  const forward = () => controller.abort();
  signal?.addEventListener('abort', forward, { once: true });
  try {
    if (!(await isTestbedListening(controller.signal))) return { kind: 'absent' };
    const response = await fetch(new URL(RELAY_PATHS.health, TESTBED_ORIGIN).href, {
      headers: RELAY_REQUEST_HEADERS,
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    const body = (await response.json()) as { relay?: unknown };
    return response.ok && body.relay === 'ok'
      ? { kind: 'available', endpoint: { origin: TESTBED_ORIGIN } }
      : { kind: 'absent' };
  } catch {
    return { kind: 'absent' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

/** Shared by the note under the Discover button and by each run, which re-checks when stale. */
export const relayQuery = queryOptions({
  queryKey: ['discover', 'relay', TESTBED_ORIGIN],
  queryFn: ({ signal }) => checkRelay(signal),
  staleTime: 15_000,
});
