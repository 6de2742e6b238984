import type { ComponentType } from 'react';
import { lazyWithQueryClient } from './query/lazyWithQueryClient.tsx';
import { PlaygroundView } from './views/playground/PlaygroundView.tsx';

export interface AppRoute {
  /** Path relative to the app's base path, e.g. '/' or '/flow'. */
  path: string;
  /** Names the view in the document title and in its error message. */
  title: string;
  /** Label of the header link; routes without one (a callback) are reachable but not listed. */
  nav?: string;
  view: ComponentType;
}

// The playground is the first screen, so it ships in the entry chunk. Any other view loads on
// demand, which takes one entry and no other change (the outlet suspends while it loads): React's
// `lazy(() => import('./views/x/XView.tsx'))` for a default export, or lazyWithQueryClient as
// below for a view that does network work through TanStack Query.
export const ROUTES: readonly AppRoute[] = [
  { path: '/', title: 'Playground', nav: 'Playground', view: PlaygroundView },
  {
    path: '/flow',
    title: 'Flow',
    nav: 'Run the flow',
    view: lazyWithQueryClient(() => import('./flow/FlowView.tsx').then((module) => module.default)),
  },
  {
    path: '/callback',
    title: 'Authorization response',
    view: lazyWithQueryClient(() =>
      import('./flow/CallbackView.tsx').then((module) => module.default),
    ),
  },
];
