import { profileOf } from '../../shared/profiles.ts';
import { decisionFacts } from '../../shared/decision-facts.ts';
import { h, scopeValue } from '../dom.ts';
import { openInPlayground } from './open-link.ts';
import { traceList } from './trace.ts';
import type { EmbedView } from './types.ts';

function fact(term: string, description: string): HTMLElement {
  return h('div', {}, h('dt', {}, term), h('dd', {}, description));
}

/** The default embed: one profile's scope, where it came from, and its steps folded away. */
export const decisionView: EmbedView = {
  title: 'Scope decision',
  mount(container, { evaluation, playgroundHref }) {
    const { decision } = evaluation;
    const profile = profileOf(decision.profile);
    const steps = decision.steps.length;
    container.replaceChildren(
      h(
        'article',
        { class: 'panel decision embed-panel', 'aria-labelledby': 'embed-title' },
        h(
          'h1',
          { id: 'embed-title', class: 'embed-title' },
          'Scope decision',
          h('span', { class: 'muted' }, ` · ${profile?.title ?? decision.profile}`),
        ),
        h(
          'div',
          { class: 'decision-scope' },
          h('span', { class: 'decision-label' }, 'scope'),
          h(
            'div',
            { class: 'decision-scope-value' },
            scopeValue(decision.scope, 'decision-scope', true),
          ),
        ),
        h(
          'dl',
          { class: 'decision-facts' },
          ...decisionFacts(decision, profile).map(({ term, description }) =>
            fact(term, description),
          ),
        ),
        h(
          'details',
          { class: 'embed-trace' },
          h('summary', {}, `How the client decided (${steps} ${steps === 1 ? 'step' : 'steps'})`),
          traceList(decision, profile),
        ),
        openInPlayground(playgroundHref),
      ),
    );
  },
};
