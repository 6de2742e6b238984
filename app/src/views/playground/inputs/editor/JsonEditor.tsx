import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  foldGutter,
  HighlightStyle,
  syntaxHighlighting,
} from '@codemirror/language';
import { diagnosticCount, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type ChangeSpec } from '@codemirror/state';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  lineNumbers,
  tooltips,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { minimalSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { cursorOfFinding, rangeOfFinding } from './diagnostics.ts';
import { takeCursor } from './editorFocus.ts';
import type { EditorProps } from './types.ts';

// The colours come from the page's CSS custom properties, so the editor follows the light and
// dark themes without a second set of extensions.
const highlightStyle = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--syntax-key)' },
  { tag: tags.string, color: 'var(--syntax-string)' },
  { tag: tags.number, color: 'var(--syntax-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--syntax-literal)' },
  { tag: [tags.brace, tags.squareBracket, tags.separator], color: 'var(--muted)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--surface)', color: 'var(--fg)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--font-mono)',
    fontSize: 'var(--editor-font-size)',
    lineHeight: '1.5',
  },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-2)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground':
    { backgroundColor: 'var(--selection)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
  },
});

/** Replaces only the part of the document that differs, so the cursor and scroll stay put. */
function minimalChange(current: string, next: string): ChangeSpec {
  let start = 0;
  const shorter = Math.min(current.length, next.length);
  while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  return { from: start, to: current.length - end, insert: next.slice(start, next.length - end) };
}

function diagnosticsFor(text: string, findings: EditorProps['findings']): Diagnostic[] {
  return findings.map((finding) => {
    const { from, to } = rangeOfFinding(text, finding);
    return { from, to, severity: finding.severity, message: finding.message, source: finding.id };
  });
}

function signatureOf(findings: EditorProps['findings']): string {
  return findings
    .map((f) => [f.severity, f.id, JSON.stringify(f.path ?? []), f.message].join('\u0000'))
    .join('\n');
}

/** CodeMirror 6 over one JSON document. Loaded on demand; EditorFallback stands in until then. */
export default function JsonEditor({ label, value, onChange, findings, onHandle }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  /** The text this editor last reported, so its own echo is not applied back to it. */
  const reported = useRef(value);
  const initialValue = useRef(value);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc: initialValue.current,
        extensions: [
          minimalSetup,
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          highlightActiveLine(),
          highlightActiveLineGutter(),
          bracketMatching(),
          json(),
          syntaxHighlighting(highlightStyle),
          theme,
          // In the body rather than the editor, whose box is contained (see .json-editor), so a
          // finding's tooltip near the editor's edge is never cut off.
          tooltips({ parent: document.body }),
          // An explicit tab stop on the editing surface (a contenteditable is one anyway) tells
          // checkers that the scrolling box around it is reachable by keyboard (WCAG 2.1.1).
          EditorView.contentAttributes.of({
            'aria-label': label,
            spellcheck: 'false',
            tabindex: '0',
          }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            reported.current = text;
            onChangeRef.current(text);
          }),
        ],
      }),
    });
    view.current = editor;
    const cursor = takeCursor(label);
    if (cursor !== undefined) {
      editor.dispatch({ selection: { anchor: Math.min(cursor, editor.state.doc.length) } });
      editor.focus();
    }
    function place(position: number) {
      const anchor = Math.min(position, editor.state.doc.length);
      editor.dispatch({ selection: { anchor }, scrollIntoView: true });
      editor.focus();
    }
    onHandle({
      reveal: (path) => place(cursorOfFinding(editor.state.doc.toString(), path)),
      revealOffset: place,
    });
    return () => {
      onHandle(null);
      editor.destroy();
      view.current = null;
    };
  }, [label, onHandle]);

  // Text changed elsewhere (a quick control, a preset): bring the editor up to date.
  useEffect(() => {
    const editor = view.current;
    if (!editor || value === reported.current) return;
    reported.current = value;
    const current = editor.state.doc.toString();
    if (current !== value) editor.dispatch({ changes: minimalChange(current, value) });
  }, [value]);

  // CodeMirror maps the marks it shows through each edit, so they are redrawn (a layout pass)
  // only when what the findings say changed, or when an edit swallowed a mark (a paste over it):
  // checked after every edit, as findings that say the same as before do not reach this editor.
  const applied = useRef<string | undefined>(undefined);
  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const signature = signatureOf(findings);
    const intact = diagnosticCount(editor.state) === findings.length;
    if (applied.current === signature && intact) return;
    applied.current = signature;
    const text = editor.state.doc.toString();
    editor.dispatch(setDiagnostics(editor.state, diagnosticsFor(text, findings)));
  }, [findings, value]);

  return <div ref={host} className="json-editor" />;
}
