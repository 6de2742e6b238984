export { DEFAULT_PRESET, PRESETS } from './catalog.ts';
export type { Preset } from './preset.ts';
