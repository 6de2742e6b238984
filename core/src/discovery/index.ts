// The public surface of discovery. The flow runner reuses the three steps one by one;
// the playground runs them together with `discoverFromServer`.
export { discoverFromServer } from './discover.ts';
export { requestChallenge } from './challenge.ts';
export { discoverResourceMetadata } from './resource-metadata.ts';
export { discoverAuthServerMetadata } from './auth-server-metadata.ts';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  INITIALIZE_REQUEST_BODY,
  INITIALIZE_REQUEST_HEADERS,
  effectivePort,
  isUnderWellKnownMetadataPath,
  isWellKnownMetadataUrl,
  METADATA_REQUEST_HEADERS,
  RELAY_MARKER_HEADER,
  RELAY_PATHS,
  RELAY_REQUEST_HEADER,
  RELAY_REQUEST_HEADERS,
  RELAY_TICKET_HEADER,
} from './wire.ts';
export type { RelayRefusal, RelayRefusalCode } from './wire.ts';
export type {
  AttemptOutcome,
  AuthServerMetadataResult,
  ChallengeResult,
  DiscoverOptions,
  DiscoveryAttempt,
  DiscoveryFinding,
  DiscoveryOptions,
  DiscoveryResult,
  DiscoveryStep,
  FetchLike,
  RelayEndpoint,
  ResourceMetadataResult,
  StepResult,
} from './types.ts';
