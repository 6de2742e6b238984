import { discoverFromServer, evaluateScenario } from '@mcp-auth-playground/core';
import type {
  DiscoveryAttempt,
  DiscoveryFinding,
  DiscoveryResult,
  DiscoveryStep,
  Evaluation,
  HttpExchange,
  ProfileId,
  Scenario,
  StepName,
} from '@mcp-auth-playground/core';
import { ExchangeLog } from '../exchange-log.ts';

export interface CheckInput {
  serverUrl: string;
  profile: ProfileId;
  clientMetadata: unknown;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** Each request once it has settled, in the order sent. */
  onRequest?: (attempt: DiscoveryAttempt) => void;
}

/** Why a check could not judge the server: it never reached it, or could not read its answers. */
export interface Unusable {
  kind: 'unreachable' | 'unreadable';
  /** The finding that says which URL and why, in the words a server author acts on. */
  finding: DiscoveryFinding;
}

export interface CheckResult {
  serverUrl: string;
  exchanges: HttpExchange[];
  discovery: DiscoveryResult;
  scenario: Scenario;
  evaluation: Evaluation;
  /** Set when the server could not be reached or read: the check is then no verdict. */
  unusable?: Unusable;
}

/** The flow's names for discovery's steps, so the log reads as the playground's does. */
const STEP_NAMES: Record<DiscoveryStep, StepName> = {
  challenge: 'probe',
  'resource-metadata': 'resource-metadata',
  'auth-server-metadata': 'authorization-server-metadata',
};

/**
 * Discovers what a client would from the server URL alone (the unauthenticated request, the
 * Protected Resource Metadata, the authorization server metadata: core's discovery, which the
 * engine's first three steps run), then evaluates the documents found with core, for the given
 * client metadata and profile. Never throws for anything the server does.
 */
export async function runCheck(input: CheckInput): Promise<CheckResult> {
  const log = new ExchangeLog();
  let current: DiscoveryAttempt | undefined;
  const recorded = log.fetch(
    input.fetch,
    () => STEP_NAMES[current?.step ?? 'challenge'],
    () => current?.purpose,
  );
  const discovery = await discoverFromServer(input.serverUrl, {
    fetch: recorded,
    ...(input.signal ? { signal: input.signal } : {}),
    onAttempt: (attempt) => {
      if (attempt.outcome === 'pending') current = attempt;
      else input.onRequest?.(attempt);
    },
  });
  const exchanges = await log.close();
  const scenario: Scenario = {
    serverUrl: input.serverUrl,
    profile: input.profile,
    clientMetadata: input.clientMetadata,
  };
  if (discovery.wwwAuthenticate !== undefined) scenario.wwwAuthenticate = discovery.wwwAuthenticate;
  if (discovery.resourceMetadata !== undefined)
    scenario.resourceMetadata = discovery.resourceMetadata;
  if (discovery.authServerMetadata !== undefined) {
    scenario.authServerMetadata = discovery.authServerMetadata;
  }
  const result: CheckResult = {
    serverUrl: input.serverUrl,
    exchanges,
    discovery,
    scenario,
    evaluation: evaluateScenario(scenario),
  };
  const unusable = unusableReason(discovery);
  if (unusable) result.unusable = unusable;
  return result;
}

const UNREACHABLE = new Set(['discovery/unreachable', 'discovery/timeout']);
const UNREADABLE = new Set(['discovery/not-json', 'discovery/too-large']);

/**
 * The first discovery step that got nothing, when what stopped it was the network or an answer
 * that could not be read rather than something the server chose to serve (a 404, a document
 * naming another issuer): those are findings, and the check still has a verdict.
 */
export function unusableReason(discovery: DiscoveryResult): Unusable | undefined {
  const stages: { subject: DiscoveryFinding['subject']; got: boolean; ran: boolean }[] = [
    { subject: 'www-authenticate', got: discovery.challengeStatus !== undefined, ran: true },
    {
      subject: 'resource-metadata',
      got: discovery.resourceMetadata !== undefined,
      ran: discovery.attempts.some((attempt) => attempt.step === 'resource-metadata'),
    },
    {
      subject: 'auth-server-metadata',
      got: discovery.authServerMetadata !== undefined,
      ran: discovery.authorizationServer !== undefined,
    },
  ];
  const failed = stages.find((stage) => stage.ran && !stage.got);
  if (failed === undefined) return undefined;
  const ofStage = discovery.findings.filter((finding) => finding.subject === failed.subject);
  const unreachable = ofStage.find((finding) => UNREACHABLE.has(finding.id));
  if (unreachable) return { kind: 'unreachable', finding: unreachable };
  const unreadable = ofStage.find((finding) => UNREADABLE.has(finding.id));
  if (unreadable) return { kind: 'unreadable', finding: unreadable };
  return undefined;
}
