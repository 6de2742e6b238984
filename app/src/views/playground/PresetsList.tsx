import { PRESETS, REAL_SERVER_PRESETS, type Preset } from '@mcp-auth-playground/core';
import { useEffect, useRef } from 'react';
import { PART_LABELS } from './presets/labels.ts';
import './presets/preset-note.css';

// The page asks this module, already on its way for the menu, whether drafts show a real server.
export { realPresetShowing } from './presets/realPresetMatch.ts';

export interface PresetsListProps {
  /** Whether the menu is showing the list; on opening, the first preset takes the focus. */
  open: boolean;
  /** Prefix for the ids that tie each preset's button to its explanation. */
  idPrefix: string;
  onChoose: (preset: Preset) => void;
}

interface GroupProps extends Omit<PresetsListProps, 'open'> {
  id: string;
  heading: string;
  hint?: string;
  presets: readonly Preset[];
}

/** What a real-server preset's entry says about its sources, short enough for a menu. */
function sourceLine(preset: Preset): string | undefined {
  const provenance = preset.provenance;
  if (!provenance) return undefined;
  const published = provenance.published.map(
    ({ part, document }) =>
      `${PART_LABELS[part]} from ${new URL(document.fetchedFrom).host} (${document.capturedOn})`,
  );
  return `Published: ${published.join('; ')}. Everything else is the playground’s example.`;
}

function PresetGroup({ id, heading, hint, presets, idPrefix, onChoose }: GroupProps) {
  const headingId = `${idPrefix}-${id}`;
  return (
    // A labelled group rather than a heading: the menu floats over the page's outline.
    <div role="group" className={`presets-group ${id}`} aria-labelledby={headingId}>
      <p id={headingId} className="presets-group-title">
        {heading}
      </p>
      {hint && <p className="hint">{hint}</p>}
      <ul>
        {presets.map((preset) => {
          const explanationId = `${idPrefix}-${preset.id}`;
          const source = sourceLine(preset);
          return (
            <li key={preset.id}>
              <button
                type="button"
                aria-describedby={
                  source ? `${explanationId} ${explanationId}-source` : explanationId
                }
                onClick={() => onChoose(preset)}
              >
                {preset.title}
              </button>
              <p id={explanationId}>{preset.explanation}</p>
              {source && (
                <p id={`${explanationId}-source`} className="preset-source">
                  {source}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Every preset with its explanation: the rules and clients first, then the real servers. Its own
 * module, loaded after the first decision paints: the page opens on the default preset and needs
 * the catalog only for this list.
 */
export default function PresetsList({ open, idPrefix, onChoose }: PresetsListProps) {
  const list = useRef<HTMLDivElement>(null);

  // Also runs when the list arrives with the menu already open (opened before it loaded).
  useEffect(() => {
    if (open) list.current?.querySelector<HTMLButtonElement>('li button')?.focus();
  }, [open]);

  function jumpToRealServers() {
    const first = list.current?.querySelector<HTMLButtonElement>('.real-servers li button');
    // Focusing scrolls the menu to it.
    first?.focus();
  }

  return (
    <div ref={list}>
      <p className="presets-jump">
        <button type="button" className="link-button" onClick={jumpToRealServers}>
          Skip to the real servers
        </button>{' '}
        <span className="hint">(presets built from documents real services published)</span>
      </p>
      <PresetGroup
        id="rules"
        heading="Rules and clients"
        presets={PRESETS}
        idPrefix={idPrefix}
        onChoose={onChoose}
      />
      <PresetGroup
        id="real-servers"
        heading="Real servers"
        hint="Documents that real services published, unchanged; the parts they did not publish are the playground’s examples, marked as such."
        presets={REAL_SERVER_PRESETS}
        idPrefix={idPrefix}
        onChoose={onChoose}
      />
    </div>
  );
}
