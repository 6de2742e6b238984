import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { A11Y_STATES, type A11yState } from './a11y-states.ts';

// axe-core (Deque's rules for WCAG 2.0 and 2.1, levels A and AA) over every state the app has
// (e2e/a11y-states.ts), each in light and dark and at a desktop and a phone width. A serious or
// critical violation fails the state; the message lists each rule with the elements it found.
// Beside axe, every control named apart from its content must have a name that starts with the
// text it shows (WCAG 2.5.3 asks that it contain it; speech users say what they see first).
//
// The app follows the system's colour scheme (prefers-color-scheme), so emulating it switches the
// theme. A state is entered once and checked four times, as neither switch reloads the page: all
// rules in light at each width (the layout decides what is shown and what scrolls), and the rules
// about colour again in dark.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

// A flow state signs in at the testbed through real redirects before it is checked.
test.describe.configure({ timeout: 120_000 });

/** The serious and critical violations on the page as it is, one readable line per element. */
async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // axe.run in the page itself ("legacy" mode): no page shows a frame, and the default (a run
  // per frame, finished in a new blank page) costs a page per check.
  const builder = new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .setLegacyMode();
  if (rules) builder.withRules(rules);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      ),
    );
}

/**
 * Controls whose accessible name (aria-label or aria-labelledby) does not start with the words
 * they show. Words are compared without case or punctuation; a control that shows no words (an
 * icon, "×") is free to be named. A numbered step's name may say "Step N:" first, where N is the
 * number its badge shows before its text.
 */
async function namesNotStartingWithText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const words = (text: string) =>
      text
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_\s]+/gu, ' ')
        .split(/\s+/)
        .filter(Boolean);
    /** The text drawn inside an element: what a sighted user reads on it, icons and badges too. */
    const shown = (element: Element): string => {
      if (element instanceof HTMLElement) return element.innerText;
      // SVG: each text node is a word apart (a label's lines are separate elements); a <title>
      // is a tooltip, not drawn.
      return Array.from(element.childNodes)
        .map((child) => {
          if (child.nodeType === Node.TEXT_NODE) return ` ${child.textContent ?? ''} `;
          if (!(child instanceof Element) || child.localName === 'title') return '';
          return shown(child);
        })
        .join('');
    };
    const controls = Array.from(
      document.querySelectorAll(
        'button, a[href], summary, select, [role=button], [role=link], [role=tab], [role=menuitem], [role=checkbox], [role=switch]',
      ),
    );
    const problems: string[] = [];
    for (const control of controls) {
      const labelledBy = control.getAttribute('aria-labelledby');
      const label = labelledBy
        ? labelledBy
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : control.getAttribute('aria-label');
      if (label === null) continue;
      const box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      let text = words(shown(control));
      let name = words(label);
      if (text.length === 0) continue;
      if (name[0] === 'step' && name[1] === text[0] && /^\d+$/.test(text[0]!)) {
        name = name.slice(2);
        text = text.slice(1);
      }
      if (text.every((word, index) => name[index] === word)) continue;
      problems.push(
        `name-starts-with-text: <${control.localName}> shows “${shown(control).trim().replace(/\s+/g, ' ')}” but is named “${label}”`,
      );
    }
    return problems;
  });
}

type MarkedWindow = Window & { a11yStateEntered?: boolean };

/** Whether the page still shows the document the state was entered in. */
async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as MarkedWindow).a11yStateEntered === true).catch(() => false);
}

/**
 * Every problem in the state, each once with the schemes and widths it shows in; undefined when
 * the page loaded a new document meanwhile (the dev server reloads a page when it re-optimises
 * its dependencies or a source file changes), which leaves the state behind.
 */
async function problemsIn(page: Page, state: A11yState): Promise<string[] | undefined> {
  await page.goto('about:blank');
  await page.setViewportSize(WIDTHS[0]);
  await page.emulateMedia({ colorScheme: 'light' });
  await state.enter(page);
  await page.evaluate(() => {
    (window as MarkedWindow).a11yStateEntered = true;
  });
  const found = new Map<string, string[]>();
  const note = (lines: string[], where: string) => {
    for (const line of lines) found.set(line, [...(found.get(line) ?? []), where]);
  };
  try {
    for (const { name, width, height } of WIDTHS) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: 'light' });
      note(await axeViolations(page), `light ${name}`);
      note(await namesNotStartingWithText(page), `light ${name}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      note(await axeViolations(page, COLOUR_RULES), `dark ${name}`);
    }
  } catch (error) {
    if (await sameDocument(page)) throw error;
    return undefined;
  }
  if (!(await sameDocument(page))) return undefined;
  return [...found].map(([line, where]) => `[${where.join(', ')}] ${line}`);
}

for (const state of A11Y_STATES) {
  test(`no serious or critical WCAG violation: ${state.name}`, async ({ page }) => {
    // A reload under the check is the dev server's doing, not the app's: the state is entered
    // again, once.
    const problems = (await problemsIn(page, state)) ?? (await problemsIn(page, state));
    expect(problems, 'the page reloaded twice while it was being checked').toBeDefined();
    expect(problems?.join('\n')).toBe('');
  });
}
