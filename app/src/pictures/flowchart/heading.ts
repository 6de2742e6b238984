import { countText, cutTokens } from '../../shared/bounded.ts';
import type { FlowchartModel } from './model.ts';

// What a saved flowchart says above itself, loaded with the download: on the page, the panel
// around the chart says it.

/** A scope as the file's heading says it: quoted, its first tokens when it is very long. */
function scopeWords(scope: string | undefined): string {
  if (scope === undefined) return 'no scope parameter';
  const cut = cutTokens(scope, 12);
  return cut.hidden === 0
    ? `scope "${scope}"`
    : `scope "${cut.head.trimEnd()} …" (${countText(cut.hidden, 'more scope', 'more scopes')})`;
}

/** What a downloaded chart says above itself: what it shows and what each profile requests. */
export function headingFor(
  model: FlowchartModel,
  scope: string | undefined,
  other: { scope: string | undefined } | undefined,
): string[] {
  const lines = [
    model.otherTitle
      ? `How ${model.title} decides its scope, compared with ${model.otherTitle}`
      : `How ${model.title} decides its scope`,
    `${model.title} requests ${scopeWords(scope)}`,
  ];
  if (model.otherTitle && other)
    lines.push(`${model.otherTitle} requests ${scopeWords(other.scope)}`);
  return lines;
}
