import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { authorizeAtTestbed } from '../e2e/flow-authorize.ts';
import { percentile, type BenchSuite } from './suite.ts';

const RUNS = 7;
const ROOT = resolve(import.meta.dirname, '..');
/** Inside node_modules, so no lint, type check or formatter looks at the build. */
const OUT_DIR = 'node_modules/.cache/flow-bench';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * The testbed in its own process, as `npm start` runs it, so the authorization server does not
 * share an event loop with the browser driver being timed.
 */
async function startTestbed(port: number): Promise<{ origin: string; stop: () => void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(ROOT, 'testbed/src/main.ts')],
    { cwd: ROOT, env: { ...process.env, TESTBED_PORT: String(port) }, stdio: 'ignore' },
  );
  const origin = `http://localhost:${port}`;
  const stop = () => {
    child.kill('SIGTERM');
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The testbed exited with ${child.exitCode}.`);
    try {
      if ((await fetch(`${origin}/health`)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  stop();
  throw new Error('The testbed did not start within 60 s.');
}

/**
 * One run in a fresh browser context (no session at the authorization server yet): from pressing
 * Run all with the server URL filled in, through Dynamic Client Registration, the dev login and
 * consent pages, the callback page load and the token request, to the tools listed on screen.
 */
async function runOnce(
  browser: Browser,
  appOrigin: string,
  testbedOrigin: string,
): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${appOrigin}/flow?server=${encodeURIComponent(`${testbedOrigin}/mcp`)}`);
    const runAll = page.getByRole('button', { name: 'Run all' });
    await runAll.waitFor();
    const start = performance.now();
    await runAll.click();
    await authorizeAtTestbed(page, testbedOrigin);
    await page.getByTestId('tools-list').waitFor({ timeout: 30_000 });
    return performance.now() - start;
  } finally {
    await context.close();
  }
}

/**
 * Self-contained: builds the app as `npm run build` does and serves it with `vite preview`, starts
 * the testbed, both on free ports (the app registers its own loopback redirect URI with Dynamic
 * Client Registration, so it needs no fixed port), drives the system's Chromium, and stops
 * everything at the end. Nothing needs to be running, and nothing on 5173 or 4000 is touched.
 */
export const flowSuite: BenchSuite = {
  name: 'flow',
  async run() {
    const config = {
      root: ROOT,
      configFile: resolve(ROOT, 'vite.config.ts'),
      logLevel: 'error' as const,
    };
    await build({ ...config, build: { outDir: OUT_DIR, emptyOutDir: true } });
    const [appPort, testbedPort] = [await freePort(), await freePort()];
    const app = await preview({
      ...config,
      build: { outDir: OUT_DIR },
      preview: { port: appPort, strictPort: true, host: 'localhost' },
    });
    const testbed = await startTestbed(testbedPort);
    const executablePath = findChromium();
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    });
    const appOrigin = `http://localhost:${appPort}`;
    const samples: number[] = [];
    try {
      // A first run warms the testbed (key generation, first registrations); it is not counted.
      await runOnce(browser, appOrigin, testbed.origin);
      for (let i = 0; i < RUNS; i++)
        samples.push(await runOnce(browser, appOrigin, testbed.origin));
    } finally {
      await browser.close();
      await new Promise<void>((done) => app.httpServer.close(() => done()));
      testbed.stop();
    }
    return [
      {
        figure: `Run all, server URL to tools/list with login and consent (median of ${RUNS})`,
        value: percentile(samples, 50),
        unit: 'ms',
        target: { below: 3000 },
      },
      {
        figure: `Run all, server URL to tools/list with login and consent (slowest of ${RUNS})`,
        value: Math.max(...samples),
        unit: 'ms',
      },
    ];
  },
};
