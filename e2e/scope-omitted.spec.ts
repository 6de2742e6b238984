import { expect as baseExpect, test } from '@playwright/test';
import { authorizeAtTestbed } from './flow-authorize.ts';

// A scenario whose challenge and Protected Resource Metadata name no scope: the spec's client
// leaves the scope parameter out (MCP 2026-07-28 "Scope Selection Strategy"), and the testbed's
// authorization server grants its default, mcp:read, instead of answering access_denied. Run live
// from the playground, the flow reaches tools/list.

const TESTBED = 'http://localhost:4000';

test.describe.configure({ timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

test('a scope-omitted scenario runs live to tools/list, granted the testbed default', async ({
  page,
}) => {
  const authorizationRequests: URL[] = [];
  page.on('request', (sent) => {
    const url = new URL(sent.url());
    if (sent.isNavigationRequest() && url.origin === TESTBED && url.pathname.endsWith('/as/auth')) {
      authorizationRequests.push(url);
    }
  });

  await page.goto('/');
  await page.getByRole('button', { name: /Presets/ }).click();
  await page.getByRole('button', { name: 'Nothing to select: scope omitted', exact: true }).click();
  await page.getByRole('button', { name: 'Run this scenario live', exact: true }).click();
  await expect(page).toHaveURL(/\/flow\?server=/);
  await expect(page.getByLabel('MCP server URL')).toHaveValue(
    /^http:\/\/localhost:4000\/s\/[\w-]+\/mcp$/,
    { timeout: 60_000 },
  );
  await expect(page.getByRole('button', { name: 'Run all', exact: true })).toBeEnabled({
    timeout: 60_000,
  });

  await page.getByRole('button', { name: 'Run all', exact: true }).click();
  await authorizeAtTestbed(page, TESTBED);
  const mcp = page.locator('[data-testid="flow-step"][data-step="mcp"]');
  await expect(mcp).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('tools-list')).toContainText('read_notes');

  // The request really had no scope, and nothing on the way was refused.
  expect(authorizationRequests).toHaveLength(1);
  expect(authorizationRequests[0]?.searchParams.has('scope')).toBe(false);
  await expect(page.getByText(/Access denied/)).toHaveCount(0);
});
