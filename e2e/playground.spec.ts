import { deflateRawSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';

// The playground as a user meets it, in Chromium. The spec imports nothing from the app or core:
// permalinks are built here with the public algorithm (raw DEFLATE, then base64url, of the JSON
// `{"v":1,...scenario}`), which is what proves a link made elsewhere opens here.

const EDITORS = [
  'Protected Resource Metadata',
  'Authorization Server Metadata',
  'Client Metadata',
] as const;

// The dev server sends the editors as dozens of modules; on a busy machine a page takes a while.
test.describe.configure({ timeout: 90_000 });

let problems: string[] = [];

test.beforeEach(({ page }) => {
  problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
});

test.afterEach(() => {
  expect(problems).toEqual([]);
});

function editor(page: Page, name: (typeof EDITORS)[number]): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

async function openPlayground(
  page: Page,
  path = '/',
  served: readonly (typeof EDITORS)[number][] = EDITORS,
) {
  await page.goto(path);
  // CodeMirror arrives after the first paint; its editing surface is contenteditable.
  for (const name of served) {
    await expect(editor(page, name)).toHaveAttribute('contenteditable', 'true', {
      timeout: 30_000,
    });
  }
}

/** Replaces an editor's whole text the way a person pastes: select all, then insert. */
async function replaceText(page: Page, name: (typeof EDITORS)[number], text: string) {
  await editor(page, name).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

function permalink(scenario: Record<string, unknown>): string {
  const json = JSON.stringify({ v: 1, ...scenario });
  return `/#s=${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

const decisionScope = (page: Page) => page.getByTestId('decision-scope');
const authorizationUrl = (page: Page) => page.getByTestId('authorization-url');

test('paints the decision of the default scenario with its request', async ({ page }) => {
  await openPlayground(page);
  await expect(decisionScope(page)).toHaveText('files:read offline_access');
  await expect(authorizationUrl(page)).toContainText('scope=files%3Aread+offline_access');
  await expect(page.getByRole('heading', { name: 'How the client decided' })).toBeVisible();
  await expect(page.getByTestId('profile-row').first()).toHaveAttribute(
    'data-profile',
    'mcp-2026-07-28',
  );
});

test('typing into the Protected Resource Metadata changes the decision', async ({ page }) => {
  await openPlayground(page);
  await editor(page, 'Protected Resource Metadata').click();
  await page.keyboard.press('ControlOrMeta+a');
  // Typed key by key, as a person would.
  await page.keyboard.type('{"scopes_supported": ["mcp:a", "mcp:b"]}');
  await expect(decisionScope(page)).toHaveText('mcp:a mcp:b offline_access');
  await expect(page.getByRole('list', { name: 'PRM scopes_supported values' })).toContainText(
    'mcp:b',
  );
});

test('typing into the Authorization Server Metadata changes the decision', async ({ page }) => {
  await openPlayground(page);
  await replaceText(
    page,
    'Authorization Server Metadata',
    JSON.stringify({
      issuer: 'https://auth.example.com',
      authorization_endpoint: 'https://auth.example.com/authorize',
      token_endpoint: 'https://auth.example.com/token',
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['files:read'],
    }),
  );
  await expect(decisionScope(page)).toHaveText('files:read');
  await expect(page.getByRole('checkbox', { name: 'AS offers offline_access' })).not.toBeChecked();
});

test('typing into the Client Metadata changes the decision and marks the finding inline', async ({
  page,
}) => {
  await openPlayground(page);
  await replaceText(
    page,
    'Client Metadata',
    '{\n  "client_name": "Example",\n  "grant_types": ["authorization_code"]\n}',
  );
  await expect(decisionScope(page)).toHaveText('files:read');
  const finding = page.locator(
    '[data-testid="finding"][data-finding-id="client/refresh-token-grant-missing"]',
  );
  await expect(finding).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'refresh_token' })).not.toBeChecked();

  // The same finding is underlined in the editor, at its path.
  const clientPanel = page.locator('.document-panel', { has: editor(page, 'Client Metadata') });
  await expect(clientPanel.locator('.cm-lintRange').first()).toBeVisible();
  await expect(clientPanel.locator('.cm-lint-marker').first()).toBeVisible();
  // Pointing at a mark shows its findings in a tooltip (CodeMirror puts it in the body). The
  // first mark spans the document, which lacks redirect_uris.
  await clientPanel.locator('.cm-lintRange').first().hover();
  await expect(page.locator('.cm-tooltip-lint')).toBeInViewport({ ratio: 1 });
  await expect(page.locator('.cm-tooltip-lint')).toContainText('client/redirect-uris-missing');

  // Pasting over the marked text removes the mark with it; the finding still stands, so the
  // mark comes back although the findings say nothing new.
  await replaceText(
    page,
    'Client Metadata',
    '{\n  "client_name": "Example app",\n  "grant_types": ["authorization_code"]\n}',
  );
  await expect(editor(page, 'Client Metadata')).toContainText('Example app');
  await expect(finding).toBeVisible();
  await expect(clientPanel.locator('.cm-lintRange').first()).toBeVisible();
  await expect(clientPanel.locator('.cm-lint-marker').first()).toBeVisible();

  // Selecting it in the list puts the cursor on that path.
  await editor(page, 'Protected Resource Metadata').click();
  await finding.getByRole('button').click();
  await expect(editor(page, 'Client Metadata')).toBeFocused();
  await expect(clientPanel.locator('.cm-activeLine')).toContainText('"grant_types"');
});

test('toggling offline_access brings prompt=consent into the request preview', async ({ page }) => {
  await openPlayground(page);
  // The spec itself never sends prompt=consent; the TypeScript SDK 2.x adds it with offline_access.
  await page.getByRole('combobox', { name: 'Client profile' }).selectOption('typescript-sdk-2');
  const offer = page.getByRole('checkbox', { name: 'AS offers offline_access' });

  await offer.uncheck();
  await expect(decisionScope(page)).toHaveText('files:read');
  await expect(authorizationUrl(page)).not.toContainText('prompt=consent');
  await expect(editor(page, 'Authorization Server Metadata')).not.toContainText('offline_access');

  await offer.check();
  await expect(authorizationUrl(page)).toContainText('prompt=consent');
  await expect(authorizationUrl(page).locator('mark')).toHaveText([
    'files%3Aread+offline_access',
    'consent',
  ]);
  await expect(editor(page, 'Authorization Server Metadata')).toContainText('"offline_access"');
});

test('a permalink built with the public algorithm opens with its decision', async ({ page }) => {
  const prm = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';
  const scenario = {
    serverUrl: 'https://mcp.example.com/mcp',
    wwwAuthenticate: `Bearer resource_metadata="${prm}", error="insufficient_scope", scope="files:write"`,
    previousScope: 'files:read',
    resourceMetadata: {
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: ['https://auth.example.com'],
      scopes_supported: ['files:read', 'files:write'],
    },
    authServerMetadata: {
      issuer: 'https://auth.example.com',
      authorization_endpoint: 'https://auth.example.com/authorize',
      token_endpoint: 'https://auth.example.com/token',
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['files:read', 'files:write'],
    },
    profile: 'mcp-2026-07-28',
  };
  await openPlayground(page, permalink(scenario), [
    'Protected Resource Metadata',
    'Authorization Server Metadata',
  ]);
  await expect(decisionScope(page)).toHaveText('files:read files:write');
  await expect(page.getByRole('textbox', { name: 'Previously requested scope' })).toHaveValue(
    'files:read',
  );
  await expect(
    page
      .locator('[data-testid="profile-row"][data-profile="mcp-2025-11-25"]')
      .getByTestId('profile-scope'),
  ).toHaveText('files:write');
  // The client metadata was not in the link: the document is not served, not empty.
  await expect(page.getByRole('checkbox', { name: 'Client document served' })).not.toBeChecked();
  await expect(editor(page, 'Client Metadata')).toHaveCount(0);
});

test('Copy link gives a link that reopens the same state', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await page.getByRole('checkbox', { name: 'PRM served' }).uncheck();
  await expect(decisionScope(page)).toHaveAttribute('data-omitted', 'true');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/localhost:5173\/#s=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('decision-scope')).toHaveText('no scope parameter');
  await expect(other.getByTestId('decision-scope')).toHaveAttribute('data-omitted', 'true');
  await expect(other.getByRole('checkbox', { name: 'PRM served' })).not.toBeChecked();
});

test('the address keeps the scenario as it is edited, and a reload keeps what was typed', async ({
  page,
}) => {
  await openPlayground(page);
  await replaceText(page, 'Client Metadata', '{ "client_name": "half-typed", ');
  await expect(page.locator('[data-finding-id="client/invalid-json"]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#s=/);
  await page.reload();
  await expect(editor(page, 'Client Metadata')).toHaveAttribute('contenteditable', 'true', {
    timeout: 30_000,
  });
  // The link holds the parsed scenario, which has no client metadata yet; this browser kept the
  // half-typed text, and a reload of its own link shows it again.
  await expect(editor(page, 'Client Metadata')).toHaveText('{ "client_name": "half-typed", ');
});

test('a bad link explains itself and offers a way back', async ({ page }) => {
  await page.goto('/#s=this-is-not-a-scenario');
  await expect(
    page.getByRole('heading', { name: 'This link does not open a scenario' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This link');
  await page.getByRole('button', { name: 'Start from a preset' }).click();
  await expect(decisionScope(page)).toHaveText('files:read offline_access');
  await expect(page.getByRole('button', { name: /Presets/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
});

test('hostile metadata is shown as text, refused, and opens no dialog', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => {
    (window as unknown as { pwned?: boolean }).pwned = false;
  });
  await replaceText(
    page,
    'Authorization Server Metadata',
    JSON.stringify(
      {
        issuer: 'https://auth.example.com',
        authorization_endpoint: 'javascript:alert(document.domain)',
        token_endpoint: 'https://auth.example.com/token',
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['files:read', '<img src=x onerror="window.pwned=true;alert(1)">'],
      },
      null,
      2,
    ),
  );
  await expect(page.getByText('No authorization request.')).toBeVisible();
  await expect(authorizationUrl(page)).toHaveCount(0);
  await expect(
    page.locator('[data-testid="finding"][data-finding-id="as/authorization-endpoint-insecure"]'),
  ).toBeVisible();
  // The markup is a chip's text, not an element.
  await expect(
    page
      .getByRole('list', { name: 'AS scopes_supported values' })
      .getByText('<img src=x onerror="window.pwned=true;alert(1)">'),
  ).toBeVisible();

  // A document of more than 2 MB is refused with a finding, and the page stays responsive.
  const huge = JSON.stringify({
    resource: 'https://mcp.example.com/mcp',
    padding: 'x'.repeat(2_200_000),
  });
  await replaceText(page, 'Protected Resource Metadata', huge);
  await expect(
    page.locator('[data-testid="finding"][data-finding-id="prm/too-large"]'),
  ).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('heading', { name: 'Decision' })).toBeVisible();

  await expect(page.locator('[onerror], img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBe(false);
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
});

test('works from the keyboard: presets open, load and give focus back', async ({ page }) => {
  await openPlayground(page);
  const presets = page.getByRole('button', { name: /Presets/ });
  await presets.focus();
  await page.keyboard.press('Enter');
  await expect(presets).toHaveAttribute('aria-expanded', 'true');
  const first = page.getByRole('button', { name: 'Challenge scope wins' });
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(presets).toBeFocused();
  await expect(decisionScope(page)).toHaveText('files:read files:write');
  await expect(page.getByRole('complementary', { name: 'About this preset' })).toContainText(
    'PRM scopes used',
  );

  // A row of the comparison opens with Enter and shows its trace.
  const row = page.locator('[data-testid="profile-row"][data-profile="python-sdk"]');
  const expand = row.getByRole('button');
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(expand).toHaveAttribute('aria-expanded', 'true');
});

test('fits a phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  await expect(decisionScope(page)).toHaveText('files:read offline_access');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
