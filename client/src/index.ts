// The MCP client's authorization flow, written once over injected I/O and driven by the
// playground's page and by the CLI. See README.md for the API.

// Running the flow outside a page: discovery alone, the whole flow, a headless authorize hook.
export { discover } from './engine/discover.ts';
export type { DiscoverOptions, DiscoveredDocuments, DiscoveryOutcome } from './engine/discover.ts';
export { runFlow } from './engine/run.ts';
export type { RunFlowOptions, RunFlowResult, ToolCall } from './engine/run.ts';
export {
  followAuthorizationRedirects,
  MAX_AUTHORIZATION_REDIRECTS,
} from './engine/follow-redirects.ts';
export type { FollowRedirectsOptions } from './engine/follow-redirects.ts';
export type { AuthorizeHook, AuthorizeRequest, ClientIo } from './engine/io.ts';
export type { ExchangeEvent, StepEvent } from './engine/events.ts';
export type { EngineError, EngineErrorCode } from './engine/errors.ts';

// The steps themselves, for a driver of its own (the page's session).
export { EXECUTORS } from './steps/index.ts';
export { CLIENT_NAME } from './steps/registration.ts';
export { synchronousStep } from './flow/context.ts';
export type { StepContext, StepExecutor } from './flow/context.ts';
export { NetworkFailure } from './flow/network-failure.ts';
export { StepFailure } from './flow/types.ts';
export type {
  AuthServerMetadataData,
  AuthorizationRequestData,
  AuthorizationResponseData,
  ClientCredentials,
  FlowConfig,
  FlowSnapshot,
  McpData,
  PendingAuthorization,
  ProbeData,
  RefreshData,
  RegistrationData,
  ResourceMetadataData,
  ScopeData,
  StepDataMap,
  StepDataOf,
  StepOutput,
  TokenData,
  TokenSet,
  WriteNoteData,
  WriteNoteRetryData,
} from './flow/types.ts';
