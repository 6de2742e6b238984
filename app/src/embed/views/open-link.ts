import { h } from '../dom.ts';

/**
 * The way from an embed to the full playground, in a new tab: the playground refuses to be
 * framed, so it cannot open inside the docs page's frame.
 */
export function openInPlayground(href: string): HTMLElement {
  return h(
    'p',
    { class: 'embed-open' },
    h('a', { href, target: '_blank', rel: 'noopener' }, 'Open in the playground'),
  );
}
