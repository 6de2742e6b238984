import {
  evaluateScenario,
  PRESETS,
  PROFILES,
  type ProfileId,
  type Scenario,
  type ScopeDecision,
} from '@mcp-auth-playground/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecisionFlowchart } from '../../src/pictures/flowchart/DecisionFlowchart.tsx';
import { TraceWithFlowchart } from '../../src/pictures/flowchart/TraceWithFlowchart.tsx';

function evaluate(scenario: Scenario, profile: ProfileId) {
  return evaluateScenario({ ...scenario, profile });
}

async function chart(): Promise<HTMLElement> {
  return screen.findByTestId('decision-flowchart');
}

function nodes(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-node]')];
}

function ids(elements: HTMLElement[]): string[] {
  return elements.map((element) => element.getAttribute('data-node') ?? '');
}

/** What each rule id's step did, straight from the decision: the oracle the overlay must match. */
function outcomes(decision: ScopeDecision): Map<string, string> {
  return new Map(decision.steps.map((step) => [step.rule, step.outcome]));
}

function picker(): HTMLSelectElement {
  return screen.getByRole<HTMLSelectElement>('combobox', { name: 'Compare path with' });
}

const SPEC: ProfileId = 'mcp-2026-07-28';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the decision flowchart', () => {
  it('lights exactly the decision’s steps, numbered in order, for every preset and every profile', async () => {
    const first = PRESETS[0]!;
    const { rerender } = render(<DecisionFlowchart evaluation={evaluate(first.scenario, SPEC)} />);
    await chart();
    for (const preset of PRESETS) {
      for (const profile of PROFILES) {
        const evaluation = evaluate(preset.scenario, profile.id);
        rerender(<DecisionFlowchart evaluation={evaluation} />);
        const drawn = nodes(await chart());
        const label = `${preset.id} / ${profile.id}`;
        expect(ids(drawn), label).toEqual(profile.rule.map((node) => node.rule));
        const lit = drawn.filter((node) => node.getAttribute('data-taken') === 'true');
        expect(new Set(ids(lit)), label).toEqual(
          new Set(evaluation.decision.steps.map((step) => step.rule)),
        );
        evaluation.decision.steps.forEach((step, index) => {
          const node = drawn.find((element) => element.getAttribute('data-node') === step.rule);
          expect(node?.getAttribute('aria-label'), label).toMatch(
            new RegExp(`^Step ${index + 1}: `),
          );
        });
      }
    }
  }, 120_000);

  it('marks exactly the nodes where the compared profile does something else', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <DecisionFlowchart evaluation={evaluate(PRESETS[0]!.scenario, SPEC)} />,
    );
    await chart();
    for (const preset of PRESETS) {
      const evaluation = evaluate(preset.scenario, SPEC);
      rerender(<DecisionFlowchart evaluation={evaluation} />);
      for (const other of PROFILES.filter((profile) => profile.id !== SPEC)) {
        await user.selectOptions(picker(), other.id);
        const drawn = nodes(await chart());
        const mine = outcomes(evaluation.decision);
        const theirs = outcomes(evaluation.comparison.find((entry) => entry.profile === other.id)!);
        const everyRule = new Set([...mine.keys(), ...theirs.keys(), ...ids(drawn)]);
        const expected = [...everyRule].filter((rule) => mine.get(rule) !== theirs.get(rule));
        const marked = drawn.filter((node) => node.getAttribute('data-differs') === 'true');
        const label = `${preset.id}: ${SPEC} vs ${other.id}`;
        expect(new Set(ids(marked)), label).toEqual(new Set(expected));
        // The primary's own path does not change when an overlay is chosen.
        const lit = drawn.filter((node) => node.getAttribute('data-taken') === 'true');
        expect(new Set(ids(lit)), label).toEqual(new Set(mine.keys()));
        // Every node of the other profile's rule is drawn, so its whole path can be followed.
        expect(ids(drawn), label).toEqual(
          expect.arrayContaining(other.rule.map((node) => node.rule)),
        );
      }
    }
  }, 120_000);

  it('says where VS Code and the spec part ways when the PRM lists no scopes', async () => {
    const user = userEvent.setup();
    const scenario = PRESETS.find((preset) => preset.id === 'vscode-every-as-scope')!.scenario;
    render(<DecisionFlowchart evaluation={evaluate(scenario, SPEC)} />);
    await chart();
    await user.selectOptions(picker(), 'vscode');
    const drawn = nodes(await chart());
    expect(ids(drawn.filter((node) => node.getAttribute('data-differs') === 'true'))).toEqual([
      'auth-server-scopes',
      'omit',
    ]);
    expect(
      screen.getByText(/VS Code parts ways with MCP spec 2026-07-28 at “Otherwise omit scope”/),
    ).toBeVisible();
    const extra = drawn.find((node) => node.getAttribute('data-node') === 'auth-server-scopes')!;
    expect(extra).toHaveAttribute('data-taken', 'false');
    expect(extra).toHaveAttribute('data-other-taken', 'true');
    expect(extra.getAttribute('aria-label')).toMatch(
      /^Only in VS Code's rule: Else every scope the AS lists/,
    );
    await user.selectOptions(picker(), '');
    expect(nodes(await chart()).some((node) => node.hasAttribute('data-differs'))).toBe(false);
  });

  it('shows the compared profile’s own words where its rule words a node otherwise', async () => {
    const user = userEvent.setup();
    const stepUp: Scenario = {
      ...PRESETS[0]!.scenario,
      wwwAuthenticate: 'Bearer error="insufficient_scope", scope="files:write"',
      previousScope: 'files:read',
    };
    render(<DecisionFlowchart evaluation={evaluate(stepUp, SPEC)} />);
    await chart();
    await user.selectOptions(picker(), 'mcp-2025-11-25');
    const drawn = nodes(await chart());
    const stepUpNode = drawn.find((node) =>
      /Union of previous scope/.test(node.textContent ?? ''),
    )!;
    // The 2025 revision never takes the union: its own rule's words are on the node, in its colour.
    expect(stepUpNode.querySelector('.fc-other-label')?.parentElement?.textContent).toContain(
      'MCP spec 2025-11-25: insufficient_scope? Select again from the new challenge',
    );
    expect(stepUpNode.getAttribute('aria-label')).toContain(
      'MCP spec 2025-11-25: insufficient_scope? Select again from the new challenge;',
    );
    // Every mark has a legend entry: the filled and hollow dots of the compared profile too.
    const legend = (await chart()).querySelector('.fc-legend')!.textContent;
    for (const entry of [
      'Took effect',
      'Checked, moved on',
      'Not reached',
      'Step of the trace',
      'Spec section',
      'MCP spec 2025-11-25: took effect',
      'MCP spec 2025-11-25: checked, moved on',
      'Where they differ',
    ]) {
      expect(legend).toContain(entry);
    }
  });

  it('opens a larger view of the same chart, and closes it', async () => {
    const user = userEvent.setup();
    // happy-dom has no modal dialogs; the page's showModal is what the button calls.
    const showModal = vi
      .spyOn(HTMLDialogElement.prototype, 'showModal')
      .mockImplementation(function (this: HTMLDialogElement) {
        this.setAttribute('open', '');
      });
    render(<DecisionFlowchart evaluation={evaluate(PRESETS[0]!.scenario, SPEC)} />);
    await chart();
    await user.click(screen.getByRole('button', { name: 'Larger view' }));
    await waitFor(() => expect(screen.getAllByTestId('decision-flowchart')).toHaveLength(2));
    expect(showModal).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.getAllByTestId('decision-flowchart')).toHaveLength(1));
  });

  it('does not offer the profile being drawn as its own comparison', async () => {
    render(<DecisionFlowchart evaluation={evaluate(PRESETS[0]!.scenario, 'vscode')} />);
    await chart();
    const offered = within(picker())
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(offered).not.toContain('vscode');
    expect(offered).toContain(SPEC);
    expect(offered[0]).toBe('');
  });

  it('reserves the chart’s exact size before its drawing code arrives', async () => {
    render(<DecisionFlowchart evaluation={evaluate(PRESETS[0]!.scenario, 'codex')} />);
    const frame = document.querySelector<HTMLElement>('.picture-frame')!;
    const reserved = { width: frame.style.width, height: frame.style.height };
    const svg = await chart();
    expect(`${svg.getAttribute('width')}px`).toBe(reserved.width);
    expect(`${svg.getAttribute('height')}px`).toBe(reserved.height);
  });

  it('gives every node a text alternative, a tab stop and a spec link', async () => {
    const evaluation = evaluate(PRESETS[0]!.scenario, SPEC);
    render(<DecisionFlowchart evaluation={evaluation} />);
    const svg = await chart();
    const rule = PROFILES.find((profile) => profile.id === SPEC)!.rule;
    for (const node of nodes(svg)) {
      const cited = rule.find((entry) => entry.rule === node.getAttribute('data-node'))!.cite;
      expect(node).toHaveAttribute('tabindex', '0');
      expect(node).toHaveAttribute('role', 'button');
      expect(node.getAttribute('aria-label')).toContain(`Spec: ${cited.title}.`);
      expect(node.querySelector('title')?.textContent).toBe(node.getAttribute('aria-label'));
      const cite = svg.querySelector(`[data-cite-for="${node.getAttribute('data-node')}"]`);
      expect(cite?.getAttribute('href')).toBe(cited.url);
    }
  });
});

