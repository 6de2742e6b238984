import {
  expect,
  test,
  type Browser,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';

// The Real servers presets as a user meets them in Chromium: loaded from the menu and from their
// permalink, with the note that says which document was published, the explanation, the findings
// and the per-client table. The spec imports nothing from the app or core; the facts below are
// read off the published documents (../shared/real-world) and the profiles' documented behaviour.

// The dev server sends the editors as dozens of modules; on a busy machine a page takes a while.
test.describe.configure({ timeout: 90_000 });

const FIRST_PAINT = { timeout: 30_000 };

let problems: string[] = [];

test.beforeEach(({ page }) => {
  problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
});

test.afterEach(() => {
  expect(problems).toEqual([]);
});

const hashOf = (page: Page) => new URL(page.url()).hash;

/** Opens the playground and loads the real-server preset `title` from the menu. */
async function loadFromMenu(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('decision-scope')).toBeVisible(FIRST_PAINT);
  // The address follows the scenario a moment after each change: first the default preset's.
  await expect.poll(() => hashOf(page), FIRST_PAINT).toMatch(/^#s=/);
  await page.getByRole('button', { name: /Presets/ }).click();
  await page
    .getByRole('group', { name: 'Real servers' })
    .getByRole('button', { name: title, exact: true })
    .click();
}

function presetNote(page: Page): Locator {
  return page.getByRole('complementary', { name: 'About this preset' });
}

function finding(page: Page, id: string): Locator {
  return page.locator(`[data-testid="finding"][data-finding-id="${id}"]`);
}

function rowScope(page: Page, profile: string): Locator {
  return page
    .locator(`[data-testid="profile-row"][data-profile="${profile}"]`)
    .getByTestId('profile-scope');
}

/** The note above the editor named `label`. */
function documentOrigin(page: Page, label: string): Locator {
  return page
    .locator('.document-panel')
    .filter({ has: page.getByRole('heading', { name: label, exact: true }) })
    .getByTestId('document-origin');
}

/**
 * Opens the permalink the page wrote for the preset it just loaded in a fresh browser (nothing
 * kept from this one), runs `check` on it, and records its console errors with this page's.
 */
async function openPermalink(
  page: Page,
  browser: Browser,
  before: string,
  check: (other: Page) => Promise<void>,
): Promise<void> {
  await expect.poll(() => hashOf(page), FIRST_PAINT).not.toBe(before);
  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    other.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error (link): ${message.text()}`);
    });
    other.on('pageerror', (error) => problems.push(`uncaught (link): ${error.message}`));
    await other.goto(page.url());
    await expect(other.getByTestId('decision-scope')).toBeVisible(FIRST_PAINT);
    await check(other);
  } finally {
    await fresh.close();
  }
}

/**
 * Screenshots of the loaded preset at a desktop and a phone width, light and dark, kept with the
 * test's output. At each, the note must fit the width: nothing may push the page sideways.
 */
async function screenshots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 1000 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await presetNote(page).scrollIntoViewIfNeeded();
      const path = testInfo.outputPath(`${name}-${width}-${colorScheme}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`${name} at ${width} px, ${colorScheme}`, {
        path,
        contentType: 'image/png',
      });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px ${colorScheme}`).toBeLessThanOrEqual(0);
    }
  }
}

test('Microsoft Entra ID: a spec client stops without PKCE advertised, and the note says why and where the document came from', async ({
  page,
  browser,
}, testInfo) => {
  await loadFromMenu(page, 'Microsoft Entra ID');
  const before = hashOf(page);

  const note = presetNote(page);
  await expect(note).toContainText('Microsoft Entra ID');
  await expect(note).toContainText('has no code_challenge_methods_supported');
  await expect(note).toContainText('every MCP client must be registered with it by hand');
  // Which clients stop and which go ahead, as core's profiles decide.
  const outcomes = note.getByTestId('preset-outcomes');
  await expect(outcomes).toContainText(
    'these clients stop before any authorization request: MCP spec 2026-07-28, MCP spec 2025-11-25,',
  );
  await expect(outcomes).toContainText(
    'These go ahead anyway: TypeScript SDK 2.x, TypeScript SDK 1.x, Rust SDK (rmcp), VS Code, mcp-remote, Codex CLI.',
  );
  await expect(note).toContainText('What the server owner can change: List S256');
  const source = note.getByTestId('published-source');
  await expect(source).toContainText(
    'fetched from https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  );
  await expect(source).toContainText('2024-10-26');
  await expect(source.getByRole('link', { name: 'source record' })).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\/panva\/wellknown\/blob\/[0-9a-f]{40}\/issuers\/entra-common\//,
  );
  await expect(documentOrigin(page, 'Authorization Server Metadata')).toContainText(
    'Published by Microsoft Entra ID',
  );
  await expect(documentOrigin(page, 'Protected Resource Metadata')).toContainText(
    'Playground default',
  );

  // The findings and the decision agree with the document: no PKCE list, no registration.
  await expect(finding(page, 'as/pkce-not-advertised')).toBeVisible();
  await expect(finding(page, 'as/cimd-not-supported')).toContainText('registered by hand');
  await expect(finding(page, 'as/issuer-mismatch')).toHaveCount(0);
  await expect(page.getByText('No authorization request.')).toBeVisible();

  // The per-client table: Entra lists offline_access, so a 2026-07-28 client registered for
  // refresh tokens appends it; VS Code never does.
  await expect(rowScope(page, 'mcp-2026-07-28')).toHaveText('files:read offline_access');
  await expect(rowScope(page, 'vscode')).toHaveText('files:read');

  await screenshots(page, testInfo, 'entra-id');

  // Its permalink opens in a fresh browser with the same note.
  await openPermalink(page, browser, before, async (other) => {
    await expect(presetNote(other)).toContainText('has no code_challenge_methods_supported');
    await expect(presetNote(other).getByTestId('published-source')).toContainText('2024-10-26');
    await expect(finding(other, 'as/pkce-not-advertised')).toBeVisible();
  });
});

test('Google Compute MCP server with Google’s authorization server: the trailing slash that breaks the issuer check', async ({
  page,
  browser,
}, testInfo) => {
  await loadFromMenu(page, 'Google Compute MCP server');
  const before = hashOf(page);

  const note = presetNote(page);
  await expect(note).toContainText('https://accounts.google.com/ with a trailing slash');
  await expect(note).toContainText('Google lists no scopes_supported');
  // Both documents are published; no client is stopped before the request.
  await expect(note.getByTestId('published-source')).toHaveCount(2);
  await expect(note.getByTestId('published-source').first()).toContainText(
    'https://compute.googleapis.com/.well-known/oauth-protected-resource/mcp',
  );
  await expect(note.getByTestId('published-source').last()).toContainText(
    'https://accounts.google.com/.well-known/oauth-authorization-server',
  );
  await expect(note).toContainText('2026-01-31');
  await expect(note.getByTestId('preset-outcomes')).toHaveCount(0);
  await expect(documentOrigin(page, 'Protected Resource Metadata')).toContainText(
    'Published by Google Compute Engine MCP server',
  );
  await expect(documentOrigin(page, 'Authorization Server Metadata')).toContainText(
    'Published by Google',
  );
  await expect(documentOrigin(page, 'Client Metadata')).toContainText('Playground default');

  // The findings: the issuer differs from the PRM's entry by the slash; PKCE is advertised.
  await expect(finding(page, 'as/issuer-mismatch')).toBeVisible();
  await expect(finding(page, 'as/issuer-mismatch')).toContainText('"https://accounts.google.com/"');
  await expect(finding(page, 'as/pkce-not-advertised')).toHaveCount(0);

  // Every client asks for the PRM's one URL scope, and none adds offline_access.
  const scope = 'https://www.googleapis.com/auth/compute';
  await expect(page.getByTestId('decision-scope')).toHaveText(scope);
  const rows = page.getByTestId('profile-row');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row.getByTestId('profile-scope')).toHaveText(scope);
    await expect(row).toContainText('Not added');
  }

  await screenshots(page, testInfo, 'google-compute-mcp');

  await openPermalink(page, browser, before, async (other) => {
    await expect(presetNote(other)).toContainText('with a trailing slash');
    await expect(finding(other, 'as/issuer-mismatch')).toBeVisible();
  });
});

test('every real-server preset loads from the menu with its note and no console error', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('decision-scope')).toBeVisible(FIRST_PAINT);
  await page.getByRole('button', { name: /Presets/ }).click();
  // The list is a chunk of its own: wait for it before reading it.
  const buttons = page.getByRole('group', { name: 'Real servers' }).getByRole('button');
  await expect(buttons).toHaveCount(6);
  const titles = await buttons.allTextContents();
  expect(titles).toEqual([
    'Microsoft Entra ID',
    'Google Compute MCP server',
    'Auth0 (Docker’s tenant)',
    'GitLab.com',
    'PayPal',
    'Slack',
  ]);
  await page.getByRole('button', { name: /Presets/ }).click();
  for (const title of titles) {
    await page.getByRole('button', { name: /Presets/ }).click();
    await page.getByRole('button', { name: 'Skip to the real servers' }).click();
    await page
      .getByRole('group', { name: 'Real servers' })
      .getByRole('button', { name: title, exact: true })
      .click();
    await expect(presetNote(page).locator('strong').first()).toHaveText(title);
    await expect(presetNote(page).getByTestId('published-source').first()).toContainText(
      'fetched from https://',
    );
  }
});
