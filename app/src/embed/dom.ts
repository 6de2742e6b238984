import { scopeText } from '../shared/words.ts';

// The embed draws its few elements with the DOM itself rather than React: the whole embed must
// load in under 90 KB of gzipped JavaScript, and React alone is about 60 KB of that. Text only
// ever goes in through text nodes, so markup in hostile metadata stays text.

type Child = Node | string | false | null | undefined;

/** An element with attributes (a `false` or undefined value leaves the attribute out). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    element.append(child);
  }
  return element;
}

/** Text from core in which `backticks` mark field names and values, shown as code. */
export function inlineCode(text: string): Node {
  const parts = text.split('`');
  // An unmatched backtick leaves an even number of parts: show the text as it is.
  if (parts.length % 2 === 0) return document.createTextNode(text);
  const fragment = document.createDocumentFragment();
  parts.forEach((part, index) => {
    if (index % 2 === 1) fragment.append(h('code', {}, part));
    else if (part !== '') fragment.append(part);
  });
  return fragment;
}

function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A link out of the frame, in a new tab: navigating the frame itself would leave the docs page
 * showing a page that refuses to be framed. Anything but http(s) stays plain text.
 */
export function externalLink(href: string, text: string): HTMLElement {
  if (!isWebUrl(href)) return h('span', { class: 'inert-link' }, text);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/** A scope exactly as sent: omitted is not the same as empty, and padding is pointed out. */
export function scopeValue(scope: string | undefined, testId: string, large = false): Node {
  const fragment = document.createDocumentFragment();
  const classes = ['scope-value', scope === undefined ? 'omitted' : '', large ? 'large' : ''];
  fragment.append(
    h(
      'code',
      {
        class: classes.filter(Boolean).join(' '),
        'data-testid': testId,
        'data-omitted': scope === undefined ? 'true' : undefined,
      },
      scopeText(scope),
    ),
  );
  if (scope === '') fragment.append(h('span', { class: 'scope-note' }, ' (an empty value)'));
  else if (scope !== undefined && scope !== scope.trim()) {
    fragment.append(h('span', { class: 'scope-note' }, ' (note the surrounding space)'));
  }
  return fragment;
}
