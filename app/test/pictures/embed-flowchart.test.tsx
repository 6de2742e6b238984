import {
  encodeScenario,
  evaluateScenario,
  PRESETS,
  type Scenario,
} from '@mcp-auth-playground/core';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderEmbed } from '../../src/embed/render.ts';

const ORIGIN = 'https://docs.example.com';
const BASE = '/tools/auth-playground/';

let container: HTMLElement;
let cleanup: (() => void) | undefined;

beforeEach(() => {
  container = document.createElement('main');
  document.body.append(container);
});

afterEach(() => {
  act(() => cleanup?.());
  cleanup = undefined;
  container.remove();
});

async function embedFlowchart(scenario: Scenario) {
  const hash = `#s=${await encodeScenario(scenario)}`;
  let result: Awaited<ReturnType<typeof renderEmbed>> | undefined;
  await act(async () => {
    result = await renderEmbed(
      container,
      { origin: ORIGIN, search: '?embed=1&view=flowchart', hash },
      BASE,
    );
  });
  cleanup = result?.cleanup;
  return { title: result?.title, hash };
}

describe('the flowchart embed (?view=flowchart)', () => {
  it('draws the scenario’s decision as its profile’s flowchart, with a way to the playground', async () => {
    const scenario = PRESETS.find((preset) => preset.id === 'vscode-every-as-scope')!.scenario;
    const { decision } = evaluateScenario(scenario);
    const { title, hash } = await embedFlowchart(scenario);
    expect(title).toBe('Scope decision flowchart · MCP Auth Playground');
    const chart = await within(container).findByTestId('decision-flowchart');
    const lit = [...chart.querySelectorAll('[data-taken="true"]')].map((node) =>
      node.getAttribute('data-node'),
    );
    expect(new Set(lit)).toEqual(new Set(decision.steps.map((step) => step.rule)));
    const open = within(container).getByRole('link', { name: 'Open in the playground' });
    expect(open).toHaveAttribute('href', `${ORIGIN}${BASE}${hash}`);
    expect(open).toHaveAttribute('target', '_blank');
  });

  it('shows a chosen node’s step in words, since no trace is beside it', async () => {
    const user = userEvent.setup();
    const scenario = PRESETS[0]!.scenario;
    const { decision } = evaluateScenario(scenario);
    await embedFlowchart(scenario);
    const chart = await within(container).findByTestId('decision-flowchart');
    const first = decision.steps[0]!;
    chart.querySelector<SVGElement>(`[data-node="${first.rule}"]`)!.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByText(first.detail, { exact: false })).toBeVisible());
  });

  it('unmounts when the embed draws again', async () => {
    await embedFlowchart(PRESETS[0]!.scenario);
    await within(container).findByTestId('decision-flowchart');
    act(() => cleanup?.());
    cleanup = undefined;
    expect(container.querySelector('[data-testid="decision-flowchart"]')).toBeNull();
  });
});
