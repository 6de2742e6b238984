import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CliIo } from '../src/io.ts';
import { main } from '../src/main.ts';
import { nodeFetch } from '../src/network.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  tty?: boolean;
  cwd?: string;
  fetch?: typeof fetch;
  openBrowser?: CliIo['openBrowser'];
}

/** Runs the CLI in this process, as the bin does, with its output captured. */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    env: options.env ?? {},
    fetch: options.fetch ?? nodeFetch(),
    cwd: options.cwd ?? process.cwd(),
    openBrowser: options.openBrowser ?? (() => Promise.resolve(false)),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export type Handler = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

export interface LocalServer {
  origin: string;
  close(): Promise<void>;
}

/** A small HTTP server on an ephemeral loopback port, for answers no real server should give. */
export async function localServer(handler: Handler): Promise<LocalServer> {
  let origin = '';
  const server = createServer((req, res) => {
    // Read the request body first, so an answer never races a client still sending.
    req.resume();
    req.on('end', () => handler(req, res, origin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = await localServer((_req, res) => res.end());
  const port = Number(new URL(server.origin).port);
  await server.close();
  return port;
}

/** The answer of a protected MCP server pointing at its resource metadata. */
export function challenge(res: ServerResponse, origin: string, path = '/mcp'): void {
  res.writeHead(401, {
    'www-authenticate': `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource${path}", scope="files:read"`,
    'content-type': 'application/json',
  });
  res.end('{"error":"unauthorized"}');
}

/** True when text shows a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /^\s+at /m.test(text);
}
