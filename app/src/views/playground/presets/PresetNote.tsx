import {
  captureLine,
  requestOutcomes,
  type Preset,
  type Profile,
  type Provenance,
} from '@mcp-auth-playground/core';
import { useMemo } from 'react';
import { ExternalLink } from '../../../components/ExternalLink.tsx';
import { PART_LABELS } from './origins.ts';
import './preset-note.css';

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
      {preset.provenance && <RealServerNote preset={preset} provenance={preset.provenance} />}
    </aside>
  );
}

function names(profiles: readonly Profile[]): string {
  return profiles.map((profile) => profile.title).join(', ');
}

function RealServerNote({ preset, provenance }: { preset: Preset; provenance: Provenance }) {
  // Named from each profile's own request preview, for the documents as published.
  const outcomes = useMemo(() => requestOutcomes(preset.scenario), [preset]);
  return (
    <div className="real-server-note">
      {outcomes.stops.length > 0 && (
        <p data-testid="preset-outcomes">
          With the published documents, <strong>these clients stop</strong> before any authorization
          request: {names(outcomes.stops)}.{' '}
          {outcomes.proceeds.length > 0 ? (
            <>
              <strong>These go ahead anyway</strong>: {names(outcomes.proceeds)}.
            </>
          ) : (
            'None goes ahead.'
          )}
        </p>
      )}
      <p>
        <strong>What the server owner can change:</strong> {provenance.serverOwner}
      </p>
      <ul className="preset-sources" aria-label="Where these documents come from">
        {provenance.published.map(({ part, document }) => (
          <li key={part} data-testid="published-source">
            <span className="origin-tag origin-published">Published</span> {PART_LABELS[part]}:{' '}
            {document.name}, fetched from <code>{document.fetchedFrom}</code>,{' '}
            {captureLine(document)} (
            <ExternalLink href={document.record.url}>source record</ExternalLink>).
          </li>
        ))}
        <li className="preset-defaults">
          <details>
            <summary>
              <span className="origin-tag">Playground default</span>{' '}
              {provenance.defaults.map(({ part }) => PART_LABELS[part]).join(', ')}: not published
              by {preset.title}
            </summary>
            <ul>
              {provenance.defaults.map(({ part, note }) => (
                <li key={part}>
                  {PART_LABELS[part]}: {note}
                </li>
              ))}
            </ul>
          </details>
        </li>
      </ul>
    </div>
  );
}
