import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { Manifest } from 'vite';
import { securityHeaders, type PageMode } from '../scripts/security-headers.ts';
import { HOSTED_ORIGIN, HOSTED_OUT_DIR, HOSTED_URL } from './hosted-server.ts';

// The production build under /tools/auth-playground/, served by `vite preview` with the headers
// a host is told to send (playwright.config.ts starts it). Every page is loaded under the
// Content Security Policy, and any console error, uncaught exception or CSP violation fails.

const HEIGHT_MESSAGE = 'mcp-auth-playground:height';

// Each test loads a production build cold, some twice; on a busy machine that takes a while.
test.describe.configure({ timeout: 60_000 });
const FIRST_PAINT = { timeout: 15_000 };

function manifest(): Manifest {
  return JSON.parse(readFileSync(`${HOSTED_OUT_DIR}/.vite/manifest.json`, 'utf8')) as Manifest;
}

function chunkOf(source: string): string {
  const chunk = manifest()[source];
  if (!chunk) throw new Error(`The hosted build has no chunk for ${source}.`);
  return chunk.file;
}

/**
 * Collects what must never happen on a hosted page, in the page and in its frames: console
 * errors and warnings (Chromium reports CSP violations there), uncaught exceptions, and
 * `securitypolicyviolation` events, which the init script turns into console errors.
 */
async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * A docs site on another origin (127.0.0.1 rather than localhost), on a real loopback port: a
 * page Playwright fulfils itself would count as a public address, and Chromium would not let it
 * frame a loopback server at all. Its one page holds an iframe of `?src=` and sizes it from the
 * embed's height messages, as docs/embedding.md tells a host to.
 */
let docsOrigin = '';
let docsServer: Server | undefined;

function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

function docsPage(src: string, width: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Embedding example</title></head>
  <body>
    <iframe id="embed" title="Scope decision" src="${attribute(src)}" width="${attribute(width)}" height="150"></iframe>
    <script>
      window.heights = [];
      const frame = document.getElementById('embed');
      window.addEventListener('message', (event) => {
        if (event.origin !== ${JSON.stringify(HOSTED_ORIGIN)} || event.source !== frame.contentWindow) return;
        if (event.data?.type !== ${JSON.stringify(HEIGHT_MESSAGE)}) return;
        window.heights.push(event.data.height);
        frame.height = String(event.data.height);
      });
    </script>
  </body>
</html>`;
}

test.beforeAll(async () => {
  docsServer = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(docsPage(query.get('src') ?? '', query.get('width') ?? '640'));
  });
  await new Promise<void>((resolve) => docsServer?.listen(0, '127.0.0.1', resolve));
  docsOrigin = `http://127.0.0.1:${(docsServer.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => docsServer?.close(resolve));
});

async function openDocsPage(page: Page, src: string, width = 640): Promise<void> {
  const query = new URLSearchParams({ src, width: String(width) });
  await page.goto(`${docsOrigin}/embedding-example.html?${query.toString()}`);
}

async function heights(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { heights: number[] }).heights);
}

interface Permalink {
  hash: string;
  /** The decision's scope, as the playground shows it. */
  scope: string;
}

