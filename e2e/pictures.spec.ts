import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { authorizeAtTestbed } from './flow-authorize.ts';

// The decision flowchart and the flow's sequence diagram, in Chromium, as a reader meets them.
// Like the other specs this imports nothing from the app or core: scenarios travel as permalinks
// built with the public algorithm (raw DEFLATE, then base64url, of `{"v":1,...scenario}`).

const PRM_EDITOR = 'Protected Resource Metadata';

function permalink(scenario: Record<string, unknown>): string {
  const json = JSON.stringify({ v: 1, ...scenario });
  return `/#s=${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

/** The PRM lists no scopes and the AS lists three: where VS Code and the spec part ways. */
const NO_PRM_SCOPES = {
  serverUrl: 'https://mcp.example.com/mcp',
  wwwAuthenticate:
    'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"',
  resourceMetadata: {
    resource: 'https://mcp.example.com/mcp',
    authorization_servers: ['https://auth.example.com'],
  },
  authServerMetadata: {
    issuer: 'https://auth.example.com',
    authorization_endpoint: 'https://auth.example.com/authorize',
    token_endpoint: 'https://auth.example.com/token',
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'mcp:read', 'mcp:admin'],
  },
  profile: 'mcp-2026-07-28',
};

// The dev server serves the app as many modules, and the machine is shared: give each test room.
test.describe.configure({ timeout: 90_000 });

let problems: string[] = [];
/**
 * A flow meets 401, 403 and 404 answers on purpose, and Chromium reports each failed load (and a
 * refused CORS preflight) on the console; only the flow's tests let those pass.
 */
let networkErrorsExpected = false;
const NETWORK_ERROR = /^Failed to load resource|blocked by CORS policy/;

test.beforeEach(({ page }) => {
  problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (networkErrorsExpected && NETWORK_ERROR.test(message.text())) return;
    problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
});

test.afterEach(() => {
  expect(problems).toEqual([]);
});

const flowchart = (page: Page) => page.getByTestId('decision-flowchart');
const node = (page: Page, id: string) => flowchart(page).locator(`[data-node="${id}"]`);
const decisionPanel = (page: Page) => page.getByRole('region', { name: 'Decision' });

async function openPlayground(page: Page, path = '/') {
  await page.goto(path);
  await expect(flowchart(page)).toBeVisible({ timeout: 20_000 });
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlap(a: Rect, b: Rect): boolean {
  // Touching edges are not an overlap; half a pixel absorbs rounding.
  const slack = 0.5;
  return (
    a.x + slack < b.x + b.width &&
    b.x + slack < a.x + a.width &&
    a.y + slack < b.y + b.height &&
    b.y + slack < a.y + a.height
  );
}

async function boxes(locator: Locator): Promise<Rect[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );
}

test('the flowchart follows the documents as the user edits them', async ({ page }) => {
  await openPlayground(page);
  // The default scenario takes every PRM scope; the omission is never reached.
  await expect(node(page, 'resource-scopes')).toHaveAttribute('data-taken', 'true');
  await expect(node(page, 'omit')).toHaveAttribute('data-taken', 'false');

  const prm = page.getByRole('textbox', { name: PRM_EDITOR, exact: true });
  await expect(prm).toHaveAttribute('contenteditable', 'true', { timeout: 20_000 });
  await prm.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(
    '{"resource": "https://mcp.example.com/mcp", "authorization_servers": ["https://auth.example.com"]}',
  );
  await expect(node(page, 'omit')).toHaveAttribute('data-taken', 'true');
  await expect(node(page, 'resource-scopes')).toHaveAttribute('data-taken', 'true');
  await expect(node(page, 'resource-scopes')).toHaveAttribute('aria-label', /not reached|skipped/i);

  // A challenge scope now decides: the PRM tier is no longer reached.
  const challenge = page.getByRole('textbox', { name: 'WWW-Authenticate', exact: true });
  await challenge.fill(
    'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read"',
  );
  await expect(node(page, 'challenge-scope')).toHaveAttribute('aria-label', /: used\./);
  await expect(node(page, 'resource-scopes')).toHaveAttribute('data-taken', 'false');
  await expect(node(page, 'omit')).toHaveAttribute('data-taken', 'false');
});

test('a node takes the keyboard to its trace step, and the overlay shows where VS Code parts ways', async ({
  page,
}) => {
  await openPlayground(page, permalink(NO_PRM_SCOPES));
  const omit = node(page, 'omit');
  await expect(omit).toHaveAttribute('data-taken', 'true');
  await omit.focus();
  await page.keyboard.press('Enter');
  const focusedStep = page.locator('.trace li:focus');
  await expect(focusedStep).toContainText('no scope parameter');

  await decisionPanel(page).getByLabel('Compare path with').selectOption({ label: 'VS Code' });
  const differing = flowchart(page).locator('[data-differs="true"]');
  await expect(differing).toHaveCount(2);
  expect(
    await differing.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-node')),
    ),
  ).toEqual(['auth-server-scopes', 'omit']);
  await expect(decisionPanel(page)).toContainText('VS Code parts ways with MCP spec 2026-07-28');
});

test('embed mode draws the flowchart with ?view=flowchart', async ({ page }) => {
  await page.goto(`/?embed=1&view=flowchart${permalink(NO_PRM_SCOPES).slice(1)}`);
  // React and the drawing arrive on demand; the dev server serves them as many modules.
  await expect(flowchart(page)).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle('Scope decision flowchart · MCP Auth Playground');
  await expect(node(page, 'omit')).toHaveAttribute('data-taken', 'true');
  await expect(node(page, 'resource-scopes')).toHaveAttribute('data-taken', 'true');
  await expect(node(page, 'challenge-scope')).toHaveAttribute('data-taken', 'true');
  await expect(node(page, 'step-up')).toHaveAttribute('data-taken', 'false');
  // No editors in an embed: the page never asked for them.
  await expect(page.locator('.cm-editor, textarea')).toHaveCount(0);
  await node(page, 'omit').focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(/^Step 3, applied: /)).toBeVisible();
});

test('Download SVG saves a standalone picture with the colours the reader sees', async ({
  page,
}) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await openPlayground(page, permalink(NO_PRM_SCOPES));
    const downloading = page.waitForEvent('download');
    await decisionPanel(page).getByRole('button', { name: 'Download SVG', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('scope-decision-mcp-2026-07-28.svg');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).not.toMatch(/var\(--|class="|@import|<image|xlink:href|url\(/);
    expect(text).toContain('data-node="omit"');
    const background = /^[\s\S]*?<svg[^>]*>\s*<rect[^>]*fill="([^"]+)"/.exec(text)?.[1];
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(22, 26, 32)' : 'rgb(255, 255, 255)');
    // The rendered file looks like the page: drawn by Chromium from the file alone.
    const preview = await page.context().newPage();
    await preview.setContent(text.replace(/^<\?xml[^>]*>/, ''));
    await expect(preview.locator('[data-node="omit"]')).toBeVisible();
    await preview.close();
  }
});

for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`at ${width} px in ${colorScheme}, nodes overlap neither each other nor the panel's text`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await openPlayground(page, permalink(NO_PRM_SCOPES));
      await decisionPanel(page).getByLabel('Compare path with').selectOption({ label: 'VS Code' });
      await expect(flowchart(page).locator('[data-differs="true"]')).toHaveCount(2);

      const nodes = flowchart(page).locator('[data-node]');
      const nodeBoxes = await boxes(nodes);
      expect(nodeBoxes.length).toBeGreaterThan(5);
      for (let a = 0; a < nodeBoxes.length; a++) {
        for (let b = a + 1; b < nodeBoxes.length; b++) {
          expect(overlap(nodeBoxes[a]!, nodeBoxes[b]!), `nodes ${a} and ${b}`).toBe(false);
        }
      }
      // Every label line stays inside its node's shape.
      const spills = await nodes.evaluateAll((elements) =>
        elements.flatMap((element) => {
          const shape = element.querySelector('.fc-shape')!.getBoundingClientRect();
          return Array.from(element.querySelectorAll('tspan'))
            .map((line) => ({ text: line.textContent, box: line.getBoundingClientRect() }))
            .filter(
              ({ box }) =>
                box.left < shape.left - 0.5 ||
                box.right > shape.right + 0.5 ||
                box.top < shape.top - 0.5 ||
                box.bottom > shape.bottom + 0.5,
            )
            .map(({ text }) => text);
        }),
      );
      expect(spills).toEqual([]);

      // The panel's own text (everything outside the picture) never sits under a node.
      const panelText = decisionPanel(page).locator(
        ':is(h2, h3, p, dt, dd, li, code, label, button, select):not(.picture *)',
      );
      const textBoxes = (await boxes(panelText)).filter((box) => box.width > 0 && box.height > 0);
      expect(textBoxes.length).toBeGreaterThan(5);
      for (const [index, box] of nodeBoxes.entries()) {
        const hit = textBoxes.find((text) => overlap(box, text));
        expect(hit, `node ${index} covers panel text`).toBeUndefined();
      }

      // The picture fits the panel: no sideways scrolling on a phone.
      const panel = (await decisionPanel(page).boundingBox())!;
      const chart = (await flowchart(page).boundingBox())!;
      expect(chart.x).toBeGreaterThanOrEqual(panel.x);
      expect(chart.x + chart.width).toBeLessThanOrEqual(panel.x + panel.width);
      if (width === 1280) {
        // Beside the trace on a laptop: the chart's column starts right of the trace's.
        const trace = (await decisionPanel(page).locator('.trace').boundingBox())!;
        expect(chart.x).toBeGreaterThanOrEqual(trace.x + trace.width - 1);
      } else {
        const trace = (await decisionPanel(page).locator('.trace').boundingBox())!;
        expect(chart.y).toBeGreaterThanOrEqual(trace.y + trace.height - 1);
      }
      await flowchart(page).scrollIntoViewIfNeeded();
      await decisionPanel(page).screenshot({
        path: testInfo.outputPath(`decision-${width}-${colorScheme}.png`),
      });
      await flowchart(page).screenshot({
        path: testInfo.outputPath(`flowchart-${width}-${colorScheme}.png`),
      });
    });
  }
}

