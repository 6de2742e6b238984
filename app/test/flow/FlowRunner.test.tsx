import { MAIN_STEPS, PHASE_STEPS } from '@mcp-auth-playground/core';
import type { StepName } from '@mcp-auth-playground/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FlowRunner } from '../../src/flow/components/FlowRunner.tsx';
import type { StepExecutor } from '@mcp-auth-playground/client';
import { FlowSession } from '../../src/flow/session/session.ts';
import { StepFailure } from '@mcp-auth-playground/client';

const ACCESS =
  'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwOi8vbG9jYWxob3N0OjQwMDAvbWNwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

/** Steps that succeed at once; the MCP step lists two tools, and one exchange carries a token. */
function executors(overrides: Partial<Record<StepName, StepExecutor>> = {}) {
  const all = Object.fromEntries(
    [...MAIN_STEPS, ...PHASE_STEPS.refresh, ...PHASE_STEPS['step-up']].map(
      (name): [StepName, StepExecutor] => [name, () => Promise.resolve({})],
    ),
  ) as Record<StepName, StepExecutor>;
  all.probe = async (context) => {
    await context.fetch('initialize')('http://localhost:4000/mcp', {
      method: 'POST',
      headers: { authorization: `Bearer ${ACCESS}` },
      body: '{}',
    });
    return {};
  };
  all.mcp = () =>
    Promise.resolve({
      data: { mcp: { tools: [{ name: 'read_notes' }, { name: 'write_note' }] } },
    });
  return { ...all, ...overrides };
}

function renderRunner(overrides: Partial<Record<StepName, StepExecutor>> = {}) {
  const session = new FlowSession(
    {
      fetch: () => Promise.resolve(new Response('{"ok":true}', { status: 200 })),
      storage: window.sessionStorage,
      origin: 'http://localhost:5173',
      redirectUri: 'http://localhost:5173/callback',
      leave: () => undefined,
      now: () => Date.now(),
    },
    undefined,
    executors(overrides),
  );
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <FlowRunner session={session} />
    </QueryClientProvider>,
  );
  return session;
}

const stepItem = (name: string) =>
  screen.getAllByTestId('flow-step').find((item) => item.dataset.step === name)!;

describe('FlowRunner', () => {
  it('offers the settings and controls the contract names, the first step waiting', () => {
    renderRunner();
    expect(screen.getByLabelText('MCP server URL')).toHaveValue('http://localhost:4000/mcp');
    expect(screen.getByRole('button', { name: 'Run all' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Restart' })).toBeEnabled();
    expect(screen.getAllByRole('button', { name: 'Continue' })).toHaveLength(1);
    expect(screen.getAllByTestId('flow-step').map((item) => item.dataset.status)).toEqual([
      'paused',
      ...MAIN_STEPS.slice(1).map(() => 'pending'),
    ]);
  });

  it('runs every step with Run all, lists the tools and locks the settings', async () => {
    renderRunner();
    await userEvent.click(screen.getByRole('button', { name: 'Run all' }));
    await waitFor(() => expect(stepItem('mcp').dataset.status).toBe('done'));
    expect(within(screen.getByTestId('tools-list')).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByLabelText('MCP server URL')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
  });

  it('steps one Continue at a time', async () => {
    renderRunner();
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(stepItem('probe').dataset.status).toBe('done'));
    expect(stepItem('resource-metadata').dataset.status).toBe('paused');
    expect(
      within(stepItem('resource-metadata')).getByRole('button', { name: 'Continue' }),
    ).toBeVisible();
  });

  it('shows every exchange with the token shortened until revealed', async () => {
    renderRunner();
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const exchange = await screen.findByTestId('http-exchange');
    expect(exchange).toHaveTextContent('POST http://localhost:4000/mcp 200');
    expect(exchange.textContent).not.toContain(ACCESS);
    expect(exchange).toHaveTextContent('Bearer eyJhbG…VyZQ');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Reveal secrets' }));
    expect(screen.getByTestId('http-exchange').textContent).toContain(ACCESS);
  });

  it('explains a failure in an alert and restarts from the first step', async () => {
    renderRunner({
      'resource-metadata': () =>
        Promise.reject(
          new StepFailure({
            code: 'cors',
            message: 'The browser blocked the answer: send Access-Control-Allow-Origin.',
          }),
        ),
    });
    await userEvent.click(screen.getByRole('button', { name: 'Run all' }));
    const alert = await within(stepItem('resource-metadata')).findByRole('alert');
    expect(alert).toHaveTextContent('send Access-Control-Allow-Origin');
    expect(screen.getByRole('button', { name: 'Run all' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(stepItem('probe').dataset.status).toBe('paused');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('http-exchange')).toBeNull();
  });
});
