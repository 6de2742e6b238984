import { encodeScenario, type Scenario } from '@mcp-auth-playground/core';
import { rememberAddress } from './storage.ts';

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

/** The shareable address of `scenario` on this page. */
export async function permalinkFor(scenario: Scenario, location: Location): Promise<string> {
  const encoded = await encodeScenario(scenario);
  return `${location.origin}${location.pathname}${location.search}${hashFor(encoded)}`;
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
  rememberAddress(hash);
}

/**
 * Whether the address now holds a link someone else put there (pasted, or followed from another
 * page), rather than one this page wrote or already opened. Some environments report any
 * replaceState as a hashchange; the page must not reopen a link it has handled.
 */
export function isForeignHash(hash: string): boolean {
  return hash !== written && hash !== opened && encodedScenarioIn(hash) !== undefined;
}
