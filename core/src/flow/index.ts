// The public surface of the flow runner's framework-free half: the step machine, the HTTP log
// and its redaction and export, the registration plan, and display helpers for tokens.
export { MAIN_STEPS, PHASE_STEPS, REFRESH_STEPS, STEP_INFO, STEP_UP_STEPS } from './steps.ts';
export type { FlowPhase, StepInfo, StepName } from './steps.ts';
export {
  canStartPhase,
  failedStep,
  flowReducer,
  initialFlowState,
  isFlowOver,
  isHalted,
  isIdle,
  isMainPhaseDone,
  pausedStep,
  runningStep,
  STEP_STATUSES,
} from './machine.ts';
export type {
  FlowEvent,
  FlowState,
  RunMode,
  StartablePhase,
  StepError,
  StepState,
  StepStatus,
} from './machine.ts';
export { parseFlowState } from './machine-schema.ts';
export { isAbort, MAX_LOGGED_BODY, navigationExchange, recordingFetch } from './http-log.ts';
export type {
  ExchangeFailure,
  ExchangeFailureKind,
  HeaderList,
  HttpExchange,
  LoggedRequest,
  LoggedResponse,
  RecordingOptions,
} from './http-log.ts';
export {
  collectSecrets,
  redactExchange,
  redactLog,
  redactText,
  REMOVED,
  SECRET_HEADERS,
  SECRET_JSON_MEMBERS,
  SECRET_PARAMETERS,
  shortenSecret,
} from './redact.ts';
export type { RedactionMode } from './redact.ts';
export { shellQuote, toCurl, toCurlScript, toHar } from './export.ts';
export type { HarEntry, HarLog } from './export.ts';
export {
  cimdUrlProblem,
  clientIdMetadataDocument,
  dynamicRegistrationBody,
  isLoopbackUrl,
  planRegistration,
  publicClientMetadata,
  readRegistrationResponse,
} from './registration.ts';
export type {
  ClientMetadataOptions,
  RegistrationChoice,
  RegistrationMethod,
  RegistrationOptions,
  RegistrationPlan,
  RegistrationResult,
} from './registration.ts';
export { decodeTokenForDisplay, describeExpiry } from './jwt-display.ts';
export type { DecodedToken } from './jwt-display.ts';
export {
  eventStreamMessages,
  initializedNotification,
  initializeRequest,
  listedTools,
  MCP_PROTOCOL_VERSION,
  mcpRequestHeaders,
  readJsonRpcResponse,
  toolCallRequest,
  toolCallText,
  toolsListRequest,
} from './mcp-rpc.ts';
export type { JsonRpcOutcome, JsonRpcRequest, McpHeaderOptions, ToolSummary } from './mcp-rpc.ts';
export { describeRotation, explainMissingRefreshToken } from './refresh.ts';
export type { Explanation, MissingRefreshTokenInput, Rotation } from './refresh.ts';
export { corsAdvice, needsPreflight, preflightHeaders } from './cors.ts';
export type { CorsAdvice, CorsRequest } from './cors.ts';
export { initialScopeInput, isInsufficientScope, stepUpDecision } from './scope-input.ts';
export type { FlowDocuments, StepUpDecision, StepUpInput } from './scope-input.ts';
