/**
 * A document a real authorization server or MCP server published, as a public repository
 * captured it. The text is kept as quoted, so what the playground shows as published is exactly
 * what was served; where it came from travels with it.
 */
export interface PublishedDocument {
  /** The file of the shared real-world folder it was copied from. */
  file: string;
  /** `as`: authorization server metadata; `prm`: protected resource metadata. */
  kind: 'as' | 'prm';
  /** The service that published it, as a reader knows it. */
  service: string;
  /** What the capturing record calls the document. */
  name: string;
  /** The address the document was fetched from. */
  fetchedFrom: string;
  /** The capture date (YYYY-MM-DD). */
  capturedOn: string;
  /**
   * How `capturedOn` is known: `http-date` is the Date header logged with the response;
   * `record-changed` is the day the repository's scheduled discovery job last recorded a change
   * to the document (it re-fetches on a schedule and commits only what changed).
   */
  capturedBy: 'http-date' | 'record-changed';
  /** The repository file that holds the capture, at the commit it was copied from. */
  record: { repository: string; path: string; commit: string; url: string };
  /** SHA-256 of `raw`, as the shared record gives it. */
  sha256: string;
  /** The document text exactly as quoted. */
  raw: string;
}

/** The published document parsed: the JSON value a client would have read. */
export function publishedValue(document: PublishedDocument): Record<string, unknown> {
  return JSON.parse(document.raw) as Record<string, unknown>;
}

/** One line saying when and how the document was captured, for notes beside it. */
export function captureLine(document: PublishedDocument): string {
  return document.capturedBy === 'http-date'
    ? `captured on ${document.capturedOn} (the Date header of the logged response), kept in ${document.record.repository}`
    : `recorded by ${document.record.repository}’s scheduled discovery job, last changed there on ${document.capturedOn}`;
}
