import type { Profile, ScopeDecision } from '@mcp-auth-playground/core';
import { ruleLabel } from '../../shared/profiles.ts';
import { OUTCOME_TEXT } from '../../shared/words.ts';
import { externalLink, h, inlineCode } from '../dom.ts';

const OUTCOME_ICON = { used: '✓', applied: '✓', skipped: '–', 'not-applied': '–' } as const;

/** The steps of one decision, each with what it saw and the spec section behind it. */
export function traceList(decision: ScopeDecision, profile: Profile | undefined): HTMLElement {
  return h(
    'ol',
    { class: 'trace' },
    ...decision.steps.map((step) =>
      h(
        'li',
        { class: `step step-${step.outcome}` },
        h(
          'div',
          { class: 'step-head' },
          h(
            'span',
            { class: `outcome outcome-${step.outcome}` },
            h('span', { 'aria-hidden': 'true' }, `${OUTCOME_ICON[step.outcome]} `),
            OUTCOME_TEXT[step.outcome],
          ),
          h('strong', { class: 'step-rule' }, ruleLabel(profile, step.rule)),
        ),
        h('p', { class: 'step-detail' }, inlineCode(step.detail)),
        step.deviation !== undefined &&
          h(
            'p',
            { class: 'deviation' },
            h('strong', {}, 'Departs from the spec:'),
            ' ',
            inlineCode(step.deviation),
          ),
        h('p', { class: 'step-cite' }, externalLink(step.cite.url, step.cite.title)),
      ),
    ),
  );
}
