import { compareProfiles, sanitiseInput } from '../api/determine.ts';
import { sharingWork } from '../text/shared-work.ts';
import { bearerChallenge, lintContext, readScenario } from '../findings/lint.ts';
import type { LintContext } from '../findings/rule.ts';
import { DEFAULT_PROFILE, findProfile } from '../profiles/index.ts';
import { buildAuthorizationUrl } from '../protocol/authorization-request.ts';
import { canonicalResourceUri } from '../protocol/resource-uri.ts';
import type {
  AuthorizationRequestPreview,
  Evaluation,
  Profile,
  ProfileId,
  Scenario,
  ScopeDecision,
} from '../types.ts';

/**
 * Client values for the illustrative authorization request, used when the scenario's client
 * metadata does not supply its own. They are obviously examples: the playground never builds a
 * request with a real verifier or state outside the flow runner.
 */
export const EXAMPLE_CLIENT_ID = 'example-client';
export const EXAMPLE_REDIRECT_URI = 'http://localhost:5173/callback';
export const EXAMPLE_STATE = 'example-state';
/** 43 base64url characters, the shape of an S256 challenge, spelling out that it is not one. */
export const EXAMPLE_CODE_CHALLENGE = 'example-code-challenge-not-a-real-S256-hash';

/** The scenario itself when it is an object; anything else (a caller outside TypeScript) is empty. */
function asScenario(scenario: Scenario): Scenario {
  return typeof scenario === 'object' && scenario !== null && !Array.isArray(scenario)
    ? scenario
    : {};
}

/**
 * Everything the playground shows for one scenario, from one call: the Bearer challenge read
 * from the WWW-Authenticate value, the decision of the chosen profile with its trace, every
 * profile's decision, the findings, and the authorization request the decision leads to.
 * Total: any value gives an evaluation, never an exception.
 */
export function evaluateScenario(scenario: Scenario): Evaluation {
  // The lint, the comparison and the request preview read the same documents: read them once.
  return sharingWork(() => evaluate(scenario));
}

function evaluate(scenario: Scenario): Evaluation {
  const safe = asScenario(scenario);
  const profile: Profile = findProfile(safe.profile) ?? (findProfile(DEFAULT_PROFILE) as Profile);
  const challenge = bearerChallenge(safe.wwwAuthenticate);
  const { context, schemaFindings, unparsed } = readScenario(safe, challenge);
  // The profiles decide on the documents as read once for the lint: the same values a raw
  // document gives (wrong-typed fields are remembered as such), and the lint's own comparison
  // of the clients is then the same call, answered without deciding again.
  const input = sanitiseInput({
    challengeScope: challenge?.params.scope,
    challengeError: challenge?.params.error,
    previousScope: safe.previousScope,
    resourceMetadata: context.resource,
    authServerMetadata: context.authServer,
    clientMetadata: context.client,
  });
  const comparison = compareProfiles(input);
  const decision =
    comparison.find((candidate) => candidate.profile === profile.id) ?? profile.decide(input);
  return {
    scenario: safe,
    profile: profile.id,
    challenge,
    input,
    decision,
    comparison,
    findings: lintContext(context, schemaFindings),
    authorizationRequest: previewAuthorizationRequest(safe, context, decision, profile.id),
    unparsedDocuments: unparsed,
  };
}

/** The `resource` to send: the server URL's canonical form, else the PRM's own `resource`. */
function resourceFor(context: LintContext): string | undefined {
  if (context.canonicalServerUri !== undefined) return context.canonicalServerUri;
  const declared = context.resource?.resource;
  if (declared === undefined) return undefined;
  const canonical = canonicalResourceUri(declared);
  return canonical.ok ? canonical.value : undefined;
}

function previewAuthorizationRequest(
  scenario: Scenario,
  context: LintContext,
  decision: ScopeDecision,
  profile: ProfileId,
): AuthorizationRequestPreview {
  const request = buildAuthorizationUrl({
    authServerMetadata: scenario.authServerMetadata,
    clientId: context.client?.client_id ?? EXAMPLE_CLIENT_ID,
    redirectUri: context.client?.redirect_uris?.[0] ?? EXAMPLE_REDIRECT_URI,
    scope: decision.scope,
    state: EXAMPLE_STATE,
    codeChallenge: EXAMPLE_CODE_CHALLENGE,
    resource: resourceFor(context),
    profile,
    promptConsent: decision.promptConsent,
  });
  if (!request.ok) return request;
  const fromDecision: string[] = [];
  if (request.params.some(([name]) => name === 'scope') && decision.scope !== undefined) {
    fromDecision.push('scope');
  }
  if (decision.promptConsent) fromDecision.push('prompt');
  const preview: AuthorizationRequestPreview = {
    ok: true,
    url: request.url,
    params: request.params,
    fromDecision,
  };
  if (request.deviations !== undefined) preview.deviations = request.deviations;
  return preview;
}
