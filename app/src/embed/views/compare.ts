import { comparisonRows, type ComparisonRow } from '../../shared/comparison-rows.ts';
import { h, scopeValue } from '../dom.ts';
import { openInPlayground } from './open-link.ts';
import { traceList } from './trace.ts';
import type { EmbedView } from './types.ts';

/** A cell, labelled with its column's name for the narrow layout that stacks each row. */
function cell(label: string, differs: boolean, ...content: Node[]): HTMLElement {
  return h(
    'td',
    { class: differs ? 'differs' : undefined, 'data-label': label },
    ...content,
    differs &&
      h(
        'span',
        { class: 'differs-mark' },
        h('span', { 'aria-hidden': 'true' }, ' ≠'),
        h('span', { class: 'visually-hidden' }, ' (differs from the spec)'),
      ),
  );
}

let rowIds = 0;

/** A profile's row, and the row below it that unfolds its steps. */
function profileRows(row: ComparisonRow): HTMLElement[] {
  const { profile, decision, differs } = row;
  const traceId = `embed-trace-${++rowIds}`;
  const traceRow = h(
    'tr',
    { id: traceId, class: 'trace-row', hidden: true },
    h(
      'td',
      { colspan: '4' },
      h('p', { class: 'muted' }, profile.summary),
      traceList(decision, profile),
    ),
  );
  const expander = h(
    'button',
    { type: 'button', class: 'expander', 'aria-expanded': 'false', 'aria-controls': traceId },
    h('span', { class: 'chevron', 'aria-hidden': 'true' }, '▸'),
    profile.title,
  );
  expander.addEventListener('click', () => {
    const open = traceRow.hidden;
    traceRow.hidden = !open;
    expander.setAttribute('aria-expanded', String(open));
  });
  const tableRow = h(
    'tr',
    {
      'data-testid': 'profile-row',
      'data-profile': profile.id,
      class: [row.isReference && 'reference', row.selected && 'selected'].filter(Boolean).join(' '),
    },
    h(
      'th',
      { scope: 'row' },
      expander,
      row.isReference && h('span', { class: 'tag' }, 'reference'),
      row.selected && h('span', { class: 'tag' }, 'selected'),
    ),
    cell('scope', differs.has('scope'), scopeValue(decision.scope, 'profile-scope')),
    cell(
      'offline_access',
      differs.has('offlineAccess'),
      document.createTextNode(row.offlineAccessText),
    ),
    cell(
      'prompt=consent',
      differs.has('promptConsent'),
      document.createTextNode(row.promptConsentText),
    ),
  );
  return [tableRow, traceRow];
}

/** `?view=compare`: every profile's decision on the same documents, against the spec's. */
export const compareView: EmbedView = {
  title: 'How each client decides',
  mount(container, { evaluation, playgroundHref }) {
    const { reference, groups } = comparisonRows(evaluation.comparison, evaluation.profile);
    const tbodies = groups.map(({ group, title, rows }) =>
      h(
        'tbody',
        { 'data-group': group },
        h('tr', { class: 'group-row' }, h('th', { scope: 'rowgroup', colspan: '4' }, title)),
        ...rows.flatMap(profileRows),
      ),
    );
    container.replaceChildren(
      h(
        'article',
        { class: 'panel comparison embed-panel', 'aria-labelledby': 'embed-title' },
        h('h1', { id: 'embed-title', class: 'embed-title' }, 'How each client decides'),
        h(
          'p',
          { class: 'hint' },
          `Every profile reads the same documents. Cells marked ≠ differ from ${reference?.title ?? 'the spec'}. Open a row to see its steps.`,
        ),
        h(
          'div',
          {
            class: 'table-scroll',
            tabindex: '0',
            role: 'region',
            'aria-labelledby': 'embed-title',
          },
          h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['Client', 'scope', 'offline_access', 'prompt=consent'].map((title) =>
                  h('th', { scope: 'col' }, title),
                ),
              ),
            ),
            ...tbodies,
          ),
        ),
        openInPlayground(playgroundHref),
      ),
    );
  },
};
