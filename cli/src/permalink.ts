import { decodeScenario, encodeScenario, MAX_SCENARIO_BYTES } from '@mcp-auth-playground/core';
import type { Scenario } from '@mcp-auth-playground/core';

export const DEFAULT_PLAYGROUND_URL = 'http://localhost:5173';

/**
 * The playground address that opens `scenario`, with core's permalink codec in the `#s=` hash,
 * as the playground writes it. Undefined when the documents are too large for a link the
 * playground would open: it never hands out a link to the bad-link screen.
 */
export async function permalinkFor(
  scenario: Scenario,
  playgroundUrl: string,
): Promise<string | undefined> {
  // UTF-8 never takes fewer bytes than UTF-16 units, so text this long is over the limit anyway.
  if (JSON.stringify(scenario).length > MAX_SCENARIO_BYTES) return undefined;
  let encoded: string;
  try {
    encoded = await encodeScenario(scenario);
  } catch {
    return undefined;
  }
  const opened = await decodeScenario(encoded);
  if (!opened.ok) return undefined;
  const base = new URL(playgroundUrl);
  base.hash = `s=${encoded}`;
  return base.href;
}

/** `--playground-url` checked: an http(s) URL, or a usage problem described in one line. */
export function playgroundUrlProblem(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
    return `--playground-url must be an http or https URL, not ${url.protocol}`;
  } catch {
    return `--playground-url is not a URL: ${value}`;
  }
}
