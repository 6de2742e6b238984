import { lazy, Suspense } from 'react';
import { EditorFallback } from './EditorFallback.tsx';
import type { EditorProps } from './types.ts';

/** Resolves after the browser has painted the page once. */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

// CodeMirror is the heaviest code on the page and nothing in the first paint needs it: its
// chunk is requested only once the decision is on screen, and the fallback stands in until then.
const JsonEditor = lazy(() => afterFirstPaint().then(() => import('./JsonEditor.tsx')));

export function EditorSlot(props: EditorProps) {
  return (
    <Suspense fallback={<EditorFallback {...props} />}>
      <JsonEditor {...props} />
    </Suspense>
  );
}
