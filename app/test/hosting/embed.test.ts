import {
  DEFAULT_PRESET,
  PRESETS,
  PROFILES,
  encodeScenario,
  evaluateScenario,
  type Scenario,
} from '@mcp-auth-playground/core';
import { within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { embedCodeFor } from '../../src/embed/embed-code.ts';
import { renderEmbed } from '../../src/embed/render.ts';
import { EMBED_VIEWS } from '../../src/embed/views/index.ts';
import { SOURCE_TEXT } from '../../src/shared/words.ts';

const ORIGIN = 'https://docs.example.com';
const BASE = '/tools/auth-playground/';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('main');
  document.body.append(container);
});

afterEach(() => {
  container.remove();
});

async function embed(scenario: Scenario | undefined, search = '?embed=1') {
  const hash = scenario === undefined ? '' : `#s=${await encodeScenario(scenario)}`;
  const result = await renderEmbed(container, { origin: ORIGIN, search, hash }, BASE);
  return { ...result, hash, view: within(container) };
}

function preset(id: string): Scenario {
  const found = PRESETS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.scenario;
}

describe('the decision embed', () => {
  it('shows the scope, where it came from and offline_access, with the trace folded', async () => {
    const scenario = preset('sep-2207-happy-path');
    const { decision } = evaluateScenario(scenario);
    const { view, title } = await embed(scenario);

    expect(title).toBe('Scope decision · MCP Auth Playground');
    expect(view.getByTestId('decision-scope').textContent).toBe(decision.scope);
    expect(view.getByText(SOURCE_TEXT[decision.source])).toBeTruthy();
    expect(view.getByText('offline_access')).toBeTruthy();
    const trace = container.querySelector('details.embed-trace');
    expect(trace).not.toBeNull();
    expect(trace?.hasAttribute('open')).toBe(false);
    expect(trace?.querySelector('summary')?.textContent).toBe(
      `How the client decided (${decision.steps.length} steps)`,
    );
    expect(trace?.querySelectorAll('li.step')).toHaveLength(decision.steps.length);
    // Nothing to edit in an embed.
    expect(container.querySelector('textarea, input, .cm-editor')).toBeNull();
  });

  it('links to the playground on the same scenario, in a new tab', async () => {
    const { view, hash } = await embed(DEFAULT_PRESET.scenario);
    const link = view.getByRole('link', { name: 'Open in the playground' });
    expect(link.getAttribute('href')).toBe(`${ORIGIN}${BASE}${hash}`);
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('shows the scenario’s own profile', async () => {
    const profile = PROFILES.find((candidate) => candidate.group === 'sdk');
    if (!profile) throw new Error('no SDK profile');
    const scenario = { ...preset('prm-scopes-used'), profile: profile.id };
    const { view } = await embed(scenario);
    expect(view.getByRole('heading', { level: 1 }).textContent).toContain(profile.title);
    expect(view.getByTestId('decision-scope').textContent).toBe(
      evaluateScenario(scenario).decision.scope ?? 'no scope parameter',
    );
  });

  it('says when no scope parameter is sent', async () => {
    const { view } = await embed(preset('nothing-to-select'));
    expect(view.getByTestId('decision-scope').dataset.omitted).toBe('true');
  });

  it('shows markup in hostile metadata as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const scenario: Scenario = {
      ...DEFAULT_PRESET.scenario,
      wwwAuthenticate: `Bearer scope="${hostile}"`,
    };
    const { view } = await embed(scenario);
    expect(view.getByTestId('decision-scope').textContent).toContain(hostile);
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('the comparison embed', () => {
  it('lists every profile with its scope, and unfolds a row’s steps on request', async () => {
    const scenario = preset('vscode-every-as-scope');
    const { comparison } = evaluateScenario(scenario);
    const { view, title } = await embed(scenario, '?embed=1&view=compare');

    expect(title).toBe('How each client decides · MCP Auth Playground');
    const rows = view.getAllByTestId('profile-row');
    expect(rows).toHaveLength(PROFILES.length);
    for (const row of rows) {
      const decision = comparison.find((entry) => entry.profile === row.dataset.profile);
      expect(within(row).getByTestId('profile-scope').textContent).toBe(
        decision?.scope ?? 'no scope parameter',
      );
    }

    const first = rows[0];
    if (!first) throw new Error('no rows');
    const expander = within(first).getByRole('button');
    const traceRow = document.getElementById(expander.getAttribute('aria-controls') ?? '');
    expect(traceRow?.hidden).toBe(true);
    expander.click();
    expect(expander.getAttribute('aria-expanded')).toBe('true');
    expect(traceRow?.hidden).toBe(false);
  });
});

describe('an embed that cannot show a decision', () => {
  it('says the address needs a scenario', async () => {
    const { view } = await embed(undefined);
    expect(view.getByRole('alert').textContent).toContain('#s=');
    expect(view.getByRole('link', { name: 'Open in the playground' }).getAttribute('href')).toBe(
      `${ORIGIN}${BASE}`,
    );
  });

  it('passes on what is wrong with a damaged link', async () => {
    const result = await renderEmbed(
      container,
      { origin: ORIGIN, search: '?embed=1', hash: '#s=not-a-real-link' },
      BASE,
    );
    expect(result.title).toBe('Embed · MCP Auth Playground');
    expect(within(container).getByRole('alert').textContent).toMatch(/link/i);
  });

  it.each(['flowchart-that-does-not-exist', '__proto__', 'constructor'])(
    'names the views there are when asked for %s',
    async (name) => {
      const { view } = await embed(DEFAULT_PRESET.scenario, `?embed=1&view=${name}`);
      expect(view.getByRole('alert').textContent).toContain(
        `views: ${[...EMBED_VIEWS.keys()].join(', ')}`,
      );
      expect([...EMBED_VIEWS.keys()]).toEqual(expect.arrayContaining(['decision', 'compare']));
    },
  );
});

describe('the embed code', () => {
  it('is an iframe of the embed for the scenario, which opens the same decision', async () => {
    const scenario = preset('challenge-scope-wins');
    const code = await embedCodeFor(scenario, ORIGIN, BASE);
    const template = document.createElement('template');
    template.innerHTML = code;
    const frame = template.content.firstElementChild;
    expect(frame?.tagName).toBe('IFRAME');
    expect(frame?.getAttribute('title')).toBeTruthy();
    const src = new URL(frame?.getAttribute('src') ?? '');
    expect(`${src.origin}${src.pathname}${src.search}`).toBe(`${ORIGIN}${BASE}?embed=1`);

    const { decision } = evaluateScenario(scenario);
    await renderEmbed(container, { origin: ORIGIN, search: src.search, hash: src.hash }, BASE);
    expect(within(container).getByTestId('decision-scope').textContent).toBe(decision.scope);
  });

  it('sizes itself: its load handler asks the embed for its height and applies what it is told', async () => {
    const code = await embedCodeFor(preset('challenge-scope-wins'), ORIGIN, BASE);
    // One element, so it pastes anywhere an iframe goes; its handler holds no '>' to end it early.
    expect(code).toMatch(/^<iframe src="[^"]+"[^>]*><\/iframe>$/);
    const template = document.createElement('template');
    template.innerHTML = code;
    const frame = template.content.firstElementChild as HTMLIFrameElement;
    const handler = frame.getAttribute('onload') ?? '';
    expect(handler).toContain("event.origin !== 'https://docs.example.com'");

    const asked: unknown[] = [];
    const embedWindow = { postMessage: (message: unknown) => asked.push(message) };
    Object.defineProperty(frame, 'contentWindow', { value: embedWindow });
    // The frame stays out of the document (happy-dom cannot load its page); the host page's
    // query for embeds finds it.
    expect(frame.hasAttribute('data-mcp-auth-playground')).toBe(true);
    const query = vi
      .spyOn(document, 'querySelectorAll')
      .mockReturnValue([frame] as unknown as NodeListOf<Element>);
    try {
      // Twice, as for two embeds on a page: one listener serves both.
      // happy-dom runs no inline handlers; the test runs the copied code's the way a browser would.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      const onload = new Function(handler) as (this: HTMLIFrameElement) => void;
      onload.call(frame);
      onload.call(frame);
      expect(asked).toEqual([
        { type: 'mcp-auth-playground:measure' },
        { type: 'mcp-auth-playground:measure' },
      ]);
      const height = (origin: string, value: number) =>
        window.dispatchEvent(
          new MessageEvent('message', {
            origin,
            source: embedWindow as unknown as Window,
            data: { type: 'mcp-auth-playground:height', height: value },
          }),
        );
      height('https://evil.example', 999);
      expect(frame.height).toBe('360');
      height(ORIGIN, 412);
      expect(frame.height).toBe('412');
      expect(query).toHaveBeenCalledWith('iframe[data-mcp-auth-playground]');
    } finally {
      query.mockRestore();
    }
  });
});
