import { expect as baseExpect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

// The playground and the flow by keyboard alone, as someone who cannot use a pointer meets them:
// every step below is a key press (the DOM is only read, to check where focus is and what shows).
// After every press the focused element must show a focus indicator, and after every change of
// view focus must still be on something, never dropped back to the page's body.

const APP = 'http://localhost:5173';
const TESTBED = 'http://localhost:4000';

// The dev server sends the app as many modules, and the flow signs in through real redirects.
test.describe.configure({ timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * Why the focused element has no visible focus, or undefined when it has one. An indicator is
 * the theme's focus colour (--focus) as an outline, border, shadow or stroke on the element, on
 * a part of a drawing it contains, or on an ancestor that shows focus within it (the editor's
 * frame); the element must also be on screen.
 */
async function focusProblem(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) {
      return 'focus is lost: nothing but the page body has it';
    }
    const probe = document.createElement('span');
    probe.style.color = 'var(--focus)';
    document.body.append(probe);
    const focusColour = getComputedStyle(probe).color;
    probe.remove();
    const marked = (node: Element) => {
      const style = getComputedStyle(node);
      const outlined =
        style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0 &&
        style.outlineColor === focusColour;
      return (
        outlined ||
        style.boxShadow.includes(focusColour) ||
        (style.borderStyle !== 'none' && style.borderColor === focusColour) ||
        style.stroke === focusColour
      );
    };
    const candidates: Element[] = [];
    for (
      let node: Element | null = element;
      node && node !== document.body;
      node = node.parentElement
    ) {
      candidates.push(node);
    }
    if (element instanceof SVGElement)
      candidates.push(...Array.from(element.querySelectorAll('*')));
    const description = `<${element.localName}> “${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60)}”`;
    if (!candidates.some(marked)) return `${description} has focus but shows no focus indicator`;
    const box = element.getBoundingClientRect();
    const onScreen =
      box.width > 0 &&
      box.height > 0 &&
      box.bottom > 0 &&
      box.right > 0 &&
      box.top < window.innerHeight &&
      box.left < window.innerWidth;
    return onScreen ? undefined : `${description} has focus but is off screen`;
  });
}

async function expectFocusVisible(page: Page): Promise<void> {
  expect(await focusProblem(page)).toBeUndefined();
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement).catch(() => false);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop that focus shows
 * (`checkFocus: false` on pages that are not the app's, whose focus style is their own). Fails if
 * it takes more than `limit` presses: the control is not in the tab order.
 */
async function tabTo(
  page: Page,
  target: Locator,
  {
    backwards = false,
    limit = 80,
    checkFocus = true,
  }: { backwards?: boolean; limit?: number; checkFocus?: boolean } = {},
): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (checkFocus) await expectFocusVisible(page);
  }
  expect(await isFocused(target), `reached by ${limit} presses of Tab`).toBe(true);
}

/** Presses a key that changes the view, then checks that focus survived it and shows. */
async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await expectFocusVisible(page);
}

/** Signs in and consents on the testbed's dev pages by keyboard, until it sends the browser back. */
async function authorizeByKeyboard(page: Page): Promise<void> {
  await page.waitForURL((url) => url.origin === TESTBED);
  const login = page.locator('input[name=login]');
  const consent = page.getByRole('button', { name: 'Continue' });
  for (let round = 0; round < 4; round++) {
    if (new URL(page.url()).origin !== TESTBED) return;
    await login.or(consent).first().waitFor();
    const next = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
    if (await login.isVisible()) {
      await tabTo(page, login, { limit: 10, checkFocus: false });
      await page.keyboard.type('alice');
      await page.keyboard.press('Tab');
      await page.keyboard.type('any password');
      await page.keyboard.press('Enter');
    } else {
      await tabTo(page, consent, { limit: 10, checkFocus: false });
      await page.keyboard.press('Enter');
    }
    await next;
  }
  await page.waitForURL((url) => url.origin !== TESTBED);
}

