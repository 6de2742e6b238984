import { CITES } from '../cite.ts';
import type { Cite } from '../cite.ts';

/**
 * The flow is run in phases. `main` goes from an MCP server URL to an authenticated `tools/list`;
 * `refresh` and `step-up` start from its end, when the user asks for them.
 */
export type FlowPhase = 'main' | 'refresh' | 'step-up';

export const MAIN_STEPS = [
  'probe',
  'resource-metadata',
  'authorization-server-metadata',
  'registration',
  'scope',
  'authorization-request',
  'authorization-response',
  'token',
  'mcp',
] as const;

export const REFRESH_STEPS = ['refresh'] as const;

export const STEP_UP_STEPS = [
  'write-note',
  'step-up-authorization-request',
  'step-up-authorization-response',
  'step-up-token',
  'write-note-retry',
] as const;

export type StepName =
  (typeof MAIN_STEPS)[number] | (typeof REFRESH_STEPS)[number] | (typeof STEP_UP_STEPS)[number];

export const PHASE_STEPS: Readonly<Record<FlowPhase, readonly StepName[]>> = {
  main: MAIN_STEPS,
  refresh: REFRESH_STEPS,
  'step-up': STEP_UP_STEPS,
};

export interface StepInfo {
  title: string;
  /** What the step does and why, in one or two plain sentences. */
  summary: string;
  cite: Cite;
  /** True for the steps that leave the page for the authorization server and come back. */
  redirects?: true;
}

/** The text each step shows beside its status; the spec section is one click away. */
export const STEP_INFO: Readonly<Record<StepName, StepInfo>> = {
  probe: {
    title: 'Unauthenticated MCP request',
    summary:
      'Send an MCP initialize request without a token; a protected server answers 401 with a WWW-Authenticate challenge that points at its metadata.',
    cite: CITES.bearerChallenge,
  },
  'resource-metadata': {
    title: 'Protected Resource Metadata',
    summary:
      'Fetch the resource metadata from the challenge’s resource_metadata URL, then the well-known URLs, in order, until one answers.',
    cite: CITES.protectedResourceMetadata,
  },
  'authorization-server-metadata': {
    title: 'Authorization server metadata',
    summary:
      'Try the RFC 8414 and OpenID discovery URLs of the first listed authorization server in order; the document’s issuer must equal the issuer used to build the URL.',
    cite: CITES.authServerDiscovery,
  },
  registration: {
    title: 'Client registration',
    summary:
      'Use a pre-registered client, else a Client ID Metadata Document when the server supports it, else Dynamic Client Registration, else ask the user.',
    cite: CITES.clientRegistration,
  },
  scope: {
    title: 'Scope decision',
    summary:
      'The selected profile decides the scope from the challenge, the resource metadata and the authorization server metadata.',
    cite: CITES.scopeSelection,
  },
  'authorization-request': {
    title: 'Authorization request',
    summary:
      'Create the PKCE pair and state, record the issuer beside them, and build the authorization URL with the resource parameter.',
    cite: CITES.authorizationCodeProtection,
  },
  'authorization-response': {
    title: 'Redirect and authorization response',
    summary:
      'The browser goes to the authorization server, signs in and consents, and comes back to /callback, where state and iss are checked before the code is used.',
    cite: CITES.authorizationResponse,
    redirects: true,
  },
  token: {
    title: 'Token request',
    summary:
      'Exchange the code with the PKCE verifier and the resource parameter for tokens, which stay in this page’s memory only.',
    cite: CITES.resourceIndicators,
  },
  mcp: {
    title: 'Authenticated MCP requests',
    summary:
      'Repeat initialize with the access token in the Authorization header, then list the server’s tools.',
    cite: CITES.flowSteps,
  },
  refresh: {
    title: 'Refresh',
    summary:
      'Use the refresh token for a new access token; a public client gets a new refresh token each time, and the old one must not be used again.',
    cite: CITES.refreshTokens,
  },
  'write-note': {
    title: 'Call write_note',
    summary:
      'Call a tool that needs more scope than the token carries; the server answers 403 insufficient_scope and the profile computes the scope to ask for.',
    cite: CITES.stepUp,
  },
  'step-up-authorization-request': {
    title: 'Step-up authorization request',
    summary: 'A new PKCE pair, state and authorization URL for the step-up scope.',
    cite: CITES.stepUp,
  },
  'step-up-authorization-response': {
    title: 'Step-up redirect and response',
    summary:
      'Back to the authorization server for consent to the larger scope; state and iss are checked again on the way back.',
    cite: CITES.authorizationResponse,
    redirects: true,
  },
  'step-up-token': {
    title: 'Step-up token request',
    summary: 'Exchange the new code for a token carrying the step-up scope.',
    cite: CITES.resourceIndicators,
  },
  'write-note-retry': {
    title: 'Retry write_note',
    summary:
      'Retry the call once with the new token; a client stops after a few attempts rather than loop on 403.',
    cite: CITES.stepUp,
  },
};
