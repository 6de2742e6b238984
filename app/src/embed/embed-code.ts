import { encodeScenario, type Scenario } from '@mcp-auth-playground/core';
import { hashFor } from '../shared/permalink.ts';
import { HEIGHT_MESSAGE_TYPE, MEASURE_MESSAGE_TYPE } from './messages.ts';
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
 * The few lines that size every embed on the host page from its height messages, as the
 * iframe's load handler: installed once per page, then the frame is asked for its height, which
 * it first reported before the handler ran. No `>` in it, so the code stays one element.
 */
function sizingScript(origin: string): string {
  return [
    `if (!window.mcpAuthPlaygroundSizing) {`,
    `  window.mcpAuthPlaygroundSizing = true;`,
    `  window.addEventListener('message', function (event) {`,
    `    if (event.origin !== ${JSON.stringify(origin).replaceAll('"', "'")}) return;`,
    `    if (!event.data || event.data.type !== '${HEIGHT_MESSAGE_TYPE}') return;`,
    `    document.querySelectorAll('iframe[data-mcp-auth-playground]').forEach(function (frame) {`,
    `      if (frame.contentWindow === event.source) frame.height = String(event.data.height);`,
    `    });`,
    `  });`,
    `}`,
    `this.contentWindow.postMessage({ type: '${MEASURE_MESSAGE_TYPE}' }, ${JSON.stringify(origin).replaceAll('"', "'")});`,
  ].join('\n');
}

/**
 * The iframe a docs page pastes in to show `scenario`'s decision. It sizes itself: its load
 * handler listens for the embed's height messages (docs/embedding.md explains the attributes,
 * the messages, and the same listener as a script for sites whose CSP forbids inline handlers).
 */
export async function embedCodeFor(
  scenario: Scenario,
  origin: string,
  base: string = import.meta.env.BASE_URL,
): Promise<string> {
  const src = await embedUrlFor(scenario, origin, base);
  return `<iframe src="${attribute(src)}" title="${FRAME_TITLE}" width="100%" height="360" loading="lazy" style="border: 0" data-mcp-auth-playground\n  onload="${attribute(sizingScript(origin))}"></iframe>`;
}
