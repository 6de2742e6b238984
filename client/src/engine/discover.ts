import type { HttpExchange } from '@mcp-auth-playground/core';
import type { AuthServerMetadataData, ProbeData, ResourceMetadataData } from '../flow/types.ts';
import { internalError } from './errors.ts';
import type { EngineError } from './errors.ts';
import type { ExchangeEvent, StepEvent } from './events.ts';
import type { ClientIo } from './io.ts';
import { FlowRun, Stopped } from './run.ts';

export interface DiscoverOptions {
  serverUrl: string;
  io: Pick<ClientIo, 'fetch' | 'now'>;
  onStep?: (event: StepEvent) => void;
  onExchange?: (event: ExchangeEvent) => void;
  signal?: AbortSignal;
}

/** The documents discovery read, as served: what core's `evaluateScenario` takes. */
export interface DiscoveredDocuments {
  /** The WWW-Authenticate header of the 401. */
  wwwAuthenticate?: string;
  resourceMetadata?: unknown;
  authServerMetadata?: unknown;
}

export interface DiscoveryOutcome {
  /** True when all three steps found what the flow needs. */
  ok: boolean;
  /** Why discovery stopped, when it did; the steps' data says what was found before. */
  error?: EngineError;
  serverUrl: string;
  probe?: ProbeData;
  resourceMetadata?: ResourceMetadataData;
  authServerMetadata?: AuthServerMetadataData;
  documents: DiscoveredDocuments;
  /** Every exchange in order, secrets shortened (discovery sends none). */
  exchanges: HttpExchange[];
}

const NO_AUTHORIZE = () =>
  Promise.reject(new Error('discovery never sends the user agent anywhere'));

const NO_RANDOM = (): Uint8Array => {
  throw new Error('discovery needs no random values');
};

/**
 * The unauthenticated request, the Protected Resource Metadata and the authorization server
 * metadata, exactly as the flow's first three steps make them. Never rejects.
 */
export async function discover(options: DiscoverOptions): Promise<DiscoveryOutcome> {
  const run = new FlowRun({
    serverUrl: options.serverUrl,
    profile: 'mcp-2026-07-28',
    redirectUri: 'http://127.0.0.1/callback',
    io: { ...options.io, authorize: NO_AUTHORIZE, randomBytes: NO_RANDOM },
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let error: EngineError | undefined;
  try {
    await run.discover();
  } catch (caught) {
    error = caught instanceof Stopped ? caught.error : internalError(undefined, caught);
  }
  const { steps, exchanges } = run.summary();
  const probe = steps.probe;
  const resourceMetadata = steps['resource-metadata'];
  const authServerMetadata = steps['authorization-server-metadata'];
  return {
    ok: error === undefined,
    ...(error ? { error } : {}),
    serverUrl: options.serverUrl,
    ...(probe ? { probe } : {}),
    ...(resourceMetadata ? { resourceMetadata } : {}),
    ...(authServerMetadata ? { authServerMetadata } : {}),
    documents: {
      ...(probe?.wwwAuthenticate === undefined ? {} : { wwwAuthenticate: probe.wwwAuthenticate }),
      ...(resourceMetadata?.document === undefined
        ? {}
        : { resourceMetadata: resourceMetadata.document }),
      ...(authServerMetadata?.document === undefined
        ? {}
        : { authServerMetadata: authServerMetadata.document }),
    },
    exchanges,
  };
}
