import { discover } from '@mcp-auth-playground/client';
import type { DiscoveryOutcome, EngineError } from '@mcp-auth-playground/client';
import { evaluateScenario } from '@mcp-auth-playground/core';
import type {
  DiscoveryFinding,
  Evaluation,
  HttpExchange,
  ProfileId,
  Scenario,
} from '@mcp-auth-playground/core';

export interface CheckInput {
  serverUrl: string;
  profile: ProfileId;
  clientMetadata: unknown;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** Each request once it has settled, in the order sent. */
  onRequest?: (exchange: HttpExchange) => void;
}

/** Why a check could not judge the server: it never reached it, or could not read its answers. */
export interface Unusable {
  kind: 'unreachable' | 'unreadable' | 'cancelled';
  /** Which URL and why, in the words a server author acts on. */
  message: string;
}

export interface CheckResult {
  serverUrl: string;
  exchanges: HttpExchange[];
  discovery: DiscoveryOutcome;
  /** Every finding discovery made, step by step. */
  discoveryFindings: DiscoveryFinding[];
  scenario: Scenario;
  evaluation: Evaluation;
  /** Set when the server could not be reached or read: the check is then no verdict. */
  unusable?: Unusable;
}

/**
 * Discovers what a client would from the server URL alone, with the engine's own first three
 * steps (the unauthenticated request, the Protected Resource Metadata, the authorization server
 * metadata), then evaluates the documents found with core, for the given client metadata and
 * profile. Never throws for anything the server does.
 */
export async function runCheck(input: CheckInput): Promise<CheckResult> {
  const discovery = await discover({
    serverUrl: input.serverUrl,
    io: { fetch: input.fetch, now: Date.now },
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onRequest ? { onExchange: ({ exchange }) => input.onRequest?.(exchange) } : {}),
  });
  const scenario: Scenario = {
    serverUrl: input.serverUrl,
    profile: input.profile,
    clientMetadata: input.clientMetadata,
    ...discovery.documents,
  };
  const result: CheckResult = {
    serverUrl: input.serverUrl,
    exchanges: discovery.exchanges,
    discovery,
    discoveryFindings: [
      ...(discovery.probe?.findings ?? []),
      ...(discovery.resourceMetadata?.findings ?? []),
      ...(discovery.authServerMetadata?.findings ?? []),
    ],
    scenario,
    evaluation: evaluateScenario(scenario),
  };
  const unusable = discovery.error && unusableReason(discovery.error, discovery.exchanges);
  if (unusable) result.unusable = unusable;
  return result;
}

const UNREACHABLE: ReadonlySet<EngineError['code']> = new Set([
  'unreachable',
  'timeout',
  'redirect-loop',
]);
const UNREADABLE: ReadonlySet<EngineError['code']> = new Set(['not-json', 'too-large']);

function isHtml(exchange: HttpExchange | undefined): boolean {
  const type = exchange?.response?.headers.find(([name]) => name.toLowerCase() === 'content-type');
  return /\btext\/html\b/i.test(type?.[1] ?? '') || /^\s*</.test(exchange?.response?.body ?? '');
}

/**
 * When discovery stopped because of the network or an answer it could not read, rather than
 * something the server chose to serve (a 404, a document naming another issuer): those are
 * findings, and the check still has a verdict. A web page where the MCP endpoint should be
 * counts as unreadable: the URL is most likely not the server's MCP endpoint.
 */
export function unusableReason(
  error: EngineError,
  exchanges: readonly HttpExchange[],
): Unusable | undefined {
  if (error.code === 'cancelled') return { kind: 'cancelled', message: 'the check was cancelled' };
  if (UNREACHABLE.has(error.code)) return { kind: 'unreachable', message: error.message };
  if (UNREADABLE.has(error.code)) return { kind: 'unreadable', message: error.message };
  const probe = exchanges.find((exchange) => exchange.step === 'probe');
  if (error.step === 'probe' && isHtml(probe)) {
    return {
      kind: 'unreadable',
      message: `${probe?.request.url} answered ${probe?.response?.status} with a web page, not MCP: check that the URL is the server's MCP endpoint (it often ends in /mcp).`,
    };
  }
  return undefined;
}
