import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const RESET_MS = 2000;

interface CopyButtonProps {
  /** The text to copy, or a function that produces it when the button is pressed. */
  text: string | (() => Promise<string>);
  /** Visible label, e.g. 'Copy scope'. */
  label: string;
  disabled?: boolean;
  className?: string;
}

/** Copies to the clipboard and says so in a live region, or says how to copy by hand. */
export function CopyButton({ text, label, disabled, className }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), RESET_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      const value = typeof text === 'string' ? text : await text();
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className={`copy ${className ?? ''}`}>
      <button type="button" onClick={() => void copy()} disabled={disabled}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copy failed: select and copy by hand'
            : ''}
      </span>
    </span>
  );
}
