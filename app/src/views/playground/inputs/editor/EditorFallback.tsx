import { useEffect, useLayoutEffect, useRef } from 'react';
import { cursorOfFinding } from './diagnostics.ts';
import { leaveCursor } from './editorFocus.ts';
import type { EditorProps } from './types.ts';

/**
 * A plain text area in the code editor's box, shown until CodeMirror has loaded: the page and
 * its decision paint at once, and a fast typist loses nothing while the editor arrives.
 */
export function EditorFallback({ label, value, onChange, onHandle }: EditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    function place(position: (text: string) => number) {
      const element = area.current;
      if (!element) return;
      const at = Math.min(position(element.value), element.value.length);
      element.focus();
      element.setSelectionRange(at, at);
    }
    onHandle({
      reveal: (path) => place((text) => cursorOfFinding(text, path)),
      revealOffset: (offset) => place(() => offset),
    });
    return () => onHandle(null);
  }, [onHandle]);

  useLayoutEffect(() => {
    const element = area.current;
    return () => {
      if (element && document.activeElement === element) {
        leaveCursor(label, element.selectionStart);
      }
    };
  }, [label]);

  return (
    <textarea
      ref={area}
      className="json-editor json-editor-fallback"
      aria-label={label}
      value={value}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
