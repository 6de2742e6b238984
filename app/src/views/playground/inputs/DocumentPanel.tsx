import type { Finding } from '@mcp-auth-playground/core';
import { memo, useCallback, type ComponentType, type Dispatch } from 'react';
import { ExternalLink } from '../../../components/ExternalLink.tsx';
import { DocumentOrigin } from '../presets/DocumentOrigin.tsx';
import type { DocumentOriginInfo } from '../presets/origins.ts';
import type { DocumentInfo } from '../documents.ts';
import type { DocumentDraft, DraftsAction } from '../../../shared/drafts.ts';
import type { ParsedDocument } from '../state/scenario.ts';
import type { RevealRegistry } from '../state/revealRegistry.ts';
import { sameFindings } from '../state/sameFindings.ts';
import { EditorSlot } from './editor/EditorSlot.tsx';
import type { EditorHandle } from './editor/types.ts';
import type { QuickControlsProps } from './quick/QuickControls.tsx';

interface DocumentPanelProps {
  info: DocumentInfo;
  draft: DocumentDraft;
  findings: readonly Finding[];
  dispatch: Dispatch<DraftsAction>;
  registry: RevealRegistry;
  /**
   * The document as the decision parsed it: the text on screen, or for very large documents the
   * text of a moment ago (see useDecision), so the quick controls reflect a click at once.
   */
  parsed: ParsedDocument;
  /** The quick controls that edit this document's decisive fields. */
  Controls: ComponentType<QuickControlsProps>;
  /** Where the document came from, when a real-server preset loaded it. */
  origin?: DocumentOriginInfo | undefined;
}

/**
 * Props equal but for a findings list that says the same as before: every evaluation brings new
 * finding objects, and a panel whose document was not edited has nothing to redraw.
 */
function sameProps(previous: DocumentPanelProps, next: DocumentPanelProps): boolean {
  return (
    previous.info === next.info &&
    previous.draft === next.draft &&
    previous.dispatch === next.dispatch &&
    previous.registry === next.registry &&
    previous.parsed === next.parsed &&
    previous.Controls === next.Controls &&
    previous.origin === next.origin &&
    sameFindings(previous.findings, next.findings)
  );
}

/** One document: whether the server serves it, its JSON, and its quick controls. */
export const DocumentPanel = memo(function DocumentPanel({
  info,
  draft,
  findings,
  dispatch,
  registry,
  parsed,
  Controls,
  origin,
}: DocumentPanelProps) {
  const { key, subject, label, short } = info;
  const onHandle = useCallback(
    (handle: EditorHandle | null) => registry.set(subject, handle),
    [registry, subject],
  );
  const onChange = useCallback(
    (text: string) => dispatch({ type: 'set-text', key, text }),
    [dispatch, key],
  );

  return (
    // Not labelled by its heading: the editor inside owns the document's name, and tools that
    // find a control by label must find exactly one.
    <section className="document-panel">
      <div className="document-head">
        <h3>{label}</h3>
        <ExternalLink href={info.cite.url}>{info.cite.title.split(':')[0]}</ExternalLink>
        <label className="toggle served">
          <input
            type="checkbox"
            checked={draft.served}
            onChange={(event) =>
              dispatch({ type: 'set-served', key, served: event.target.checked })
            }
          />
          {short} served
        </label>
      </div>
      {origin && <DocumentOrigin origin={origin} text={draft.text} />}
      {draft.served ? (
        <div className="document-body">
          <div className="quick-controls">
            <Controls
              document={parsed.value}
              disabled={parsed.findings.length > 0}
              dispatch={dispatch}
            />
          </div>
          <EditorSlot
            label={label}
            value={draft.text}
            onChange={onChange}
            findings={findings}
            onHandle={onHandle}
          />
        </div>
      ) : (
        <p className="not-served">
          Not served: the client finds no {label} at all, which is not the same as an empty
          document. Tick “{short} served” to bring back the text you had.
        </p>
      )}
    </section>
  );
}, sameProps);
