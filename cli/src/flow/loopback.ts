import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loopbackRedirectUri } from '../client-metadata.ts';

const CLOSE_TAB_PAGE = `<!doctype html>
<meta charset="utf-8">
<title>mcp-auth-playground</title>
<p>The authorization response reached the terminal. You can close this tab.</p>
`;

/** How long to wait for the browser to come back before giving up, in milliseconds. */
export const CALLBACK_WAIT_MS = 5 * 60 * 1000;

/**
 * The redirect URI of a native client (RFC 8252 §7.3): an HTTP listener on 127.0.0.1 and a port
 * the system picks, which takes the authorization response on /callback once per authorization
 * and answers the browser with a page saying it can be closed.
 */
export class LoopbackListener {
  private waiting: ((url: string) => void) | undefined;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<LoopbackListener> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const listener = new LoopbackListener(server, (server.address() as AddressInfo).port);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => listener.answer(req, res));
    return listener;
  }

  /** Takes the authorization response when one is awaited; anything else is a 404. */
  private answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const resolve = this.waiting;
    if (req.method !== 'GET' || url.pathname !== '/callback' || resolve === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Nothing is waiting here.\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(CLOSE_TAB_PAGE);
    this.waiting = undefined;
    resolve(`${this.redirectUri}${url.search}`);
  }

  get redirectUri(): string {
    return loopbackRedirectUri(this.port);
  }

  /** The next authorization response's URL; rejects on `signal` or after `timeoutMs`. */
  next(signal: AbortSignal, timeoutMs = CALLBACK_WAIT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(
          new Error(
            `no authorization response reached ${this.redirectUri} within ${timeoutMs / 60_000} minutes`,
          ),
        );
      }, timeoutMs);
      timer.unref();
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          this.waiting = undefined;
          reject(new Error('the run was cancelled'));
        },
        { once: true },
      );
      this.waiting = (url) => {
        clearTimeout(timer);
        resolve(url);
      };
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}
