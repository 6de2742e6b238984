import { REAL_SERVER_PRESETS, type Preset } from '@mcp-auth-playground/core';
import { DOCUMENT_KEYS, type Drafts } from '../../../shared/drafts.ts';
import { draftsOf } from '../state/scenario.ts';

// Loaded on demand when a link opens, like the presets list: it holds the published documents.

const PRESET_DRAFTS = REAL_SERVER_PRESETS.map((preset) => ({
  preset,
  drafts: draftsOf(preset.scenario),
}));

/** Whether two drafts show the same documents, challenge and server; the profile may differ. */
function sameDocuments(a: Drafts, b: Drafts): boolean {
  return (
    a.serverUrl === b.serverUrl &&
    a.wwwAuthenticate === b.wwwAuthenticate &&
    a.previousScope === b.previousScope &&
    DOCUMENT_KEYS.every(
      (key) =>
        a.documents[key].served === b.documents[key].served &&
        a.documents[key].text === b.documents[key].text,
    )
  );
}

/**
 * The real-server preset whose documents `drafts` show unchanged, so a shared link to one opens
 * with the note that says which document was published and where it came from.
 */
export function realPresetShowing(drafts: Drafts): Preset | undefined {
  return PRESET_DRAFTS.find((candidate) => sameDocuments(candidate.drafts, drafts))?.preset;
}
