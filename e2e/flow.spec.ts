import { expect as baseExpect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { authorizeAtTestbed as authorizeAtTestbedAt } from './flow-authorize.ts';

// The flow runner against the testbed that playwright.config.ts starts beside the dev server:
// its default pair challenges with scope "mcp:read", lists offline_access, answers write_note with
// 403 insufficient_scope (mcp:write), and its dev login and consent pages accept anyone.

const TESTBED = 'http://localhost:4000';

// Each test signs in through real redirects and loads the app two or three times from the dev
// server; on a busy machine that takes longer than the defaults allow.
test.describe.configure({ timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

/** Opens the flow runner and waits until it can be used (its chunk loads on demand). */
async function openFlow(page: Page, search = ''): Promise<void> {
  await page.goto(`/flow${search}`);
  await expect(page.getByRole('button', { name: 'Run all', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
}

const step = (page: Page, name: string) =>
  page.locator(`[data-testid="flow-step"][data-step="${name}"]`);

const authorizeAtTestbed = (page: Page) => authorizeAtTestbedAt(page, TESTBED);

/** Runs the main flow in run-all mode through login and consent, up to tools/list. */
async function runMainFlow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run all', exact: true }).click();
  await authorizeAtTestbed(page);
  await expect(step(page, 'mcp')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
}

async function liveScenario(
  request: APIRequestContext,
  authServerMetadata: Record<string, unknown>,
) {
  const created = await request.post(`${TESTBED}/scenarios`, {
    data: {
      serverUrl: 'https://mcp.example.com/mcp',
      wwwAuthenticate:
        'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="mcp:read"',
      resourceMetadata: {
        resource: 'https://mcp.example.com/mcp',
        authorization_servers: ['https://auth.example.com'],
        scopes_supported: ['mcp:read', 'mcp:write'],
      },
      authServerMetadata: {
        issuer: 'https://auth.example.com',
        authorization_endpoint: 'https://auth.example.com/authorize',
        token_endpoint: 'https://auth.example.com/token',
        registration_endpoint: 'https://auth.example.com/register',
        response_types_supported: ['code'],
        ...authServerMetadata,
      },
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { serverUrl: string; issuer: string };
}

test('runs the whole flow in run-all mode, through login and consent, to tools/list', async ({
  page,
}) => {
  await openFlow(page);
  await expect(page.getByLabel('MCP server URL')).toHaveValue(`${TESTBED}/mcp`);
  await runMainFlow(page);

  const steps = page.getByTestId('flow-step');
  await expect(steps).toHaveCount(9);
  for (const status of await steps.evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-status')),
  )) {
    expect(status).toBe('done');
  }
  const tools = page.getByTestId('tools-list');
  await expect(tools).toContainText('read_notes');
  await expect(tools).toContainText('write_note');
  await expect(step(page, 'scope')).toContainText('mcp:read offline_access');
  await expect(step(page, 'token')).toContainText('Issued');

  // Every exchange is in the log, tokens and verifier shortened unless revealed.
  const exchanges = page.getByTestId('http-exchange');
  expect(await exchanges.count()).toBeGreaterThanOrEqual(9);
  const token = exchanges.filter({ hasText: `POST ${TESTBED}/as/default/token` }).first();
  await token.locator('summary').click();
  await expect(token).toContainText('code_verifier');
  const accessToken = await page.evaluate(
    () => document.body.innerText.match(/eyJ[\w-]{20,}\.[\w-]{20,}\.[\w-]{20,}/)?.[0],
  );
  expect(accessToken).toBeUndefined();

  // After the flow nothing of it stays in storage: tokens lived in memory only.
  const stored = await page.evaluate(() => ({
    local: JSON.stringify({ ...window.localStorage }),
    session: window.sessionStorage.length,
  }));
  expect(stored.session).toBe(0);
  expect(stored.local).not.toMatch(/eyJ|verifier|access_token|refresh_token/i);
  expect(new URL(page.url()).search).toBe('');
});

test('walks the steps one Continue at a time', async ({ page }) => {
  await openFlow(page);
  await expect(step(page, 'probe')).toHaveAttribute('data-status', 'paused');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(step(page, 'probe')).toHaveAttribute('data-status', 'done');
  await expect(step(page, 'probe')).toContainText('401');
  await expect(step(page, 'resource-metadata')).toHaveAttribute('data-status', 'paused');
  await expect(step(page, 'authorization-server-metadata')).toHaveAttribute(
    'data-status',
    'pending',
  );
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(step(page, 'resource-metadata')).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  await expect(step(page, 'probe')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('http-exchange')).toHaveCount(0);
});

test('Refresh rotates the refresh token', async ({ page }) => {
  await openFlow(page);
  await runMainFlow(page);
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const refresh = step(page, 'refresh');
  await expect(refresh).toHaveAttribute('data-status', 'done');
  await expect(refresh.getByTestId('rotation')).toContainText('Rotated');
  const values = await refresh.locator('dd code').allTextContents();
  expect(values).toHaveLength(2);
  expect(values[0]).not.toBe(values[1]);
  // The new refresh token works again.
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(step(page, 'refresh')).toHaveAttribute('data-status', 'done');
  await expect(step(page, 'refresh').locator('dd code').first()).toHaveText(values[1]!);
});

test('Call write_note steps up on 403, re-authorizes and retries once to success', async ({
  page,
}) => {
  await openFlow(page);
  await runMainFlow(page);
  await page.getByRole('button', { name: 'Call write_note', exact: true }).click();
  // In run-all mode the 403, the step-up decision and the new request lead straight to the server.
  await authorizeAtTestbed(page);
  const retry = step(page, 'write-note-retry');
  await expect(retry).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(retry.getByTestId('write-note-result')).toContainText(/Saved note #\d+/);
  // The 2026-07-28 spec keeps what it asked for and adds the challenge's scope.
  await expect(step(page, 'write-note').getByTestId('step-up-scope')).toHaveText(
    'mcp:read offline_access mcp:write',
  );
  expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
});

test('a live scenario without offline_access gets no refresh token, and the page says why', async ({
  page,
  request,
}) => {
  const live = await liveScenario(request, {
    scopes_supported: ['mcp:read', 'mcp:write'],
    code_challenge_methods_supported: ['S256'],
  });
  await openFlow(page, `?server=${encodeURIComponent(live.serverUrl)}`);
  await expect(page.getByLabel('MCP server URL')).toHaveValue(live.serverUrl);
  await runMainFlow(page);
  await expect(step(page, 'scope').getByTestId('flow-scope')).toHaveText('mcp:read');
  await expect(step(page, 'token').getByTestId('no-refresh-token-reason')).toContainText(
    /did not ask for offline_access/,
  );
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeDisabled();
});

test('an authorization server that does not advertise PKCE is refused before any redirect', async ({
  page,
  request,
}) => {
  const live = await liveScenario(request, { scopes_supported: ['mcp:read', 'offline_access'] });
  const navigations: string[] = [];
  page.on('request', (sent) => {
    if (sent.isNavigationRequest()) navigations.push(sent.url());
  });
  await openFlow(page, `?server=${encodeURIComponent(live.serverUrl)}`);
  await page.getByRole('button', { name: 'Run all', exact: true }).click();
  const metadata = step(page, 'authorization-server-metadata');
  await expect(metadata).toHaveAttribute('data-status', 'error');
  await expect(metadata.getByRole('alert')).toContainText('code_challenge_methods_supported');
  await expect(step(page, 'authorization-request')).toHaveAttribute('data-status', 'pending');
  expect(navigations.filter((url) => url.startsWith(TESTBED))).toEqual([]);
  expect(new URL(page.url()).pathname).toBe('/flow');
});

test('a tampered state on the callback is rejected before the code is used', async ({ page }) => {
  // The state sent to the authorization server is swapped, so it echoes one the page never made.
  await page.route(`${TESTBED}/as/default/auth?**`, async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('state', 'forged-state');
    await route.continue({ url: url.href });
  });
  await openFlow(page);
  await page.getByRole('button', { name: 'Run all', exact: true }).click();
  await authorizeAtTestbed(page);
  const response = step(page, 'authorization-response');
  await expect(response).toHaveAttribute('data-status', 'error', { timeout: 60_000 });
  await expect(response.getByRole('alert')).toContainText('State mismatch');
  await expect(step(page, 'token')).toHaveAttribute('data-status', 'pending');
  await expect(
    page.getByTestId('http-exchange').filter({ hasText: `POST ${TESTBED}/as/default/token` }),
  ).toHaveCount(0);
  expect(await page.evaluate(() => window.sessionStorage.length)).toBe(0);
});

test('Run this scenario live sends the playground scenario to the testbed and opens the flow on it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Run this scenario live', exact: true }).click();
  await expect(page).toHaveURL(/\/flow\?server=/);
  const url = page.getByLabel('MCP server URL');
  await expect(url).toHaveValue(/^http:\/\/localhost:4000\/s\/[\w-]+\/mcp$/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(step(page, 'probe')).toHaveAttribute('data-status', 'done');
});
