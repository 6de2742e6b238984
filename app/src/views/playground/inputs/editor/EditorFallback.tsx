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
    onHandle({
      reveal(path) {
        const element = area.current;
        if (!element) return;
        const position = cursorOfFinding(element.value, path);
        element.focus();
        element.setSelectionRange(position, position);
      },
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
