import { lazy, Suspense } from 'react';
import type { DocumentOriginInfo } from './origins.ts';

const DocumentOriginNote = lazy(() =>
  import('./RealServerNotes.tsx').then((module) => ({ default: module.DocumentOriginNote })),
);

/**
 * The line above an editor of a real-server preset: the published document with its source and
 * capture date, or the playground's default, said to be one. Its words load with the rest of a
 * real server's notes, after the first decision.
 */
export function DocumentOrigin(props: { origin: DocumentOriginInfo; text: string }) {
  return (
    <Suspense fallback={null}>
      <DocumentOriginNote {...props} />
    </Suspense>
  );
}
