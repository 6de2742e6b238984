/**
 * Ids of the rule nodes profiles share. A profile's `rule` lists the ones it has, in its own
 * order; its decision steps use the same ids, so a drawing of the rule can light the path taken.
 */
export const STEP_UP = 'step-up';
export const CHALLENGE_SCOPE = 'challenge-scope';
export const RESOURCE_SCOPES = 'resource-scopes';
export const CLIENT_SCOPE = 'client-scope';
export const AUTH_SERVER_SCOPES = 'auth-server-scopes';
export const OMIT = 'omit';
export const OFFLINE_ACCESS_RULE = 'offline-access';
export const PROMPT_CONSENT = 'prompt-consent';
