import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { authorizeAtTestbed } from './flow-authorize.ts';

// What people meet in the playground, from issue 21: a shared link keeps a broken document, the
// decision names a JSON error, the answer stays in view, the embed code sizes itself, Discover
// says a failure once, and the flow page keeps your place after a redirect.

test.describe.configure({ timeout: 90_000 });

let problems: string[] = [];

test.beforeEach(({ page }) => {
  problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
});

test.afterEach(() => {
  expect(problems).toEqual([]);
});

function editor(page: Page, name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

async function openPlayground(page: Page) {
  await page.goto('/');
  await expect(editor(page, 'Protected Resource Metadata')).toHaveAttribute(
    'contenteditable',
    'true',
    { timeout: 30_000 },
  );
}

/** A PRM with a trailing comma: the error is at line 4, column 1 (the closing brace). */
const BROKEN_PRM = `{
  "resource": "https://mcp.example.com/mcp",
  "scopes_supported": ["files:read", "files:write"],
}`;

async function replaceText(page: Page, name: string, text: string) {
  await editor(page, name).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

test('a link made from a broken document reopens with the same text and its error', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await replaceText(page, 'Protected Resource Metadata', BROKEN_PRM);
  await expect(page.locator('[data-finding-id="prm/invalid-json"]')).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/localhost:5173\/#s=[A-Za-z0-9_-]+$/);

  // Someone else, with nothing of this browser's drafts.
  const other = await (await context.browser()!.newContext()).newPage();
  await other.goto(link);
  await expect(editor(other, 'Protected Resource Metadata')).toHaveAttribute(
    'contenteditable',
    'true',
    { timeout: 30_000 },
  );
  await expect(other.getByRole('checkbox', { name: 'PRM served' })).toBeChecked();
  await expect(editor(other, 'Protected Resource Metadata')).toHaveText(
    BROKEN_PRM.replace(/\n/g, ''),
  );
  await expect(other.getByTestId('unparsed-documents')).toContainText(
    'PRM: JSON error at line 4, column 1; decided as if it were absent.',
  );
  await expect(other.locator('[data-finding-id="prm/not-found"]')).toHaveCount(0);
  await other.context().close();
});

test('the decision names a JSON error at its top, and its link puts the cursor there', async ({
  page,
}) => {
  await openPlayground(page);
  await replaceText(page, 'Protected Resource Metadata', BROKEN_PRM);
  const notice = page.getByTestId('unparsed-documents');
  await expect(notice).toHaveText(
    'PRM: JSON error at line 4, column 1; decided as if it were absent.',
  );
  // It sits above the decided scope, where it is read first.
  const noticeBox = await notice.boundingBox();
  const scopeBox = await page.getByTestId('decision-scope').boundingBox();
  expect(noticeBox!.y).toBeLessThan(scopeBox!.y);
  // A missing document would be a different finding; this one is present but broken.
  await expect(page.locator('[data-finding-id="prm/invalid-json"]')).toBeVisible();
  await expect(page.locator('[data-finding-id="prm/not-found"]')).toHaveCount(0);

  await notice.getByRole('link', { name: 'line 4, column 1' }).click();
  await expect(editor(page, 'Protected Resource Metadata')).toBeFocused();
  // The cursor is on the closing brace: typing there lands before it.
  await page.keyboard.insertText('"x": 1');
  await expect(editor(page, 'Protected Resource Metadata')).toContainText('],"x": 1}');
  await expect(notice).toHaveCount(0);
});

test('at 1280x900 the decided scope stays in view beside the comparison table', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPlayground(page);
  const summary = page.getByTestId('decision-summary');
  await expect(summary.getByTestId('decision-summary-scope')).toHaveText(
    'files:read offline_access',
  );
  await expect(
    summary.getByRole('link', { name: /clients? differ|all clients agree/ }),
  ).toBeVisible();
  await expect(summary.getByRole('link', { name: /error|warning|note|no findings/ })).toBeVisible();

  // The jump link brings the comparison into view; the scope is still on screen.
  await summary.getByRole('link', { name: /clients? differ|all clients agree/ }).click();
  const table = page.getByRole('table').filter({ has: page.getByTestId('profile-row') });
  await expect(table).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'How each client decides' })).toBeFocused();
  await expect(summary.getByTestId('decision-summary-scope')).toBeInViewport();
  // Nothing covers the comparison's heading: it stops below the summary.
  const summaryBox = await summary.boundingBox();
  const headingBox = await page
    .getByRole('heading', { name: 'How each client decides' })
    .boundingBox();
  expect(headingBox!.y).toBeGreaterThanOrEqual(summaryBox!.y + summaryBox!.height);

  await summary.getByRole('link', { name: /error|warning|note|no findings/ }).click();
  await expect(page.getByRole('heading', { name: 'Findings', exact: true })).toBeFocused();
  await expect(summary.getByTestId('decision-summary-scope')).toBeInViewport();
});

