import { findProfile, parseFlowState, redactLog } from '@mcp-auth-playground/core';
import type { FlowState, HttpExchange } from '@mcp-auth-playground/core';
import type { FlowConfig, PendingAuthorization, StepDataMap } from '@mcp-auth-playground/client';

// What survives the redirect to the authorization server, in sessionStorage only (one tab, gone
// when it closes): the verifier, state and recorded issuer, and the flow so far. It is written
// just before the browser leaves and taken out as soon as it is back. Tokens are never in it,
// and the log is stored with every secret removed.

const STORAGE_KEY = 'mcp-auth-playground:flow:v1';

export interface StoredFlow {
  version: 1;
  config: FlowConfig;
  machine: FlowState;
  data: StepDataMap;
  log: HttpExchange[];
  pending: PendingAuthorization;
  sequence: number;
}

export function saveFlow(storage: Storage, flow: StoredFlow, secrets: Iterable<string>): void {
  const stored: StoredFlow = { ...flow, log: redactLog(flow.log, 'remove', secrets) };
  storage.setItem(STORAGE_KEY, JSON.stringify(stored));
}

export function clearFlow(storage: Storage | undefined): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage that cannot be written holds nothing of ours either.
  }
}

export type TakenFlow =
  { kind: 'none' } | { kind: 'unreadable' } | { kind: 'flow'; flow: StoredFlow };

/** Reads the stored flow and removes it: a response is matched to a request at most once. */
export function takeFlow(storage: Storage | undefined): TakenFlow {
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  clearFlow(storage);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable' };
  }
  const flow = readStoredFlow(value);
  return flow ? { kind: 'flow', flow } : { kind: 'unreadable' };
}

/** True when a flow is stored, without taking it. */
export function hasStoredFlow(storage: Storage | undefined): boolean {
  try {
    return storage?.getItem(STORAGE_KEY) != null;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';

function readConfig(value: unknown): FlowConfig | undefined {
  if (!isRecord(value)) return undefined;
  const { serverUrl, registration, clientId, cimdUrl, profile } = value;
  if (![serverUrl, clientId, cimdUrl].every(isString)) return undefined;
  if (!['auto', 'pre-registered', 'cimd', 'dcr'].includes(registration as string)) return undefined;
  const known = findProfile(profile);
  if (!known) return undefined;
  return {
    serverUrl: serverUrl as string,
    registration: registration as FlowConfig['registration'],
    clientId: clientId as string,
    cimdUrl: cimdUrl as string,
    profile: known.id,
  };
}

function readPending(value: unknown): PendingAuthorization | undefined {
  if (!isRecord(value)) return undefined;
  const { phase, state, codeVerifier, issuer, redirectUri, authorizationUrl, scope } = value;
  if (phase !== 'main' && phase !== 'step-up') return undefined;
  if (![state, codeVerifier, issuer, redirectUri, authorizationUrl].every(isString))
    return undefined;
  if (scope !== undefined && !isString(scope)) return undefined;
  return {
    phase,
    state: state as string,
    codeVerifier: codeVerifier as string,
    issuer: issuer as string,
    redirectUri: redirectUri as string,
    authorizationUrl: authorizationUrl as string,
    ...(scope === undefined ? {} : { scope }),
  };
}

function isExchange(value: unknown): value is HttpExchange {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.step) &&
    isRecord(value.request) &&
    isString(value.request.url) &&
    isString(value.request.method) &&
    Array.isArray(value.request.headers)
  );
}

/**
 * Only this page writes the entry, but a stored value is still input: anything that is not what
 * `saveFlow` wrote is refused whole, and the flow starts again.
 */
export function readStoredFlow(value: unknown): StoredFlow | undefined {
  if (!isRecord(value) || value.version !== 1) return undefined;
  const config = readConfig(value.config);
  const machine = parseFlowState(value.machine);
  const pending = readPending(value.pending);
  const { data, log, sequence } = value;
  if (!config || !machine || !pending || !isRecord(data)) return undefined;
  if (!Object.values(data).every(isRecord)) return undefined;
  if (!Array.isArray(log) || !log.every(isExchange)) return undefined;
  if (typeof sequence !== 'number' || !Number.isInteger(sequence)) return undefined;
  return { version: 1, config, machine, data: data, log, pending, sequence };
}
