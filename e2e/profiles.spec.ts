import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';

// The comparison table with every client profile, and the findings that name the clients a
// configuration trips up, in Chromium. The scenario travels in a permalink built with the public
// algorithm (raw DEFLATE, then base64url, of `{"v":1,...scenario}`); nothing is imported from
// the app or core, so the ids and titles below are the public contract the page must keep.

const PROFILES = [
  ['mcp-2026-07-28', 'MCP spec 2026-07-28'],
  ['mcp-2025-11-25', 'MCP spec 2025-11-25'],
  ['typescript-sdk-2', 'TypeScript SDK 2.x'],
  ['typescript-sdk-1', 'TypeScript SDK 1.x'],
  ['python-sdk', 'Python SDK'],
  ['rust-sdk', 'Rust SDK (rmcp)'],
  ['go-sdk', 'Go SDK'],
  ['csharp-sdk', 'C# SDK'],
  ['spring-ai-mcp-security', 'Spring AI mcp-security'],
  ['fastmcp', 'FastMCP'],
  ['vscode', 'VS Code'],
  ['mcp-remote', 'mcp-remote'],
  ['codex', 'Codex CLI'],
] as const;

const SERVER_URL = 'https://mcp.example.com/mcp';
const PRM_URL = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

/** A PRM without scopes_supported in front of an AS that offers openid, admin and refresh tokens. */
const NO_SCOPES_SUPPORTED = {
  serverUrl: SERVER_URL,
  wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}"`,
  resourceMetadata: {
    resource: SERVER_URL,
    authorization_servers: ['https://auth.example.com'],
  },
  authServerMetadata: {
    issuer: 'https://auth.example.com',
    authorization_endpoint: 'https://auth.example.com/authorize',
    token_endpoint: 'https://auth.example.com/token',
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'admin', 'offline_access'],
  },
  clientMetadata: {
    client_name: 'Example MCP Client',
    redirect_uris: ['http://localhost:3000/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
  },
  profile: 'mcp-2026-07-28',
};

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

function permalink(scenario: Record<string, unknown>): string {
  const json = JSON.stringify({ v: 1, ...scenario });
  return `/#s=${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

const rows = (page: Page) => page.getByTestId('profile-row');

/** Opens a scenario; the first paint of a cold dev server on a busy machine can take a while. */
async function open(page: Page, scenario: Record<string, unknown>) {
  await page.goto(permalink(scenario));
  await expect(rows(page).first()).toBeVisible({ timeout: 20_000 });
}
const row = (page: Page, id: string) =>
  page.locator(`[data-testid="profile-row"][data-profile="${id}"]`);
const finding = (page: Page, id: string) =>
  page.locator(`[data-testid="finding"][data-finding-id="${id}"]`);

test('the comparison table lists all thirteen profiles, grouped, the spec first', async ({
  page,
}) => {
  await open(page, NO_SCOPES_SUPPORTED);
  const table = page.getByRole('table');
  await expect(rows(page)).toHaveCount(PROFILES.length);
  await expect(rows(page).first()).toHaveAttribute('data-profile', 'mcp-2026-07-28');
  for (const [id, title] of PROFILES) {
    await expect(row(page, id).getByRole('button', { name: title })).toBeVisible();
  }
  for (const group of ['The spec', 'SDKs', 'Applications']) {
    await expect(table.getByRole('rowheader', { name: group, exact: true })).toBeVisible();
  }
  // Without scopes_supported, the spec omits the scope while VS Code takes every AS scope and
  // the C# SDK sends offline_access alone.
  await expect(row(page, 'mcp-2026-07-28').getByTestId('profile-scope')).toHaveAttribute(
    'data-omitted',
    'true',
  );
  await expect(row(page, 'vscode').getByTestId('profile-scope')).toHaveText(
    'openid admin offline_access',
  );
  await expect(row(page, 'csharp-sdk').getByTestId('profile-scope')).toHaveText('offline_access');

  // Every client row can be opened to show the source it models and how sure the model is.
  await row(page, 'codex').getByRole('button', { name: 'Codex CLI' }).click();
  const source = page.getByTestId('profile-source');
  await expect(source.getByRole('link', { name: /openai\/codex/ })).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\/openai\/codex\//,
  );
  await expect(source.getByTestId('profile-confidence')).toHaveText('Inferred');
  await expect(row(page, 'codex').getByText('inferred', { exact: true })).toBeVisible();
});

test('the rows that agree with the spec fold away, the spec row stays', async ({ page }) => {
  await open(page, NO_SCOPES_SUPPORTED);
  await expect(rows(page)).toHaveCount(PROFILES.length);
  await page.getByRole('button', { name: /that agree with the spec/ }).click();
  // The toggle now offers to bring them back.
  await expect(page.getByRole('button', { name: /^Show all clients/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(rows(page).first()).toHaveAttribute('data-profile', 'mcp-2026-07-28');
  await expect(row(page, 'vscode')).toBeVisible();
  const shown = await rows(page).count();
  expect(shown).toBeLessThan(PROFILES.length);
});

test('a PRM without scopes_supported shows the findings that name the affected clients', async ({
  page,
}) => {
  await open(page, NO_SCOPES_SUPPORTED);
  const everyScope = finding(page, 'prm/clients-request-every-as-scope');
  await expect(everyScope).toBeVisible();
  for (const client of ['VS Code', 'Python SDK', 'mcp-remote']) {
    await expect(everyScope).toContainText(client);
  }
  await expect(everyScope).toContainText('"openid admin offline_access"');

  const alone = finding(page, 'as/offline-access-alone');
  await expect(alone).toBeVisible();
  await expect(alone).toContainText('C# SDK');

  // Give the PRM its scopes and both findings go.
  await page.goto('about:blank');
  await open(page, {
    ...NO_SCOPES_SUPPORTED,
    resourceMetadata: { ...NO_SCOPES_SUPPORTED.resourceMetadata, scopes_supported: ['mcp:read'] },
  });
  await expect(row(page, 'vscode').getByTestId('profile-scope')).toHaveText('mcp:read');
  await expect(finding(page, 'prm/clients-request-every-as-scope')).toHaveCount(0);
  await expect(finding(page, 'as/offline-access-alone')).toHaveCount(0);
});