test('the challenge field shows its whole value and lists its parameters', async ({ page }) => {
  await openPlayground(page);
  const challenge = page.getByRole('textbox', { name: 'WWW-Authenticate', exact: true });
  const value =
    'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read files:write", error="insufficient_scope"';
  await challenge.fill(value);
  await expect(challenge).toHaveValue(value);
  // Grown to its content: nothing is scrolled out of the box.
  const clipped = await challenge.evaluate(
    (element) => element.scrollHeight > element.clientHeight + 1,
  );
  expect(clipped).toBe(false);
  const params = page.getByRole('definition');
  const list = page.getByTestId('challenge-params');
  await expect(list.getByRole('term')).toHaveText(['resource_metadata', 'scope', 'error']);
  await expect(params.filter({ hasText: 'insufficient_scope' })).toBeVisible();
  await expect(list).toContainText('files:read files:write');
  // The step-up field appears, empty: no placeholder pretends to be a value.
  const previous = page.getByRole('textbox', { name: 'Previously requested scope' });
  await expect(previous).toHaveValue('');
  await expect(previous).not.toHaveAttribute('placeholder', /./);
});

/**
 * A docs site on another origin (127.0.0.1, on a real loopback port, so Chromium lets it frame
 * the playground on localhost): its page is the HTML it is given, pasted into a narrow column.
 */
let docsOrigin = '';
let docsServer: Server | undefined;
const pasted = new Map<string, string>();

