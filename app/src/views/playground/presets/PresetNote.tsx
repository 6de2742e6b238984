import type { Preset } from '@mcp-auth-playground/core';
import { lazy, Suspense } from 'react';

const RealServerNote = lazy(() =>
  import('./RealServerNotes.tsx').then((module) => ({ default: module.RealServerNote })),
);

interface PresetNoteProps {
  preset: Preset;
  /** Whether the documents on screen differ from what the preset loaded. */
  edited: boolean;
}

/** The note on the preset last loaded: its explanation and, for a real server, its sources. */
export function PresetNote({ preset, edited }: PresetNoteProps) {
  return (
    <aside className="preset-note" aria-label="About this preset">
      <p>
        <strong>
          {preset.title}
          {edited && ' (edited)'}
        </strong>{' '}
        {preset.explanation}
      </p>
      {preset.provenance && (
        <Suspense fallback={null}>
          <RealServerNote preset={preset} provenance={preset.provenance} />
        </Suspense>
      )}
    </aside>
  );
}
