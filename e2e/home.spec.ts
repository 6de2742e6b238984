import { expect, test } from '@playwright/test';

test('the first screen names the product', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'MCP Auth Playground' })).toBeVisible();
});
