import type { Preset } from '@mcp-auth-playground/core';
import { lazy, Suspense, useId, useRef, type KeyboardEvent } from 'react';

const PresetsList = lazy(() => import('./PresetsList.tsx'));

interface PresetsMenuProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onLoad: (preset: Preset) => void;
}

/** A disclosure listing every preset with its explanation; choosing one loads it. */
export function PresetsMenu({ open, onOpenChange, onLoad }: PresetsMenuProps) {
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

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
      <div id={panelId} className="presets-panel" hidden={!open}>
        <p className="hint">
          Each preset sets up the documents for one rule. Loading one replaces what is on screen.
        </p>
        {/* Rendered while closed too, so the list loads right after the first paint. */}
        <Suspense fallback={<p role="status">Loading the presets…</p>}>
          <PresetsList
            open={open}
            idPrefix={panelId}
            onChoose={(preset) => {
              onLoad(preset);
              close();
            }}
          />
        </Suspense>
      </div>
    </div>
  );
}
