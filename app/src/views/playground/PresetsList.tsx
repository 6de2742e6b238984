import { PRESETS, type Preset } from '@mcp-auth-playground/core';
import { useEffect, useRef } from 'react';

export interface PresetsListProps {
  /** Whether the menu is showing the list; on opening, the first preset takes the focus. */
  open: boolean;
  /** Prefix for the ids that tie each preset's button to its explanation. */
  idPrefix: string;
  onChoose: (preset: Preset) => void;
}

/**
 * Every preset with its explanation. Its own module, loaded after the first decision paints:
 * the page opens on the default preset and needs the catalog only for this list.
 */
export default function PresetsList({ open, idPrefix, onChoose }: PresetsListProps) {
  const list = useRef<HTMLUListElement>(null);

  // Also runs when the list arrives with the menu already open (opened before it loaded).
  useEffect(() => {
    if (open) list.current?.querySelector('button')?.focus();
  }, [open]);

  return (
    <ul ref={list}>
      {PRESETS.map((preset) => (
        <li key={preset.id}>
          <button
            type="button"
            aria-describedby={`${idPrefix}-${preset.id}`}
            onClick={() => onChoose(preset)}
          >
            {preset.title}
          </button>
          <p id={`${idPrefix}-${preset.id}`}>{preset.explanation}</p>
        </li>
      ))}
    </ul>
  );
}