describe('choosing a node', () => {
  const evaluation = evaluate(
    PRESETS.find((preset) => preset.id === 'vscode-every-as-scope')!.scenario,
    SPEC,
  );
  const stepId = (index: number) => `test-step-${index + 1}`;

  function Page() {
    return (
      <TraceWithFlowchart evaluation={evaluation} stepElementId={stepId}>
        <ol>
          {evaluation.decision.steps.map((step, index) => (
            <li key={step.rule} id={stepId(index)} tabIndex={-1}>
              {step.detail}
            </li>
          ))}
        </ol>
      </TraceWithFlowchart>
    );
  }

  it('moves focus to the node’s trace step with Enter, Space or a click', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const svg = await chart();
    const node = (id: string) => svg.querySelector<SVGElement>(`[data-node="${id}"]`)!;
    const omitAt = evaluation.decision.steps.findIndex((step) => step.rule === 'omit');

    node('omit').focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(document.getElementById(stepId(omitAt)));

    node('resource-scopes').focus();
    await user.keyboard(' ');
    const prmAt = evaluation.decision.steps.findIndex((step) => step.rule === 'resource-scopes');
    expect(document.activeElement).toBe(document.getElementById(stepId(prmAt)));

    fireEvent.click(node('challenge-scope'));
    const challengeAt = evaluation.decision.steps.findIndex(
      (step) => step.rule === 'challenge-scope',
    );
    expect(document.activeElement).toBe(document.getElementById(stepId(challengeAt)));
  });

  it('says so when a node was not reached', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const svg = await chart();
    const unreached = svg.querySelector<SVGElement>('[data-node="step-up"]')!;
    expect(unreached).toHaveAttribute('data-taken', 'false');
    unreached.focus();
    await user.keyboard('{Enter}');
    expect(
      screen.getByText(
        /“insufficient_scope\? Union of previous scope and challenge” was not reached/,
      ),
    ).toBeVisible();
  });

  it('shows the step’s own words where no trace is on the page (the embed)', async () => {
    const user = userEvent.setup();
    render(<DecisionFlowchart evaluation={evaluation} />);
    const svg = await chart();
    svg.querySelector<SVGElement>('[data-node="omit"]')!.focus();
    await user.keyboard('{Enter}');
    const omit = evaluation.decision.steps.find((step) => step.rule === 'omit')!;
    expect(screen.getByText(omit.detail, { exact: false })).toBeVisible();
  });
});

