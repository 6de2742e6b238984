import type { Page } from '@playwright/test';

/**
 * Signs in and consents on the testbed's oidc-provider dev pages (any login is accepted),
 * whichever of them it shows, until the authorization server sends the browser back. Shared by
 * e2e/flow.spec.ts and the flow benchmark.
 */
export async function authorizeAtTestbed(page: Page, testbedOrigin: string): Promise<void> {
  await page.waitForURL((url) => url.origin === testbedOrigin);
  const login = page.locator('input[name=login]');
  const consent = page.getByRole('button', { name: 'Continue' });
  for (let round = 0; round < 4; round++) {
    // Back on the playground: its page goes on loading, and the caller waits for what it needs.
    if (new URL(page.url()).origin !== testbedOrigin) return;
    await login.or(consent).first().waitFor();
    // Each press submits a form; redirects do not commit, so the next commit is the next page.
    const next = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
    if (await login.isVisible()) {
      await login.fill('alice');
      await page.locator('input[name=password]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
    } else {
      await consent.click();
    }
    await next;
  }
  await page.waitForURL((url) => url.origin !== testbedOrigin);
}