test('the flowchart arrives without moving the decision panel', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { panelShifts: string[] }).panelShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        sources?: { node?: Node | null }[];
      })[]) {
        for (const source of entry.sources ?? []) {
          const element = source.node instanceof Element ? source.node : source.node?.parentElement;
          if (element?.closest('.decision')) shifts.push(element.outerHTML.slice(0, 80));
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await openPlayground(page);
  await expect(node(page, 'resource-scopes')).toBeVisible();
  // Let the editors (the other lazy chunk) arrive too, then read what moved inside the panel.
  await expect(page.getByRole('textbox', { name: PRM_EDITOR, exact: true })).toHaveAttribute(
    'contenteditable',
    'true',
    { timeout: 20_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(
    await page.evaluate(() => (window as unknown as { panelShifts: string[] }).panelShifts),
  ).toEqual([]);
});

test.describe('the flow sequence diagram', () => {
  // Real redirects through the testbed's login and consent, on a busy machine.
  test.describe.configure({ timeout: 180_000 });
  test.beforeEach(() => {
    networkErrorsExpected = true;
  });
  test.afterEach(() => {
    networkErrorsExpected = false;
  });

  const TESTBED = 'http://localhost:4000';
  const sequence = (page: Page) => page.getByTestId('flow-sequence');
  const arrows = (page: Page) => sequence(page).getByTestId('sequence-arrow');
  const exchanges = (page: Page) => page.getByTestId('http-exchange');
  const flowStep = (page: Page, name: string) =>
    page.locator(`[data-testid="flow-step"][data-step="${name}"]`);

  async function openFlow(page: Page) {
    await page.goto('/flow');
    await expect(page.getByRole('button', { name: 'Run all', exact: true })).toBeEnabled({
      timeout: 60_000,
    });
    await expect(sequence(page)).toBeVisible({ timeout: 30_000 });
  }

  /** The diagram has exactly the log's exchanges, in the log's order. */
  async function expectOneArrowPerExchange(page: Page) {
    const count = await exchanges(page).count();
    await expect(arrows(page)).toHaveCount(count);
    const arrowIds = await arrows(page).evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-exchange-id')),
    );
    const logIds = await exchanges(page).evaluateAll((elements) =>
      elements.map((element) => element.id.replace(/^http-exchange-/, '')),
    );
    expect(arrowIds).toEqual(logIds);
    return count;
  }

  test('grows one arrow per exchange as the flow runs, through step-up and refresh', async ({
    page,
  }, testInfo) => {
    await openFlow(page);
    await expect(arrows(page)).toHaveCount(0);

    // One step at a time: the probe is one POST to the MCP server, answered with its challenge.
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(flowStep(page, 'probe')).toHaveAttribute('data-status', 'done');
    await expect(arrows(page)).toHaveCount(1);
    const probe = arrows(page).first();
    await expect(probe).toContainText('POST /mcp · 401');
    await expect(probe).toHaveAttribute('data-outcome', 'challenge');
    await expect(probe).toHaveClass(/is-current/);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(flowStep(page, 'resource-metadata')).toHaveAttribute('data-status', 'done');
    const afterMetadata = await expectOneArrowPerExchange(page);
    expect(afterMetadata).toBeGreaterThan(1);
    await expect(arrows(page).nth(1)).toContainText('/.well-known/oauth-protected-resource');
    await expect(probe).not.toHaveClass(/is-current/);

    // The rest of the main flow, through the authorization server's pages and back.
    await page.getByRole('button', { name: 'Run all', exact: true }).click();
    await authorizeAtTestbed(page, TESTBED);
    await expect(flowStep(page, 'mcp')).toHaveAttribute('data-status', 'done', {
      timeout: 60_000,
    });
    const afterMain = await expectOneArrowPerExchange(page);
    expect(afterMain).toBeGreaterThan(afterMetadata + 3);
    const lanes = await arrows(page).evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? ''),
    );
    expect(lanes.some((label) => /to the Authorization server/.test(label))).toBe(true);
    expect(
      lanes.some((label) => /from the Authorization server to the Browser client/.test(label)),
    ).toBe(true);

    // Choosing an arrow opens its exchange in the log.
    const tokenArrow = arrows(page)
      .filter({ hasText: /POST \/as\/default\/token/ })
      .first();
    const tokenId = await tokenArrow.getAttribute('data-exchange-id');
    await tokenArrow.focus();
    await page.keyboard.press('Enter');
    const entry = page.locator(`#http-exchange-${tokenId}`);
    await expect(entry.locator('details')).toHaveAttribute('open', '');
    await expect(entry.locator('summary')).toBeFocused();

    // Refresh: the token request appears as it runs.
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(flowStep(page, 'refresh')).toHaveAttribute('data-status', 'done', {
      timeout: 30_000,
    });
    const afterRefresh = await expectOneArrowPerExchange(page);
    expect(afterRefresh).toBeGreaterThan(afterMain);
    await expect(arrows(page).last()).toHaveAttribute('data-step', 'refresh');

    // Step-up: the 403 challenge, the new authorization and the retry.
    await page.getByRole('button', { name: 'Call write_note', exact: true }).click();
    await authorizeAtTestbed(page, TESTBED);
    await expect(flowStep(page, 'write-note-retry')).toHaveAttribute('data-status', 'done', {
      timeout: 60_000,
    });
    await expectOneArrowPerExchange(page);
    const forbidden = arrows(page).filter({ hasText: /· 403$/ });
    await expect(forbidden).toHaveCount(1);
    await expect(forbidden).toHaveAttribute('data-outcome', 'challenge');
    await expect(arrows(page).last()).toHaveAttribute('data-step', 'write-note-retry');

    await sequence(page).scrollIntoViewIfNeeded();
    await sequence(page).screenshot({ path: testInfo.outputPath('sequence-1280-light.png') });

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download SVG', exact: true }).click();
    const text = readFileSync(await (await downloading).path(), 'utf8');
    expect(text).toContain('data-exchange-id=');
    expect(text).not.toMatch(/var\(--|class="|url\(/);
    // No secrets in the picture: paths only, never a query with a code or a token.
    expect(text).not.toMatch(/code=|access_token|eyJ/);
  });

  test('draws a failed request in red', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await openFlow(page);
    await page.getByLabel('MCP server URL').fill(`${TESTBED}/no-such-server`);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await expect(flowStep(page, 'probe')).toHaveAttribute('data-status', 'error');
    await expectOneArrowPerExchange(page);
    const failed = arrows(page).first();
    await expect(failed).toHaveAttribute('data-outcome', 'error');
    const colours = await failed.evaluate((element) => {
      const error = getComputedStyle(document.documentElement).getPropertyValue('--error').trim();
      const probe = document.createElement('span');
      probe.style.color = error;
      document.body.append(probe);
      const expected = getComputedStyle(probe).color;
      probe.remove();
      return { expected, line: getComputedStyle(element.querySelector('.sq-line')!).stroke };
    });
    expect(colours.line).toBe(colours.expected);
    // Three lanes fit a phone without sideways scrolling.
    const box = (await sequence(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await sequence(page).screenshot({ path: testInfo.outputPath('sequence-390-dark.png') });
  });
});
