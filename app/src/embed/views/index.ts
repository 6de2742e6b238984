import { compareView } from './compare.ts';
import { decisionView } from './decision.ts';
import type { EmbedView } from './types.ts';

export const DEFAULT_EMBED_VIEW = 'decision';

/**
 * The views `?view=` can name, each loaded on demand. The two built in are small and ship with
 * the embed; a heavier view (a flowchart, say) adds one line here with a dynamic import, e.g.
 *   ['flowchart', () => import('./flowchart.ts').then((module) => module.flowchartView)],
 * which keeps its code out of the other views' download.
 */
export const EMBED_VIEWS: ReadonlyMap<string, () => Promise<EmbedView>> = new Map([
  ['decision', () => Promise.resolve(decisionView)],
  ['compare', () => Promise.resolve(compareView)],
]);
