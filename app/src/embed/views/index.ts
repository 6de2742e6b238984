import { compareView } from './compare.ts';
import { decisionView } from './decision.ts';
import type { EmbedView } from './types.ts';

export const DEFAULT_EMBED_VIEW = 'decision';

/**
 * The views `?view=` can name, each loaded on demand. The two built in are small and ship with
 * the embed; a heavier view adds one line here with a dynamic import, which keeps its code out
 * of the other views' download (the flowchart brings React).
 */
export const EMBED_VIEWS: ReadonlyMap<string, () => Promise<EmbedView>> = new Map([
  ['decision', () => Promise.resolve(decisionView)],
  ['compare', () => Promise.resolve(compareView)],
  [
    'flowchart',
    () => import('../../pictures/flowchart/embed-view.tsx').then((module) => module.flowchartView),
  ],
]);
