import {
  captureLine,
  requestOutcomes,
  type Preset,
  type Profile,
  type Provenance,
} from '@mcp-auth-playground/core';
import { useMemo } from 'react';
import { PART_LABELS } from './labels.ts';
import type { DocumentOriginInfo } from './origins.ts';
import './preset-note.css';

// What the notes of a real-server preset say beyond its explanation. Loaded on demand (see
// PresetNote and DocumentOrigin): only a real-server preset, itself loaded later, needs it.
// Its links are plain anchors: a source record's address is this project's own https constant,
// and sharing ExternalLink with the first paint would split it into a chunk of its own there.

function names(profiles: readonly Profile[]): string {
  return profiles.map((profile) => profile.title).join(', ');
}

export function RealServerNote({ preset, provenance }: { preset: Preset; provenance: Provenance }) {
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
            <a href={document.record.url} target="_blank" rel="noopener noreferrer">
              source record
            </a>
            ).
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

interface DocumentOriginProps {
  origin: DocumentOriginInfo;
  /** The editor's text, to tell whether it still holds what the preset loaded. */
  text: string;
}

/**
 * The line above an editor of a real-server preset: the published document with its source and
 * capture date, or the playground's default, said to be one.
 */
export function DocumentOriginNote({ origin, text }: DocumentOriginProps) {
  const edited = text !== origin.text;
  if (origin.kind === 'default') {
    return (
      <p className="document-origin" data-testid="document-origin">
        <span className="origin-tag">Playground default</span> {origin.note} Not published by{' '}
        {origin.preset}
        {edited && '; edited since'}.
      </p>
    );
  }
  const { document } = origin;
  return (
    <p className="document-origin" data-testid="document-origin">
      <span className="origin-tag origin-published">Published</span> by {document.service}
      {edited && ', edited here since'}: {document.name}, fetched from{' '}
      <code>{document.fetchedFrom}</code>, {captureLine(document)} (
      <a href={document.record.url} target="_blank" rel="noopener noreferrer">
        source record
      </a>
      ).
    </p>
  );
}
