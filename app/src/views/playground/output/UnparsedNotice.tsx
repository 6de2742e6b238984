import type { DocumentSubject, UnparsedDocument } from '@mcp-auth-playground/core';
import { DOCUMENTS } from '../documents.ts';

interface UnparsedNoticeProps {
  documents: readonly UnparsedDocument[];
  /** Puts the cursor where the document's JSON breaks (its start when there is no place). */
  onReveal: (subject: DocumentSubject, offset: number) => void;
}

/**
 * A served document that is not JSON changes the answer as much as removing it would, so the
 * decision says so first, with a link to the place where the JSON breaks.
 */
export function UnparsedNotice({ documents, onReveal }: UnparsedNoticeProps) {
  if (documents.length === 0) return null;
  return (
    <ul className="unparsed-notice" data-testid="unparsed-documents">
      {documents.map((document) => {
        const name = DOCUMENTS.find((info) => info.key === document.field)?.short ?? document.field;
        const at = document.at;
        return (
          <li key={document.field}>
            <strong>{name}</strong>: {at ? 'JSON error at ' : 'not JSON ('}
            <a
              href={`#${document.field}`}
              onClick={(event) => {
                event.preventDefault();
                onReveal(document.subject, at?.offset ?? 0);
              }}
            >
              {at ? `line ${at.line}, column ${at.column}` : 'show the text'}
            </a>
            {at ? '' : ')'}; decided as if it were absent.
          </li>
        );
      })}
    </ul>
  );
}
