import type { Profile, ScopeDecision } from '@mcp-auth-playground/core';
import { traceRows } from '../../shared/trace-rows.ts';
import { externalLink, h, inlineCode } from '../dom.ts';

/** The steps of one decision, each with what it saw and the spec section behind it. */
export function traceList(decision: ScopeDecision, profile: Profile | undefined): HTMLElement {
  return h(
    'ol',
    { class: 'trace' },
    ...traceRows(decision, profile).map((row) =>
      h(
        'li',
        { class: `step step-${row.outcome}` },
        h(
          'div',
          { class: 'step-head' },
          h(
            'span',
            { class: `outcome outcome-${row.outcome}` },
            h('span', { 'aria-hidden': 'true' }, `${row.icon} `),
            row.outcomeText,
          ),
          h('strong', { class: 'step-rule' }, row.ruleText),
        ),
        h('p', { class: 'step-detail' }, inlineCode(row.detail)),
        row.deviation !== undefined &&
          h(
            'p',
            { class: 'deviation' },
            h('strong', {}, 'Departs from the spec:'),
            ' ',
            inlineCode(row.deviation),
          ),
        h('p', { class: 'step-cite' }, externalLink(row.cite.url, row.cite.title)),
      ),
    ),
  );
}
