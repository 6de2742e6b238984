import { encodeScenario, type Scenario } from '@mcp-auth-playground/core';
import { hashFor } from '../views/playground/state/permalink.ts';
import { EMBED_PARAM } from './mode.ts';

/** What the iframe is called for screen readers, on the page that embeds it. */
const FRAME_TITLE = 'Which scope an MCP client requests';

function attribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The embed's address for `scenario`, on the playground at `origin` + `base`. */
export async function embedUrlFor(
  scenario: Scenario,
  origin: string,
  base: string = import.meta.env.BASE_URL,
): Promise<string> {
  return `${origin}${base}?${EMBED_PARAM}=1${hashFor(await encodeScenario(scenario))}`;
}

/**
 * The iframe a docs page pastes in to show `scenario`'s decision (docs/embedding.md explains
 * the attributes and the script that sizes it from the embed's height messages).
 */
export async function embedCodeFor(
  scenario: Scenario,
  origin: string,
  base: string = import.meta.env.BASE_URL,
): Promise<string> {
  const src = await embedUrlFor(scenario, origin, base);
  return `<iframe src="${attribute(src)}" title="${FRAME_TITLE}" width="100%" height="360" loading="lazy" style="border: 0" data-mcp-auth-playground></iframe>`;
}
