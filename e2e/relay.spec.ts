import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';

// A server like most real ones: it answers discovery but sends no CORS headers, so the browser
// cannot read its answers directly. Discover must read them through the testbed's relay, which
// since issue 17 answers only the playground's own scripts (a custom header, no navigation, the
// playground's Origin) and only with inert JSON. This proves the hardened relay still works
// for the page it exists for.

test.describe.configure({ timeout: 60_000 });

test('Discover reads a server without CORS headers through the testbed relay', async ({ page }) => {
  const server = createServer((request, response) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const json = (body: unknown) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/mcp') {
      response.writeHead(401, {
        'WWW-Authenticate': `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"`,
      });
      response.end();
    } else if (request.url === '/.well-known/oauth-protected-resource/mcp') {
      json({
        resource: `${origin}/mcp`,
        authorization_servers: [`${origin}/as`],
        scopes_supported: ['notes:read'],
      });
    } else if (request.url === '/.well-known/oauth-authorization-server/as') {
      json({
        issuer: `${origin}/as`,
        authorization_endpoint: `${origin}/as/auth`,
        token_endpoint: `${origin}/as/token`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  try {
    await page.goto('/');
    await expect(page.getByTestId('decision-scope')).toBeVisible({ timeout: 20_000 });
    await page.getByLabel('MCP server URL').fill(serverUrl);
    await page.getByRole('button', { name: 'Discover', exact: true }).click();

    const requests = page.getByRole('list', { name: 'Discovery requests' });
    await expect(requests).toContainText('relayed', { timeout: 20_000 });
    // The documents read through the relay drive the decision like any others.
    await expect(page.getByTestId('decision-scope')).toContainText('notes:read');
  } finally {
    server.close();
  }
});
