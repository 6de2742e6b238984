/** The testbed only ever listens on loopback: it is a teaching server, not a deployment. */
export const TESTBED_HOST = '127.0.0.1';
export const DEFAULT_TESTBED_PORT = 4000;

/**
 * The host name every public URL uses. Browsers treat `localhost` as a secure context and the
 * playground's pre-registered redirect URI names it, so issuers and resources use it too.
 */
export const PUBLIC_HOST = 'localhost';

/** The playground's own callback, registered for every client the testbed knows in advance. */
export const PLAYGROUND_REDIRECT_URI = 'http://localhost:5173/callback';
export const PLAYGROUND_CLIENT_ID = 'playground';

/**
 * The origins of the playground's own pages: the dev server and the preview of a build. Only
 * these may call the relay and the testbed's write endpoints from a browser. Another port or host
 * is added with TESTBED_PLAYGROUND_ORIGINS (comma-separated origins).
 */
export const DEFAULT_PLAYGROUND_ORIGINS = ['http://localhost:5173', 'http://localhost:4173'];

export function playgroundOrigins(env: NodeJS.ProcessEnv = process.env): ReadonlySet<string> {
  const raw = env.TESTBED_PLAYGROUND_ORIGINS;
  if (raw === undefined || raw.trim() === '') return new Set(DEFAULT_PLAYGROUND_ORIGINS);
  const origins = new Set<string>();
  for (const entry of raw.split(',')) {
    const text = entry.trim();
    if (text === '') continue;
    let origin: string;
    try {
      origin = new URL(text).origin;
    } catch {
      origin = 'null';
    }
    if (origin === 'null' || origin !== text.replace(/\/$/, '')) {
      throw new Error(
        `TESTBED_PLAYGROUND_ORIGINS must list origins such as http://localhost:5173, not '${text}'.`,
      );
    }
    origins.add(origin);
  }
  return origins;
}

/** Scopes of the default MCP server's protected resource. */
export const MCP_READ_SCOPE = 'mcp:read';
export const MCP_WRITE_SCOPE = 'mcp:write';

/**
 * What every authorization server here grants a request that names no `scope`: the read scope,
 * enough for tools/list and read_notes. write_note still needs mcp:write, asked for by name (or
 * after its 403 insufficient_scope challenge).
 */
export const DEFAULT_GRANTED_SCOPES: readonly string[] = [MCP_READ_SCOPE];

/**
 * Limits on live scenarios, so a page left open (or a hostile one) cannot exhaust memory. A
 * scenario created or used in the last ten minutes is never evicted to make room for a new one.
 */
export const SCENARIO_LIMITS = {
  maxLive: 100,
  lifetimeMs: 60 * 60 * 1000,
  protectedMs: 10 * 60 * 1000,
  maxBodyBytes: 64 * 1024,
} as const;

/**
 * Per-process rate limits of the write endpoints: room for a person, a test suite or a CLI run,
 * not for a flood (which gets 429 with Retry-After).
 */
export const WRITE_RATE_LIMITS = {
  scenarios: { burst: 30, perSecond: 0.5 },
  registrations: { burst: 60, perSecond: 1 },
} as const;

/** Each authorization server's storage (provider-store.ts). */
export const PROVIDER_STORE_LIMITS = {
  maxClients: 500,
  clientTtlSeconds: 24 * 60 * 60,
  maxPerKind: 5000,
} as const;

export function testbedPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TESTBED_PORT;
  if (raw === undefined || raw === '') return DEFAULT_TESTBED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`TESTBED_PORT must be a port number from 0 to 65535, not '${raw}'.`);
  }
  return port;
}

/** The origin browsers use for a testbed listening on `port`. */
export function publicOrigin(port: number): string {
  return `http://${PUBLIC_HOST}:${port}`;
}

/**
 * Whether login and consent complete without a page (auto-approve.ts): off unless the environment
 * says TESTBED_AUTO_APPROVE=1 or the command line has --auto-approve.
 */
export function autoApproveRequested(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return env.TESTBED_AUTO_APPROVE === '1' || argv.includes('--auto-approve');
}
