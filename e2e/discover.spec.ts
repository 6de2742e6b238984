import { expect, test } from '@playwright/test';

// The testbed runs beside the dev server (playwright.config.ts). Its default pair challenges
// with scope "mcp:read" and its authorization server lists offline_access, so with the default
// client document (which registers the refresh_token grant) a 2026-07-28 client asks for
// "mcp:read offline_access", where the default preset asks for "files:read offline_access".

const SERVER_URL = 'http://localhost:4000/mcp';
const BOOT_MS = 20_000;

// Room for the first paint (above) on top of the discovery itself.
test.describe.configure({ timeout: 60_000 });

test('Discover fills the playground from the testbed, and the decision follows its documents', async ({
  page,
}) => {
  await page.goto('/');
  const scope = page.getByTestId('decision-scope');
  // The dev server serves the app as some 160 unbundled modules; on a busy machine the first
  // paint can take longer than an assertion's default wait.
  await expect(scope).toHaveText('files:read offline_access', { timeout: BOOT_MS });
  const challenge = page.getByLabel('WWW-Authenticate');
  const challengeBefore = await challenge.inputValue();

  await page.getByLabel('MCP server URL').fill(SERVER_URL);
  await page.getByRole('button', { name: 'Discover', exact: true }).click();

  const requests = page.getByRole('list', { name: 'Discovery requests' }).getByRole('listitem');
  await expect(requests).toHaveCount(3);
  await expect(requests.nth(0)).toContainText('401');
  await expect(requests.nth(1)).toContainText(
    'http://localhost:4000/.well-known/oauth-protected-resource/mcp',
  );
  await expect(requests.nth(2)).toContainText(
    'http://localhost:4000/.well-known/oauth-authorization-server/as/default',
  );
  await expect(
    page.getByText(
      /^Filled the challenge, the Protected Resource Metadata and the Authorization Server Metadata from the server\.$/,
    ),
  ).toBeVisible();
  // The testbed sends CORS headers, so nothing needed the relay.
  await expect(
    page.getByRole('list', { name: 'Discovery requests' }).getByText('relayed'),
  ).toHaveCount(0);

  await expect(challenge).toHaveValue(
    'Bearer scope="mcp:read", resource_metadata="http://localhost:4000/.well-known/oauth-protected-resource/mcp"',
  );
  await expect(page.getByRole('textbox', { name: 'Protected Resource Metadata' })).toContainText(
    '"resource_name": "Testbed notes (default)"',
  );
  await expect(page.getByRole('textbox', { name: 'Authorization Server Metadata' })).toContainText(
    '"issuer": "http://localhost:4000/as/default"',
  );
  await expect(scope).toHaveText('mcp:read offline_access');

  // One click takes the whole discovery back.
  await page.getByRole('button', { name: 'Undo discover' }).click();
  await expect(scope).toHaveText('files:read offline_access');
  await expect(challenge).toHaveValue(challengeBefore);
  // What the user typed before pressing Discover is kept.
  await expect(page.getByLabel('MCP server URL')).toHaveValue(SERVER_URL);
});

test('Discover lists the fallback requests and explains a server without metadata', async ({
  page,
  request,
}) => {
  const created = await request.post('http://localhost:4000/scenarios', {
    data: { wwwAuthenticate: 'Bearer scope="mcp:read"' },
  });
  expect(created.status()).toBe(201);
  const { serverUrl } = (await created.json()) as { serverUrl: string };

  await page.goto('/');
  await expect(page.getByTestId('decision-scope')).toBeVisible({ timeout: BOOT_MS });
  await page.getByLabel('MCP server URL').fill(serverUrl);
  await page.getByRole('button', { name: 'Discover', exact: true }).click();

  const requests = page.getByRole('list', { name: 'Discovery requests' }).getByRole('listitem');
  await expect(requests).toHaveCount(3);
  await expect(requests.nth(1)).toContainText('404');
  await expect(requests.nth(2)).toContainText(
    'http://localhost:4000/.well-known/oauth-protected-resource',
  );
  await expect(page.getByRole('list', { name: 'Discovery problems' })).toContainText(
    'does not implement RFC 9728',
  );
  await expect(page.getByTestId('decision-scope')).toHaveText('mcp:read');
});
