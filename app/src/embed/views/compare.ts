import type { Profile, ScopeDecision } from '@mcp-auth-playground/core';
import { profilesByGroup, referenceProfile } from '../../shared/profiles.ts';
import { OFFLINE_ACCESS_TEXT } from '../../shared/words.ts';
import { h, scopeValue } from '../dom.ts';
import { openInPlayground } from './open-link.ts';
import { traceList } from './trace.ts';
import type { EmbedView } from './types.ts';

/** The cells of a profile's row that differ from the reference profile's decision. */
function differingCells(decision: ScopeDecision, reference: ScopeDecision | undefined) {
  return {
    scope: reference !== undefined && decision.scope !== reference.scope,
    offlineAccess: reference !== undefined && decision.offlineAccess !== reference.offlineAccess,
    promptConsent: reference !== undefined && decision.promptConsent !== reference.promptConsent,
  };
}

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
function profileRows(
  profile: Profile,
  decision: ScopeDecision,
  reference: ScopeDecision | undefined,
  tags: { reference: boolean; selected: boolean },
): HTMLElement[] {
  const differs = tags.reference
    ? { scope: false, offlineAccess: false, promptConsent: false }
    : differingCells(decision, reference);
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
  const row = h(
    'tr',
    {
      'data-testid': 'profile-row',
      'data-profile': profile.id,
      class: [tags.reference && 'reference', tags.selected && 'selected'].filter(Boolean).join(' '),
    },
    h(
      'th',
      { scope: 'row' },
      expander,
      tags.reference && h('span', { class: 'tag' }, 'reference'),
      tags.selected && h('span', { class: 'tag' }, 'selected'),
    ),
    cell('scope', differs.scope, scopeValue(decision.scope, 'profile-scope')),
    cell(
      'offline_access',
      differs.offlineAccess,
      document.createTextNode(OFFLINE_ACCESS_TEXT[decision.offlineAccess]),
    ),
    cell(
      'prompt=consent',
      differs.promptConsent,
      document.createTextNode(decision.promptConsent ? 'Sent' : 'Not sent'),
    ),
  );
  return [row, traceRow];
}

/** `?view=compare`: every profile's decision on the same documents, against the spec's. */
export const compareView: EmbedView = {
  title: 'How each client decides',
  mount(container, { evaluation, playgroundHref }) {
    const reference = referenceProfile();
    const byProfile = new Map(
      evaluation.comparison.map((decision) => [decision.profile, decision]),
    );
    const referenceDecision = reference && byProfile.get(reference.id);
    const groups = profilesByGroup().map(({ group, title, profiles }) => {
      // The reference row leads, so every other row reads as a comparison with the one above.
      const ordered = [...profiles].sort(
        (a, b) => Number(b.id === reference?.id) - Number(a.id === reference?.id),
      );
      return h(
        'tbody',
        { 'data-group': group },
        h('tr', { class: 'group-row' }, h('th', { scope: 'rowgroup', colspan: '4' }, title)),
        ...ordered.flatMap((profile) => {
          const decision = byProfile.get(profile.id);
          if (!decision) return [];
          return profileRows(profile, decision, referenceDecision, {
            reference: profile.id === reference?.id,
            selected: profile.id === evaluation.profile,
          });
        }),
      );
    });
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
            ...groups,
          ),
        ),
        openInPlayground(playgroundHref),
      ),
    );
  },
};
