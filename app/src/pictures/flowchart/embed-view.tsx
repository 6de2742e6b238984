import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { EmbedView } from '../../embed/views/types.ts';
import { profileOf } from '../../shared/profiles.ts';
import { DecisionFlowchart } from './DecisionFlowchart.tsx';

/**
 * `?view=flowchart`: the decision as its profile's flowchart, for a docs page. Drawn with React
 * like the playground's, so both are one component; React loads only when this view is asked for.
 */
export const flowchartView: EmbedView = {
  title: 'Scope decision flowchart',
  mount(container, { evaluation, playgroundHref }) {
    const profile = profileOf(evaluation.decision.profile);
    const root = createRoot(container);
    root.render(
      <StrictMode>
        <article className="panel embed-panel" aria-labelledby="embed-title">
          <h1 id="embed-title" className="embed-title">
            Scope decision flowchart
            <span className="muted"> · {profile?.title ?? evaluation.decision.profile}</span>
          </h1>
          <DecisionFlowchart evaluation={evaluation} />
          <p className="embed-open">
            <a href={playgroundHref} target="_blank" rel="noopener">
              Open in the playground
            </a>
          </p>
        </article>
      </StrictMode>,
    );
    return () => root.unmount();
  },
};
