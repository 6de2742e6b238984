import type { DocumentPart, Preset, PublishedDocument } from '@mcp-auth-playground/core';
import { draftsOf } from '../state/scenario.ts';

/** Where the document in one editor came from, for the note above that editor. */
export type DocumentOriginInfo =
  | { kind: 'published'; document: PublishedDocument; text: string }
  | { kind: 'default'; note: string; preset: string; text: string };

export type DocumentOrigins = Readonly<Partial<Record<DocumentPart, DocumentOriginInfo>>>;

/**
 * The origin of each document a real-server preset loads, with the text it loaded as (so the
 * note can tell when it was edited since), or undefined for a preset of invented documents.
 */
export function documentOrigins(preset: Preset): DocumentOrigins | undefined {
  const { provenance } = preset;
  if (!provenance) return undefined;
  const { documents } = draftsOf(preset.scenario);
  const origins: Partial<Record<DocumentPart, DocumentOriginInfo>> = {};
  for (const { part, document } of provenance.published) {
    origins[part] = { kind: 'published', document, text: documents[part].text };
  }
  for (const { part, note } of provenance.defaults) {
    if (part === 'resourceMetadata' || part === 'authServerMetadata' || part === 'clientMetadata') {
      origins[part] = { kind: 'default', note, preset: preset.title, text: documents[part].text };
    }
  }
  return origins;
}
