import { captureLine } from '@mcp-auth-playground/core';
import { ExternalLink } from '../../../components/ExternalLink.tsx';
import type { DocumentOriginInfo } from './origins.ts';
import './preset-note.css';

interface DocumentOriginProps {
  origin: DocumentOriginInfo;
  /** The editor's text, to tell whether it still holds what the preset loaded. */
  text: string;
}

/**
 * The line above an editor of a real-server preset: the published document with its source and
 * capture date, or the playground's default, said to be one.
 */
export function DocumentOrigin({ origin, text }: DocumentOriginProps) {
  const edited = text !== origin.text;
  if (origin.kind === 'default') {
    return (
      <p className="document-origin" data-testid="document-origin">
        <span className="origin-tag">Playground default</span> {origin.note} Not published by{' '}
        {origin.preset}
        {edited && '; edited since'}.
      </p>
    );
  }
  const { document } = origin;
  return (
    <p className="document-origin" data-testid="document-origin">
      <span className="origin-tag origin-published">Published</span> by {document.service}
      {edited && ', edited here since'}: {document.name}, fetched from{' '}
      <code>{document.fetchedFrom}</code>, {captureLine(document)} (
      <ExternalLink href={document.record.url}>source record</ExternalLink>).
    </p>
  );
}
