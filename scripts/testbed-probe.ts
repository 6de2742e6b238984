import { connect } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import {
  TESTBED_ORIGIN,
  TESTBED_PROBE_PATH,
  type TestbedProbe,
} from '../app/src/discover/testbed.ts';

const CONNECT_TIMEOUT_MS = 1_000;

/** Whether a TCP connection to `origin`'s host and port opens; any failure means no. */
function isListening(origin: string): Promise<boolean> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: CONNECT_TIMEOUT_MS });
    const settle = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.once('connect', () => settle(true));
    socket.once('timeout', () => settle(false));
    socket.once('error', () => settle(false));
  });
}

/**
 * Answers GET TESTBED_PROBE_PATH with whether anything listens at `origin`, always with 200, so
 * the page learns the testbed is absent without a failed request of its own. Other requests go on.
 */
function testbedProbeHandler(origin: string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== TESTBED_PROBE_PATH || request.method !== 'GET') {
      next();
      return;
    }
    void isListening(origin).then((listening) => {
      const body: TestbedProbe = { listening };
      response.statusCode = 200;
      response.setHeader('Content-Type', 'application/json');
      response.setHeader('Cache-Control', 'no-store');
      response.end(JSON.stringify(body));
    });
  };
}

/** The dev server's half of Discover's relay check (see app/src/discover/relay.ts). */
export function testbedProbePlugin(origin: string = TESTBED_ORIGIN): Plugin {
  return {
    name: 'mcp-auth-playground:testbed-probe',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(testbedProbeHandler(origin));
    },
  };
}