describe('Download SVG', () => {
  it('saves a standalone SVG: no classes, no page styles, a background, the same nodes', async () => {
    const user = userEvent.setup();
    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:picture';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<DecisionFlowchart evaluation={evaluate(PRESETS[0]!.scenario, SPEC)} />);
    const svg = await chart();
    await user.click(screen.getByRole('button', { name: 'Download SVG' }));
    await waitFor(() => expect(saved).toBeDefined());
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(saved?.type).toBe('image/svg+xml');
    const text = await saved!.text();
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = parsed.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.querySelectorAll('[class]')).toHaveLength(0);
    expect(root.querySelectorAll('[tabindex]')).toHaveLength(0);
    expect(text).not.toMatch(/var\(|@import|<image|<foreignObject|xlink:href/);
    expect(root.firstElementChild?.tagName.toLowerCase()).toBe('rect');
    expect(
      [...root.querySelectorAll('[data-node]')].map((node) => node.getAttribute('data-node')),
    ).toEqual(nodes(svg).map((node) => node.getAttribute('data-node')));
  });

  it('heads the saved SVG with its title, both profiles and the scopes they request', async () => {
    const user = userEvent.setup();
    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:picture';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const evaluation = evaluate(PRESETS[0]!.scenario, SPEC);
    render(<DecisionFlowchart evaluation={evaluation} />);
    await chart();
    await user.selectOptions(picker(), 'mcp-2025-11-25');
    await user.click(screen.getByRole('button', { name: 'Download SVG' }));
    await waitFor(() => expect(saved).toBeDefined());
    const root = new DOMParser().parseFromString(
      await saved!.text(),
      'image/svg+xml',
    ).documentElement;
    const heading = [...root.querySelectorAll('[data-heading] text')].map(
      (line) => line.textContent,
    );
    const other = evaluation.comparison.find((entry) => entry.profile === 'mcp-2025-11-25')!;
    expect(heading.join(' ')).toBe(
      [
        'How MCP spec 2026-07-28 decides its scope, compared with MCP spec 2025-11-25',
        `MCP spec 2026-07-28 requests scope "${evaluation.decision.scope}"`,
        `MCP spec 2025-11-25 requests scope "${other.scope}"`,
      ].join(' '),
    );
    // The heading sits above the chart: the view box grows upwards, the backdrop with it.
    expect(root.getAttribute('viewBox')).toMatch(/^0 -\d+ /);
    expect(root.firstElementChild?.getAttribute('y')).toMatch(/^-\d+$/);
  });
});
