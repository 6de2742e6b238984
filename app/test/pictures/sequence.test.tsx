import type { HttpExchange, SequenceParties, StepName } from '@mcp-auth-playground/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FlowSequence } from '../../src/pictures/sequence/FlowSequence.tsx';
import { layoutSequence } from '../../src/pictures/sequence/layout.ts';

const TESTBED = 'http://localhost:4000';
const PARTIES: SequenceParties = {
  serverUrl: `${TESTBED}/mcp`,
  authServers: [{ issuer: `${TESTBED}/as/default` }],
  clientOrigin: 'http://localhost:5173',
};

function exchange(
  id: string,
  step: StepName,
  method: string,
  url: string,
  status?: number,
): HttpExchange {
  return {
    id,
    step,
    kind: status === undefined ? 'navigation' : 'fetch',
    startedAt: 0,
    request: { method, url, headers: [] },
    ...(status === undefined ? {} : { response: { status, statusText: '', headers: [] } }),
  };
}

const LOG: HttpExchange[] = [
  exchange('1', 'probe', 'POST', `${TESTBED}/mcp`, 401),
  exchange(
    '2',
    'resource-metadata',
    'GET',
    `${TESTBED}/.well-known/oauth-protected-resource/mcp`,
    200,
  ),
  exchange(
    '3',
    'authorization-server-metadata',
    'GET',
    `${TESTBED}/.well-known/oauth-authorization-server/as/default`,
    200,
  ),
  exchange('4', 'authorization-request', 'GET', `${TESTBED}/as/default/auth?state=s`),
  exchange('5', 'authorization-response', 'GET', 'http://localhost:5173/callback?code=c'),
  exchange('6', 'token', 'POST', `${TESTBED}/as/default/token`, 400),
];

const stepTitle = (step: StepName) => `the ${step} step`;

function Diagram(props: {
  log: HttpExchange[];
  current?: StepName;
  onOpen?: (id: string) => void;
}) {
  return (
    <FlowSequence
      log={props.log}
      parties={PARTIES}
      currentStep={props.current}
      stepTitle={stepTitle}
      onOpenExchange={props.onOpen ?? (() => {})}
    />
  );
}

describe('the flow sequence diagram', () => {
  it('grows one arrow per exchange as the log grows', async () => {
    const { rerender } = render(<Diagram log={[]} />);
    const svg = await screen.findByTestId('flow-sequence');
    expect(within(svg).queryAllByTestId('sequence-arrow')).toHaveLength(0);
    for (let count = 1; count <= LOG.length; count++) {
      rerender(<Diagram log={LOG.slice(0, count)} />);
      const arrows = (await screen.findByTestId('flow-sequence')).querySelectorAll(
        '[data-testid="sequence-arrow"]',
      );
      expect(arrows).toHaveLength(count);
      expect(arrows[count - 1]?.getAttribute('data-exchange-id')).toBe(LOG[count - 1]?.id);
    }
  });

  it('labels each arrow with method, path and status, and its lanes in words', async () => {
    render(<Diagram log={LOG} />);
    const arrows = within(await screen.findByTestId('flow-sequence')).getAllByTestId(
      'sequence-arrow',
    );
    expect(arrows[0]).toHaveTextContent('POST /mcp · 401');
    expect(arrows[0]?.getAttribute('aria-label')).toMatch(
      /^1\. POST \/mcp · 401, an error, from the Browser client to the MCP server, in step “the probe step”/,
    );
    expect(arrows[4]?.getAttribute('aria-label')).toMatch(
      /from the Authorization server to the Browser client/,
    );
    expect(arrows[4]).not.toHaveTextContent('code=c');
  });

  it('marks errors and the current step', async () => {
    render(<Diagram log={LOG} current="token" />);
    const arrows = within(await screen.findByTestId('flow-sequence')).getAllByTestId(
      'sequence-arrow',
    );
    expect(arrows.map((arrow) => arrow.getAttribute('data-outcome'))).toEqual([
      'error',
      'ok',
      'ok',
      'navigation',
      'navigation',
      'error',
    ]);
    expect(
      arrows
        .filter((arrow) => arrow.classList.contains('is-current'))
        .map((arrow) => arrow.getAttribute('data-exchange-id')),
    ).toEqual(['6']);
    expect(screen.getByText(/6 exchanges, 2 in red for an error/)).toBeVisible();
  });

  it('opens an exchange with a click, Enter or Space', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(<Diagram log={LOG} onOpen={onOpen} />);
    const arrows = within(await screen.findByTestId('flow-sequence')).getAllByTestId(
      'sequence-arrow',
    );
    await user.click(arrows[1]!);
    arrows[2]!.focus();
    await user.keyboard('{Enter}');
    arrows[5]!.focus();
    await user.keyboard(' ');
    expect(onOpen.mock.calls).toEqual([['2'], ['3'], ['6']]);
    expect(arrows.every((arrow) => arrow.getAttribute('tabindex') === '0')).toBe(true);
  });

  it('keeps its frame at the drawing’s height', async () => {
    render(<Diagram log={LOG} />);
    const svg = await screen.findByTestId('flow-sequence');
    const frame = svg.parentElement as HTMLElement;
    expect(frame.style.height).toBe(`${svg.getAttribute('height')}px`);
  });
});

describe('the sequence layout', () => {
  it('keeps method and status of a long path on a phone, shortening the path in its middle', () => {
    const [row] = layoutSequence(
      [
        {
          id: 'a',
          step: 'authorization-server-metadata',
          from: 'client',
          to: 'authorization-server',
          method: 'GET',
          path: '/.well-known/oauth-authorization-server/tenants/acme/issuer',
          status: '200',
          outcome: 'ok',
          unknownParty: false,
        },
      ],
      340,
    ).rows;
    expect(row?.label).toMatch(/^GET \/\.well-.*….*issuer · 200$/);
  });
});
