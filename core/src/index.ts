export { CITES } from './cite.ts';
export type { Cite, CiteKey } from './cite.ts';
export type {
  AuthorizationRequestPreview,
  Challenge,
  DecisionStep,
  Evaluation,
  Profile,
  ProfileGroup,
  ProfileSource,
  RuleNode,
  DocumentField,
  DocumentSubject,
  Finding,
  ProfileId,
  Scenario,
  ScopeDecision,
  ScopeInput,
  ScopeSource,
  StepOutcome,
  UnparsedDocument,
  UnparsedDocuments,
} from './types.ts';

export { findChallenge, parseWwwAuthenticate } from './protocol/www-authenticate.ts';
export { canonicalResourceUri } from './protocol/resource-uri.ts';
export type { CanonicalResourceUri } from './protocol/resource-uri.ts';
export {
  authServerMetadataCandidates,
  authServerMetadataUrls,
  resourceMetadataCandidates,
  resourceMetadataUrls,
} from './protocol/discovery-urls.ts';
export type { DiscoveryCandidate } from './protocol/discovery-urls.ts';
export { createPkcePair, isPkceVerifier, pkceChallenge, randomState } from './protocol/pkce.ts';
export type { RandomBytes } from './protocol/pkce.ts';
export { hasScopeToken, promptConsentPolicy } from './protocol/prompt-consent.ts';
export { checkResourceMatch, resourceIndicator } from './protocol/resource-match.ts';
export type { ResourceMatch } from './protocol/resource-match.ts';
export type { PromptConsentInput, PromptConsentPolicy } from './protocol/prompt-consent.ts';
export { buildAuthorizationUrl } from './protocol/authorization-request.ts';
export type {
  AuthorizationRequest,
  AuthorizationRequestInput,
} from './protocol/authorization-request.ts';
export { checkAuthorizationResponse } from './protocol/authorization-response.ts';
export type {
  AuthorizationResponseCheck,
  AuthorizationResponseFailure,
  AuthorizationResponseInput,
} from './protocol/authorization-response.ts';
export {
  decodeScenario,
  encodeScenario,
  MAX_SCENARIO_BYTES,
  PERMALINK_VERSION,
} from './scenario/permalink.ts';
export type { DecodedScenario } from './scenario/permalink.ts';
export { parseScenario, sanitizeScenario, ScenarioSchema } from './scenario/scenario-schema.ts';
export type { ParsedScenario } from './scenario/scenario-schema.ts';
export { MAX_DOCUMENT_DEPTH } from './scenario/json-value.ts';

export {
  AUTH_SERVER_METADATA_FIELDS,
  AuthServerMetadataSchema,
  parseAuthServerMetadata,
} from './schemas/auth-server-metadata.ts';
export type { AuthServerMetadata } from './schemas/auth-server-metadata.ts';
export {
  RESOURCE_METADATA_FIELDS,
  ResourceMetadataSchema,
  parseResourceMetadata,
} from './schemas/resource-metadata.ts';
export type { ResourceMetadata } from './schemas/resource-metadata.ts';
export {
  CLIENT_METADATA_FIELDS,
  ClientMetadataSchema,
  parseClientMetadata,
} from './schemas/client-metadata.ts';
export type { ClientMetadata } from './schemas/client-metadata.ts';
export type { LenientDocument, LenientResult } from './schemas/lenient.ts';
export { MAX_DOCUMENT_CHARS, parseJsonDocument } from './schemas/json-document.ts';
export type { JsonDocumentResult, JsonErrorPlace } from './schemas/json-document.ts';
export { authServerRequestFindings } from './findings/auth-server.ts';
export { DEFAULT_PROFILE, PROFILES, PROFILE_IDS, findProfile } from './profiles/index.ts';
export { compareProfiles, determineScope } from './api/determine.ts';
export { scopeTokens, unionTokens } from './text/scope-fast.ts';
export { FINDING_RULES, lintScenario } from './findings/lint.ts';
export type { FindingRule, LintContext, RuleHit } from './findings/rule.ts';
export {
  EXAMPLE_CLIENT_ID,
  EXAMPLE_CODE_CHALLENGE,
  EXAMPLE_REDIRECT_URI,
  EXAMPLE_STATE,
  evaluateScenario,
} from './scenario/evaluate.ts';
export { locateJsonPath } from './documents/locate.ts';
export type { JsonLocation, JsonNode, JsonPath, TextRange } from './documents/locate.ts';
export { setJsonValue } from './documents/edit.ts';
export type { JsonTextEdit } from './documents/edit.ts';

export * from './discovery/index.ts';
export * from './flow/index.ts';
export * from './pictures/index.ts';
export {
  captureLine,
  DEFAULT_PRESET,
  PRESETS,
  REAL_SERVER_PRESETS,
  requestOutcomes,
} from './presets/index.ts';
export type {
  DocumentPart,
  Preset,
  Provenance,
  PublishedDocument,
  RequestOutcomes,
  ScenarioPart,
} from './presets/index.ts';
