import { createServer as createTcpServer, type Server } from 'node:net';
import { expect, test } from '@playwright/test';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { TESTBED_ORIGIN, TESTBED_PROBE_PATH } from '../app/src/discover/testbed.ts';
import { testbedProbePlugin } from '../scripts/testbed-probe.ts';

// `npm run dev` without the testbed: the page must learn that no relay runs without a request
// to the testbed's closed port, which Chromium would print as a console error on every load.

/** A loopback port that was free a moment ago and now has nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** A bare Vite dev server with only the probe plugin, asking about `origin`. */
async function probeServer(origin: string): Promise<ViteDevServer> {
  const server = await createViteServer({
    configFile: false,
    logLevel: 'silent',
    plugins: [testbedProbePlugin(origin)],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
    optimizeDeps: { noDiscovery: true },
  });
  await server.listen();
  return server;
}

async function probe(server: ViteDevServer): Promise<unknown> {
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the dev server has no address');
  const response = await fetch(new URL(TESTBED_PROBE_PATH, base));
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.json();
}

test('the dev server tells whether anything listens at the testbed’s address', async () => {
  const port = await closedPort();
  const absent = await probeServer(`http://localhost:${port}`);
  try {
    expect(await probe(absent)).toEqual({ listening: false });
  } finally {
    await absent.close();
  }

  let listener: Server | undefined;
  const present = await probeServer(`http://localhost:${port}`);
  try {
    listener = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => listener?.listen(port, '127.0.0.1', resolve));
    expect(await probe(present)).toEqual({ listening: true });
  } finally {
    await present.close();
    await new Promise((resolve) => listener?.close(resolve));
  }
});

test('with no testbed, the playground never asks the testbed and logs no error, even when asked to run live', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const askedTestbed: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(TESTBED_ORIGIN)) askedTestbed.push(request.url());
  });
  // The dev server in this run has the testbed beside it; here it answers as it would alone.
  await page.route(`**${TESTBED_PROBE_PATH}`, (route) =>
    route.fulfill({ json: { listening: false } }),
  );

  await page.goto('/');
  await expect(page.getByTestId('decision-scope')).toHaveText('files:read offline_access', {
    timeout: 20_000,
  });
  await expect(page.locator('[data-relay="absent"]')).toContainText('No local relay is running');

  await page.getByRole('button', { name: 'Run this scenario live', exact: true }).click();
  await expect(page.locator('.run-live-status')).toHaveText(
    `The testbed did not answer at ${TESTBED_ORIGIN}. Start it with npm start (or npm run testbed), then try again.`,
  );
  expect(askedTestbed).toEqual([]);
  expect(problems).toEqual([]);
});