test('a keyboard alone opens a preset, edits, reads the decision and a finding, compares, copies the link and runs the flow', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
  await page.goto('/');
  const prm = page.getByRole('textbox', { name: 'Protected Resource Metadata', exact: true });
  await expect(prm).toHaveAttribute('contenteditable', 'true');
  const decisionScope = page.getByTestId('decision-scope');

  // Open a preset from the menu; focus comes back to the menu's button.
  const presets = page.getByRole('button', { name: /^Presets/ });
  await tabTo(page, presets);
  await press(page, 'Enter');
  await expect(presets).toHaveAttribute('aria-expanded', 'true');
  await expectFocusVisible(page);
  await tabTo(page, page.getByRole('button', { name: 'PRM scopes used', exact: true }));
  await press(page, 'Enter');
  await expect(presets).toBeFocused();
  await expect(presets).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('complementary', { name: 'About this preset' })).toContainText(
    'PRM scopes used',
  );

  // Edit the Protected Resource Metadata: its own scopes, and no `resource`, which is a finding.
  await tabTo(page, prm);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(
    '{"authorization_servers": ["https://auth.example.com"], "scopes_supported": ["notes:read", "notes:write"]}',
  );
  await expectFocusVisible(page);
  await expect(decisionScope).toContainText('notes:read notes:write');

  // Read the decision: the summary's link takes focus to it.
  await tabTo(page, page.locator('a.summary-scope'), { backwards: true });
  await press(page, 'Enter');
  await expect(page.locator('#decision-title')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Decision' })).toContainText('notes:read');

  // Its flowchart in the larger view: a modal dialog that Escape closes, giving focus back.
  const larger = page.getByRole('button', { name: 'Larger view', exact: true });
  await tabTo(page, larger);
  await press(page, 'Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('decision-flowchart')).toBeVisible();
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await press(page, 'Escape');
  await expect(dialog).toHaveCount(0);
  await expect(larger).toBeFocused();

  // Read a finding, and let it put the cursor on its place in the document.
  const toFindings = page.locator('a.summary-jump[href="#findings-title"]');
  await tabTo(page, toFindings, { backwards: true });
  await press(page, 'Enter');
  await expect(page.locator('#findings-title')).toBeFocused();
  const finding = page
    .locator('[data-testid="finding"]')
    .filter({ has: page.locator('code', { hasText: /^prm\// }) })
    .first();
  await expect(finding).toBeVisible();
  const findingButton = finding.getByRole('button');
  await tabTo(page, findingButton);
  await expect(findingButton).toContainText(/resource/);
  await press(page, 'Enter');
  await expect(prm).toBeFocused();

  // Open a profile's row in the comparison to read its trace.
  await tabTo(page, page.locator('a.summary-jump[href="#comparison-title"]'), { backwards: true });
  await press(page, 'Enter');
  await expect(page.locator('#comparison-title')).toBeFocused();
  const row = page.locator('[data-testid="profile-row"][data-profile="python-sdk"]');
  const expander = row.getByRole('button').first();
  await tabTo(page, expander);
  await press(page, 'Enter');
  await expect(expander).toHaveAttribute('aria-expanded', 'true');
  const trace = page.locator(`[id="${await expander.getAttribute('aria-controls')}"]`);
  await expect(trace).toBeVisible();

  // Copy the permalink; it is the address of what is on screen.
  const copy = page.getByRole('button', { name: 'Copy link', exact: true });
  await tabTo(page, copy, { backwards: true, limit: 200 });
  await press(page, 'Enter');
  await expect(page.getByText('Copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/localhost:5173\/#s=[A-Za-z0-9_-]+$/);
  expect(link).toBe(page.url());

  // Go to the flow runner, and run the flow to tools/list against the testbed.
  const flowLink = page.getByRole('link', { name: 'Run the flow', exact: true });
  await tabTo(page, flowLink, { backwards: true });
  await press(page, 'Enter');
  await expect(page).toHaveURL(/\/flow$/);
  const runAll = page.getByRole('button', { name: 'Run all', exact: true });
  await expect(runAll).toBeEnabled();
  await expectFocusVisible(page);
  await tabTo(page, runAll);
  await page.keyboard.press('Enter');
  await authorizeByKeyboard(page);
  const mcp = page.locator('[data-testid="flow-step"][data-step="mcp"]');
  await expect(mcp).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('tools-list')).toContainText('read_notes');

  // Back from the authorization server, the page gives focus to the step that ran last; Tab goes
  // on from there to the token panel's Refresh, showing focus at every stop.
  await expect(page.locator('[data-testid="flow-step"]:focus')).toHaveCount(1);
  await expectFocusVisible(page);
  const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
  const refreshIsEarlier = await refresh.evaluate(
    (element) =>
      document.activeElement !== null &&
      (element.compareDocumentPosition(document.activeElement) &
        Node.DOCUMENT_POSITION_FOLLOWING) !==
        0,
  );
  await tabTo(page, refresh, { backwards: refreshIsEarlier });
});
