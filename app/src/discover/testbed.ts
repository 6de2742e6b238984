// Where the page finds the testbed, kept free of imports: the dev server's plugin reads it too
// (scripts/testbed-probe.ts), and a Vite config cannot load the TypeScript of core.

/** Where `npm start` runs the testbed, whose process also serves the metadata relay. */
export const TESTBED_ORIGIN = 'http://localhost:4000';

/** The testbed's MCP server, the one Discover offers to read when the testbed runs. */
export const TESTBED_MCP_URL = `${TESTBED_ORIGIN}/mcp`;

/**
 * Where the dev server says whether anything listens at TESTBED_ORIGIN. The page asks its own
 * server first and the testbed only when something is there: a request to a closed port always
 * prints a network error in the browser's console, and often no testbed runs.
 */
export const TESTBED_PROBE_PATH = '/__testbed-listening';

/** The dev server's answer at TESTBED_PROBE_PATH. */
export interface TestbedProbe {
  listening: boolean;
}

/**
 * Whether the dev server found anything listening at TESTBED_ORIGIN. Never throws: anything but a
 * clear yes (a production server without the probe, a malformed answer, an abort) counts as no.
 */
export async function isTestbedListening(signal?: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(TESTBED_PROBE_PATH, { signal, cache: 'no-store' });
    if (!response.ok) return false;
    const probe = (await response.json()) as Partial<TestbedProbe>;
    return probe.listening === true;
  } catch {
    return false;
  }
}