/** The permalink the playground writes into the address bar once `preset` is loaded. */
async function permalinkOfPreset(page: Page, preset: string): Promise<Permalink> {
  const hashNow = () => new URL(page.url()).hash;
  await page.goto(HOSTED_URL);
  await expect(page.getByTestId('decision-scope')).toBeVisible(FIRST_PAINT);
  // The address follows the scenario a moment after each change: first the default preset's.
  await expect.poll(hashNow).toMatch(/^#s=/);
  const before = hashNow();
  await page.getByRole('button', { name: /Presets/ }).click();
  await page.getByRole('button', { name: preset, exact: true }).click();
  await expect.poll(hashNow).not.toBe(before);
  return { hash: hashNow(), scope: (await page.getByTestId('decision-scope').textContent()) ?? '' };
}

test.describe('the hosted build under a base path', () => {
  for (const [mode, address] of [
    ['app', HOSTED_URL],
    ['embed', `${HOSTED_URL}?embed=1`],
  ] as [PageMode, string][]) {
    test(`sends the security headers of ${mode} mode`, async ({ request }) => {
      const response = await request.get(address);
      expect(response.status()).toBe(200);
      const headers = response.headers();
      for (const [name, value] of Object.entries(securityHeaders(mode))) {
        expect(headers[name.toLowerCase()], name).toBe(value);
      }
    });
  }

  test('documents exactly the headers it sends', () => {
    const docs = readFileSync('docs/embedding.md', 'utf8');
    for (const mode of ['app', 'embed'] as const) {
      for (const [name, value] of Object.entries(securityHeaders(mode))) {
        expect(docs, `${name} (${mode})`).toContain(`${name}: ${value}`);
      }
    }
  });

  test('the playground loads with its editors and no CSP violation', async ({ page }) => {
    const problems = await watchProblems(page);
    const response = await page.goto(HOSTED_URL);
    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole('heading', { level: 1, name: 'MCP Auth Playground' }),
    ).toBeVisible();
    await expect(page.getByTestId('decision-scope')).toBeVisible();
    // CodeMirror arrives after the decision; its injected styles are what style-src allows.
    await expect(page.locator('.cm-editor').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Run the flow' })).toHaveAttribute(
      'href',
      `${new URL(HOSTED_URL).pathname}flow`,
    );
    expect(problems).toEqual([]);
  });

  test('a permalink opens the same decision in a fresh browser', async ({ page, browser }) => {
    const { hash, scope } = await permalinkOfPreset(page, 'PRM scopes used');
    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      const problems = await watchProblems(other);
      await other.goto(`${HOSTED_URL}${hash}`);
      await expect(other.getByTestId('decision-scope')).toHaveText(scope, FIRST_PAINT);
      await expect(other.getByRole('region', { name: 'About this preset' })).toHaveCount(0);
      expect(problems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  test('a deep link to the flow runner loads it, with the note for hosted pages', async ({
    page,
  }) => {
    const problems = await watchProblems(page);
    const response = await page.goto(`${HOSTED_URL}flow`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Run the flow' })).toBeVisible(FIRST_PAINT);
    await expect(page.getByLabel('MCP server URL')).toBeVisible();
    // No testbed beside a hosted page: the runner asks for a server and says what CORS it needs.
    const note = page.getByRole('complementary', { name: 'Running the flow from this page' });
    await expect(note).toContainText('enter its URL below');
    await expect(note).toContainText(HOSTED_ORIGIN);
    await expect(note).toContainText(`accepts ${HOSTED_URL}callback as a redirect URI`);
    expect(problems).toEqual([]);
  });

  test('a deep link to the callback says no flow is waiting', async ({ page }) => {
    const problems = await watchProblems(page);
    await page.goto(`${HOSTED_URL}callback?code=unused&state=unknown`);
    await expect(page.getByRole('heading', { name: 'Authorization response' })).toBeVisible(
      FIRST_PAINT,
    );
    await expect(page.getByRole('status').filter({ hasText: 'No flow' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('without rewrites, the 404 page brings a deep link back to its route', async ({ page }) => {
    const notFound = await page.request.get(`${HOSTED_URL}404.html`);
    expect(notFound.status()).toBe(200);
    const notFoundPage = await notFound.text();
    // A host without the rewrite rule: every path of the app it has no file for is its 404 page.
    await page.route(`${HOSTED_URL}flow**`, (route) =>
      route.fulfill({
        status: 404,
        contentType: 'text/html',
        headers: { ...securityHeaders('app') },
        body: notFoundPage,
      }),
    );
    const problems = await watchProblems(page);
    const server = 'http://localhost:4000/mcp';
    const address = `${HOSTED_URL}flow?server=${encodeURIComponent(server)}`;
    await page.goto(address);
    await page.waitForURL(address);
    await expect(page.getByRole('heading', { name: 'Run the flow' })).toBeVisible(FIRST_PAINT);
    await expect(page.getByLabel('MCP server URL')).toHaveValue(server);
    // The 404 answer itself is what such a host sends; nothing else may go wrong.
    expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
  });
});

test.describe('the embed', () => {
  /** Permalinks made once in the playground, so each embed test loads only the embed. */
  let challengeScope: Permalink;
  let prmScopes: Permalink & { rows: number };

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    try {
      challengeScope = await permalinkOfPreset(page, 'Challenge scope wins');
      const prm = await permalinkOfPreset(page, 'PRM scopes used');
      prmScopes = { ...prm, rows: await page.getByTestId('profile-row').count() };
    } finally {
      await page.close();
    }
  });

  test('shows the decision in a frame on another site, sized by its height messages', async ({
    page,
  }) => {
    const problems = await watchProblems(page);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));

    const { hash, scope } = challengeScope;
    await openDocsPage(page, `${HOSTED_URL}?embed=1${hash}`);

    const embed = page.frameLocator('#embed');
    await expect(embed.getByTestId('decision-scope')).toHaveText(scope, FIRST_PAINT);
    await expect(embed.getByRole('term').filter({ hasText: /^offline_access$/ })).toBeVisible();
    await expect(embed.getByRole('link', { name: 'Open in the playground' })).toHaveAttribute(
      'href',
      `${HOSTED_URL}${hash}`,
    );
    const trace = embed.locator('details.embed-trace');
    await expect(trace).not.toHaveAttribute('open');

    // The frame's height follows its content: on load, and when the trace unfolds.
    const frame = page.frame({ url: /embed=1/ });
    if (!frame) throw new Error('the embed frame is missing');
    const contentHeight = () =>
      frame
        .locator('main.embed')
        .evaluate((main) => Math.ceil(main.getBoundingClientRect().height));
    await expect.poll(async () => (await heights(page)).at(-1)).toBe(await contentHeight());
    const folded = await contentHeight();
    await trace.locator('summary').click();
    await expect.poll(async () => (await heights(page)).at(-1)).toBeGreaterThan(folded);
    expect((await heights(page)).at(-1)).toBe(await contentHeight());
    await expect(page.locator('#embed')).toHaveAttribute('height', String(await contentHeight()));

    // Only the embed's own code: no editor, and not the playground's React app.
    const files = requested.map((url) => new URL(url).pathname);
    expect(files).toContainEqual(expect.stringContaining(chunkOf('app/src/embed/main.ts')));
    for (const absent of [
      'app/src/views/playground/inputs/editor/JsonEditor.tsx',
      'app/src/main.tsx',
    ]) {
      expect(files, absent).not.toContainEqual(expect.stringContaining(chunkOf(absent)));
    }
    expect(problems).toEqual([]);
  });

  test('Copy embed code gives an iframe that shows the playground’s decision', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: HOSTED_ORIGIN,
    });
    const problems = await watchProblems(page);
    const { hash, scope } = challengeScope;
    await page.goto(`${HOSTED_URL}${hash}`);
    await expect(page.getByTestId('decision-scope')).toHaveText(scope, FIRST_PAINT);
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    const src = /^<iframe src="([^"]+)"[^>]*><\/iframe>$/.exec(code)?.[1]?.replaceAll('&amp;', '&');
    expect(src).toMatch(new RegExp(`^${HOSTED_URL}\\?embed=1#s=`));

    await openDocsPage(page, src ?? '');
    await expect(page.frameLocator('#embed').getByTestId('decision-scope')).toHaveText(
      scope,
      FIRST_PAINT,
    );
    expect(problems).toEqual([]);
  });

  test('view=compare shows every client’s decision', async ({ page }) => {
    const problems = await watchProblems(page);
    const { hash, rows } = prmScopes;
    expect(rows).toBeGreaterThan(1);

    await openDocsPage(page, `${HOSTED_URL}?embed=1&view=compare${hash}`);
    const embed = page.frameLocator('#embed');
    await expect(embed.getByRole('heading', { name: 'How each client decides' })).toBeVisible(
      FIRST_PAINT,
    );
    await expect(embed.getByTestId('profile-row')).toHaveCount(rows);
    await expect.poll(async () => (await heights(page)).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('view=flowchart draws the decision as a flowchart, under the same CSP', async ({ page }) => {
    const problems = await watchProblems(page);
    await openDocsPage(page, `${HOSTED_URL}?embed=1&view=flowchart${prmScopes.hash}`);
    const embed = page.frameLocator('#embed');
    await expect(embed.getByRole('heading', { name: /Scope decision flowchart/ })).toBeVisible(
      FIRST_PAINT,
    );
    await expect(embed.getByRole('link', { name: 'Open in the playground' })).toBeVisible();
    await expect.poll(async () => (await heights(page)).at(-1)).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  test('the playground itself refuses to be framed', async ({ page }) => {
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await openDocsPage(page, HOSTED_URL);
    await expect
      .poll(() => messages.some((text) => text.includes("frame-ancestors 'none'")))
      .toBe(true);
    await expect(page.frameLocator('#embed').getByTestId('decision-scope')).toHaveCount(0);
  });
});