test.beforeAll(async () => {
  docsServer = createServer((request, response) => {
    const id = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('page') ?? '';
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Docs</title></head>
  <body style="margin: 0; padding: 8px">
    <h1>Scopes, explained</h1>
    ${pasted.get(id) ?? ''}
    <p id="after">The text after the embed.</p>
  </body>
</html>`);
  });
  await new Promise<void>((resolve) => docsServer?.listen(0, '127.0.0.1', resolve));
  docsOrigin = `http://127.0.0.1:${(docsServer.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => docsServer?.close(resolve));
});

/** The embed code the playground copies for the scenario on screen. */
async function copiedEmbedCode(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('the copied embed code, pasted into a 390 px page, shows its whole content', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  const code = await copiedEmbedCode(page);
  pasted.set('decision', code);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${docsOrigin}/?page=decision`);
  const frame = page.locator('iframe[data-mcp-auth-playground]');
  const embed = page.frameLocator('iframe[data-mcp-auth-playground]');
  await expect(embed.getByTestId('decision-scope')).toHaveText('files:read offline_access', {
    timeout: 30_000,
  });
  const open = embed.getByRole('link', { name: 'Open in the playground' });
  await expect(open).toBeVisible();

  /** Whether the frame's page fits the frame, with nothing cut off at its foot. */
  const fits = async () => {
    const frameBox = await frame.boundingBox();
    const linkBox = await open.boundingBox();
    if (!frameBox || !linkBox) return false;
    return linkBox.y + linkBox.height <= frameBox.y + frameBox.height;
  };
  await expect.poll(fits).toBe(true);

  // Unfolding the steps makes the embed taller; the frame follows.
  const before = (await frame.boundingBox())!.height;
  await embed.getByText(/^How the client decided/).click();
  await expect.poll(async () => (await frame.boundingBox())!.height).toBeGreaterThan(before + 100);
  await expect.poll(fits).toBe(true);
  const scrolls = await embed
    .locator('html')
    .evaluate((html) => html.scrollHeight > html.clientHeight + 1);
  expect(scrolls).toBe(false);
});

test('the comparison embed stacks its columns on a 390 px page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  const code = await copiedEmbedCode(page);
  pasted.set('compare', code.replace('?embed=1', '?embed=1&amp;view=compare'));

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${docsOrigin}/?page=compare`);
  const embed = page.frameLocator('iframe[data-mcp-auth-playground]');
  const row = embed.locator('[data-testid="profile-row"]').first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  // Every column of the row is within the frame's width: nothing is hidden to the side.
  const frameBox = (await page.locator('iframe[data-mcp-auth-playground]').boundingBox())!;
  for (const cell of await row.locator('td').all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(frameBox.x + frameBox.width + 1);
  }
  await expect(row.locator('td').first()).toHaveAttribute('data-label', 'scope');
  // The frame grew to the stacked rows: its last line is inside it.
  const open = embed.getByRole('link', { name: 'Open in the playground' });
  await expect
    .poll(async () => {
      const frame = (await page.locator('iframe[data-mcp-auth-playground]').boundingBox())!;
      const link = (await open.boundingBox())!;
      return link.y + link.height <= frame.y + frame.height;
    })
    .toBe(true);
});

test('Discover on an unreachable URL says its failure once, and offers the testbed', async ({
  page,
}) => {
  await openPlayground(page);
  await page.getByLabel('MCP server URL').fill('https://mcp.example.com/mcp');
  await page.getByRole('button', { name: 'Discover', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing could be read' })).toHaveText(
    /^Nothing could be read from https:\/\/mcp\.example\.com\/mcp/,
    { timeout: 30_000 },
  );
  await expect(page.getByText(/^Nothing answered at that address/)).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Discovery problems' }).getByRole('listitem'),
  ).toHaveCount(1);
  // The requests are one line until asked for: none of their reasons repeats the failure.
  await expect(page.getByTestId('discover-attempt').first()).toBeHidden();
  await page.getByText(/^The \d requests? it sent$/).click();
  await expect(page.getByTestId('discover-attempt').first()).toBeVisible();

  await page.getByRole('button', { name: 'Use its MCP server, http://localhost:4000/mcp' }).click();
  await expect(page.getByLabel('MCP server URL')).toHaveValue('http://localhost:4000/mcp');
  await page.getByRole('button', { name: 'Discover', exact: true }).click();
  await expect(page.getByTestId('decision-scope')).toHaveText('mcp:read offline_access', {
    timeout: 30_000,
  });
});

test('back from the authorization server, the flow page focuses the step that just ran', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/flow');
  const runAll = page.getByRole('button', { name: 'Run all', exact: true });
  await expect(runAll).toBeEnabled({ timeout: 60_000 });
  // The introduction says what comes after the first token.
  await expect(page.locator('.flow-intro')).toContainText('Refresh');
  await expect(page.locator('.flow-intro')).toContainText('Call write_note');
  await expect(page.locator('.flow-intro')).toContainText('insufficient_scope');

  await runAll.click();
  await authorizeAtTestbed(page, 'http://localhost:4000');
  const last = page.locator('[data-testid="flow-step"][data-step="mcp"]');
  await expect(last).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  // Its heading is not under the controls that stick to the top of the window.
  const controls = (await page.getByRole('toolbar', { name: 'Flow controls' }).boundingBox())!;
  expect((await last.boundingBox())!.y).toBeGreaterThanOrEqual(controls.y + controls.height - 1);
  await expect(page.getByRole('toolbar', { name: 'Flow controls' }).getByRole('status')).toHaveText(
    '“Authenticated MCP requests” done. Done: the client holds a token.',
  );

  // The step-up goes to the authorization server and back again: the page follows it.
  await page.getByRole('button', { name: 'Call write_note' }).click();
  await authorizeAtTestbed(page, 'http://localhost:4000');
  const retry = page.locator('[data-testid="flow-step"][data-step="write-note-retry"]');
  await expect(retry).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(retry).toBeFocused();
  await expect(retry).toBeInViewport();
});

