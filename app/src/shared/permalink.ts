import {
  decodeScenario,
  encodeScenario,
  MAX_SCENARIO_BYTES,
  type Scenario,
} from '@mcp-auth-playground/core';

// A permalink is the page's address with `#s=` and core's encoding of the scenario. Only the
// parsed scenario goes into it (core strips anything secret); drafts stay in this browser.

const PARAM = 's';

/** The encoded scenario in a location hash, or undefined when the hash carries none. */
export function encodedScenarioIn(hash: string): string | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(PARAM);
  return value === null ? undefined : value;
}

export function hashFor(encoded: string): string {
  return `#${PARAM}=${encoded}`;
}

/**
 * The `#s=` hash of a scenario, or undefined when the scenario is larger than core opens from a
 * link: the page never hands out a link that would only lead to the bad-link screen.
 */
export async function hashOf(scenario: Scenario): Promise<string | undefined> {
  // UTF-8 never takes fewer bytes than UTF-16 units, so text this long is over the limit anyway.
  if (JSON.stringify(scenario).length > MAX_SCENARIO_BYTES) return undefined;
  const encoded = await encodeScenario(scenario);
  const opened = await decodeScenario(encoded);
  return opened.ok ? hashFor(encoded) : undefined;
}

/** The shareable address of `scenario` on this page; rejects when it cannot be a link. */
export async function permalinkFor(scenario: Scenario, location: Location): Promise<string> {
  const hash = await hashOf(scenario);
  if (hash === undefined) throw new RangeError('The scenario is too large for a link.');
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}

/** The hash this page last wrote, and the last one it opened; one address bar per page. */
let written: string | undefined;
let opened: string | undefined;

/** Notes that the page is opening (or has refused) the link in `hash`. */
export function markOpened(hash: string): void {
  opened = hash;
}

/** Puts `hash` in the address bar without a history entry, as the address of the drafts. */
export function replaceHash(hash: string): void {
  const { pathname, search } = window.location;
  written = hash;
  // The address now shows the page's own link; pasting the opened one again should reopen it.
  opened = undefined;
  window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
}

/**
 * Whether the address now holds a link someone else put there (pasted, or followed from another
 * page), rather than one this page wrote or already opened. Some environments report any
 * replaceState as a hashchange; the page must not reopen a link it has handled.
 */
export function isForeignHash(hash: string): boolean {
  return hash !== written && hash !== opened && encodedScenarioIn(hash) !== undefined;
}
