import { PRESETS, type Preset } from '@mcp-auth-playground/core';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

interface PresetsMenuProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onLoad: (preset: Preset) => void;
}

/** A disclosure listing every preset with its explanation; choosing one loads it. */
export function PresetsMenu({ open, onOpenChange, onLoad }: PresetsMenuProps) {
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) panel.current?.querySelector('button')?.focus();
  }, [open]);

  function close() {
    onOpenChange(false);
    toggle.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  }

  return (
    <div className="presets" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => onOpenChange(!open)}
      >
        Presets <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div ref={panel} id={panelId} className="presets-panel" hidden={!open}>
        <p className="hint">
          Each preset sets up the documents for one rule. Loading one replaces what is on screen.
        </p>
        <ul>
          {PRESETS.map((preset) => (
            <li key={preset.id}>
              <button
                type="button"
                aria-describedby={`${panelId}-${preset.id}`}
                onClick={() => {
                  onLoad(preset);
                  close();
                }}
              >
                {preset.title}
              </button>
              <p id={`${panelId}-${preset.id}`}>{preset.explanation}</p>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
