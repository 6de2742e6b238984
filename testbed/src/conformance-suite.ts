import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// Runs the official MCP conformance suite's authorization-server scenarios
// (`authorization-server-metadata-endpoint`, `authorization-code-grant`) against one of the
// testbed's authorization servers, unattended. The suite prints an authorization URL for a person
// to open and waits for the redirect on its own loopback callback server; here the testbed must be
// auto-approving (TESTBED_AUTO_APPROVE=1), and this runner plays the browser: it follows the
// printed URL's redirects with a cookie jar until the suite's callback URL, and requests that.

/** The wrapper that runs the suite's CLI on Node 20 too (see scripts/conformance/suite.mjs). */
const SUITE = fileURLToPath(new URL('../../scripts/conformance/suite.mjs', import.meta.url));

export interface SuiteRunOptions {
  /** The authorization server's issuer, e.g. http://localhost:4000/as/default. */
  issuer: string;
  /** The MCP server the token is for (RFC 8707 `resource`). */
  resource: string;
  /** Where each line of the suite's output goes as it arrives. */
  onLine?: (line: string) => void;
  /** Gives up after this long (the suite itself waits up to 5 minutes for the callback). */
  timeoutMs?: number;
}

export interface SuiteRun {
  exitCode: number;
  output: string;
  /** `Total: N passed, M failed` from the suite's summary, when it printed one. */
  passed?: number;
  failed?: number;
  /** What went wrong on this side (registration, the redirect chain), if anything. */
  problem?: string;
}

/** A free loopback port for the suite's callback server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Registers a native public client whose redirect URI is the suite's callback. */
async function registerClient(issuer: string, redirectUri: string): Promise<string> {
  const response = await fetch(`${issuer}/reg`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_name: 'MCP conformance suite',
      application_type: 'native',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    }),
  });
  const body = (await response.json()) as { client_id?: string; error_description?: string };
  if (response.status !== 201 || typeof body.client_id !== 'string') {
    throw new Error(
      `registration at ${issuer}/reg answered ${response.status}: ${body.error_description ?? 'no client_id'}`,
    );
  }
  return body.client_id;
}

/**
 * Follows an authorization URL's redirects, carrying cookies between hops as a browser would,
 * until the redirect to `callbackPrefix`, which it then requests.
 */
export async function approveInBrowserPlace(start: string, callbackPrefix: string): Promise<void> {
  const cookies = new Map<string, string>();
  let url = new URL(start);
  for (let hop = 0; hop < 10; hop++) {
    const headers: Record<string, string> = {};
    if (cookies.size > 0) {
      headers.Cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const response = await fetch(url, { redirect: 'manual', headers });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';', 1)[0] ?? '';
      const separator = pair.indexOf('=');
      if (separator > 0) cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) {
      throw new Error(
        `${url.href} answered ${response.status} instead of a redirect: is the testbed started with TESTBED_AUTO_APPROVE=1?`,
      );
    }
    await response.arrayBuffer();
    url = new URL(location, url);
    if (url.href.startsWith(callbackPrefix)) return deliverCallback(url);
  }
  throw new Error(`${start} redirected more than 10 times without reaching ${callbackPrefix}.`);
}

/**
 * Requests the suite's callback URL. The suite prints the authorization URL before its callback
 * server has necessarily started listening, so a refused connection is retried for a moment.
 */
async function deliverCallback(url: URL): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch (error) {
      if (attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Runs the suite's authorization-server scenarios once, and reads its tally. */
export async function runAuthorizationServerSuite(options: SuiteRunOptions): Promise<SuiteRun> {
  const port = await freePort();
  const callback = `http://127.0.0.1:${port}/callback`;
  const clientId = await registerClient(options.issuer, callback);
  const authorizationEndpoint = `${options.issuer}/auth?`;

  const child = spawn(
    process.execPath,
    [
      SUITE,
      'authorization',
      '--url',
      options.issuer,
      '--client-id',
      clientId,
      '--resource',
      options.resource,
      '--port',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let pending = '';
  let problem: string | undefined;
  let approval: Promise<void> | undefined;

  const onText = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      options.onLine?.(line);
      const trimmed = line.trim();
      if (approval === undefined && trimmed.startsWith(authorizationEndpoint)) {
        approval = approveInBrowserPlace(trimmed, callback).catch((error: unknown) => {
          problem = (error as Error).message;
          child.kill();
        });
      }
    }
  };
  child.stdout.on('data', onText);
  child.stderr.on('data', onText);

  const timer = setTimeout(() => {
    problem = `the suite did not finish within ${(options.timeoutMs ?? 120_000) / 1000} s`;
    child.kill();
  }, options.timeoutMs ?? 120_000);
  const exitCode = await new Promise<number>((resolve) => {
    child.on('close', (code) => resolve(code ?? 1));
  });
  clearTimeout(timer);
  await approval;
  if (pending !== '') options.onLine?.(pending);

  const total = /Total: (\d+) passed, (\d+) failed/.exec(output);
  return {
    exitCode,
    output,
    ...(total ? { passed: Number(total[1]), failed: Number(total[2]) } : {}),
    ...(problem ? { problem } : {}),
  };
}
