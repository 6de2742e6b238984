import { decodeScenario, evaluateScenario } from '@mcp-auth-playground/core';
import { encodedScenarioIn, hashFor } from '../shared/permalink.ts';
import { h } from './dom.ts';
import { embedViewIn } from './mode.ts';
import { openInPlayground } from './views/open-link.ts';
import { DEFAULT_EMBED_VIEW, EMBED_VIEWS } from './views/index.ts';

/** The parts of the embed's own address that say what to show. */
export interface EmbedAddress {
  origin: string;
  search: string;
  hash: string;
}

const PRODUCT = 'MCP Auth Playground';

/** Enough of an unknown view name to recognise it, however long the address made it. */
const SHOWN_NAME_LENGTH = 40;

function notice(container: HTMLElement, message: string, playgroundHref: string): string {
  container.replaceChildren(
    h(
      'article',
      { class: 'panel embed-panel embed-notice', 'aria-labelledby': 'embed-title' },
      h('h1', { id: 'embed-title', class: 'embed-title' }, 'Nothing to show here'),
      h('p', { role: 'alert' }, message),
      openInPlayground(playgroundHref),
    ),
  );
  return `Embed · ${PRODUCT}`;
}

/**
 * Draws what an embed address asks for into `container`: the view `?view=` names (the
 * decision by default) of the scenario in `#s=`, or one calm sentence saying why it cannot.
 * Returns the document title and a cleanup to call before drawing again.
 */
export async function renderEmbed(
  container: HTMLElement,
  address: EmbedAddress,
  base: string = import.meta.env.BASE_URL,
): Promise<{ title: string; cleanup?: () => void }> {
  const encoded = encodedScenarioIn(address.hash);
  const playground = `${address.origin}${base}`;
  const playgroundHref = encoded === undefined ? playground : `${playground}${hashFor(encoded)}`;

  const name = embedViewIn(address.search) ?? DEFAULT_EMBED_VIEW;
  const load = EMBED_VIEWS.get(name);
  if (!load) {
    const known = [...EMBED_VIEWS.keys()].join(', ');
    const shown = name.length > SHOWN_NAME_LENGTH ? `${name.slice(0, SHOWN_NAME_LENGTH)}…` : name;
    return {
      title: notice(
        container,
        `This embed asks for a view named “${shown}”, which the playground does not have (views: ${known}).`,
        playgroundHref,
      ),
    };
  }
  if (encoded === undefined) {
    return {
      title: notice(
        container,
        'This embed names no scenario: its address needs the #s= part of a playground link. Use “Copy embed code” in the playground to get one.',
        playground,
      ),
    };
  }
  const [decoded, view] = await Promise.all([decodeScenario(encoded), load()]);
  if (!decoded.ok) return { title: notice(container, decoded.message, playground) };

  const cleanup = view.mount(container, {
    evaluation: evaluateScenario(decoded.scenario),
    playgroundHref,
  });
  return { title: `${view.title} · ${PRODUCT}`, ...(cleanup ? { cleanup } : {}) };
}
