import { PRESETS as RULE_PRESETS } from './catalog.ts';
import { CLIENT_PRESETS } from './client-presets.ts';
import type { Preset } from './preset.ts';

export { DEFAULT_PRESET } from './default-preset.ts';
export { CLIENT_PRESETS } from './client-presets.ts';
export { REAL_SERVER_PRESETS } from './real-servers.ts';
export { requestOutcomes, type RequestOutcomes } from './request-outcomes.ts';
export { captureLine, type PublishedDocument } from './real-world/published-document.ts';
export type { DocumentPart, Preset, Provenance, ScenarioPart } from './preset.ts';

/** Every preset in menu order: the rules walk-through, then each real client's behaviour. */
export const PRESETS: readonly Preset[] = [...RULE_PRESETS, ...CLIENT_PRESETS];