test('the flowchart compares profiles in their own words, explains its marks, and saves its answer', async ({
  page,
}) => {
  await openPlayground(page);
  await page
    .getByRole('textbox', { name: 'WWW-Authenticate', exact: true })
    .fill('Bearer error="insufficient_scope", scope="files:write"');
  await page.getByRole('textbox', { name: 'Previously requested scope' }).fill('files:read');
  const panel = page.getByRole('region', { name: 'Decision' });
  await panel.getByLabel('Compare path with').selectOption({ label: 'MCP spec 2025-11-25' });
  const chart = panel.getByTestId('decision-flowchart');
  const stepUp = chart.locator('[data-node]').filter({ hasText: 'Union of previous scope' });
  await expect(stepUp).toContainText(
    'MCP spec 2025-11-25: insufficient_scope? Select again from the new challenge',
  );
  const legend = chart.locator('.fc-legend');
  await expect(legend).toContainText('MCP spec 2025-11-25: took effect');
  await expect(legend).toContainText('MCP spec 2025-11-25: checked, moved on');

  const small = (await chart.boundingBox())!;
  await panel.getByRole('button', { name: 'Larger view' }).click();
  const dialog = page.getByRole('dialog', { name: /larger/ });
  await expect(dialog.getByTestId('decision-flowchart')).toBeVisible();
  const large = (await dialog.getByTestId('decision-flowchart').boundingBox())!;
  expect(large.width).toBeGreaterThan(small.width * 1.4);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download SVG', exact: true }).click();
  const text = readFileSync(await (await downloading).path(), 'utf8');
  // The heading's lines, wrapped to the chart's width, read as one text.
  const heading = (/<g data-heading[^>]*>(.*?)<\/g>/.exec(text)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  expect(heading).toBe(
    'How MCP spec 2026-07-28 decides its scope, compared with MCP spec 2025-11-25 ' +
      'MCP spec 2026-07-28 requests scope "files:read files:write offline_access" ' +
      'MCP spec 2025-11-25 requests scope "files:write"',
  );
});

test('a 16,000-scope PRM keeps the page short, its long lists folded behind a count', async ({
  page,
}) => {
  await openPlayground(page);
  const scopes = Array.from({ length: 16_000 }, (_, index) => `tools:r${index}`);
  await replaceText(
    page,
    'Protected Resource Metadata',
    JSON.stringify({ resource: 'https://mcp.example.com/mcp', scopes_supported: scopes }),
  );
  await expect(page.getByTestId('decision-scope')).toHaveText(/^tools:r0 tools:r1 /, {
    timeout: 30_000,
  });
  await expect(page.getByRole('region', { name: 'Decision' })).toContainText(
    // 16,000 scopes and offline_access, 12 of them shown.
    '… and 15,989 more scopes',
  );
  await expect(page.getByText('40 of 16,000 shown.')).toBeVisible();
  await expect(page.getByTestId('profile-row').first()).toBeVisible();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(15_000);
  // Everything is still there to read, on request (unfolding is tested in app/test/bounded.test.tsx).
  await expect(page.getByRole('button', { name: 'Show all 16,000' })).toBeVisible();
});
