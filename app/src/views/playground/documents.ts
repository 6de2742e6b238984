import { CITES, type Cite, type DocumentSubject } from '@mcp-auth-playground/core';
import type { DocumentKey } from '../../shared/drafts.ts';

export interface DocumentInfo {
  key: DocumentKey;
  subject: DocumentSubject;
  /** The editor's accessible name (a public contract: tests and docs find editors by it). */
  label: string;
  /** Short name for the controls around it, chosen so no label contains another's. */
  short: string;
  cite: Cite;
}

export const DOCUMENTS: readonly DocumentInfo[] = [
  {
    key: 'resourceMetadata',
    subject: 'resource-metadata',
    label: 'Protected Resource Metadata',
    short: 'PRM',
    cite: CITES.protectedResourceMetadata,
  },
  {
    key: 'authServerMetadata',
    subject: 'auth-server-metadata',
    label: 'Authorization Server Metadata',
    short: 'AS metadata',
    cite: CITES.authServerMetadata,
  },
  {
    key: 'clientMetadata',
    subject: 'client-metadata',
    label: 'Client Metadata',
    short: 'Client document',
    cite: CITES.clientMetadata,
  },
];

/** Headings of the findings list, one per subject, in the order the page shows the inputs. */
export const SUBJECT_TITLES: Readonly<Record<DocumentSubject, string>> = {
  'server-url': 'MCP server URL',
  'www-authenticate': 'WWW-Authenticate',
  'resource-metadata': 'Protected Resource Metadata',
  'auth-server-metadata': 'Authorization Server Metadata',
  'client-metadata': 'Client Metadata',
};
