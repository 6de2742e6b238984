import type { Scenario } from '@mcp-auth-playground/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TESTBED_ORIGIN, TESTBED_PROBE_PATH } from '../../src/discover/testbed.ts';
import { RunLiveButton } from '../../src/flow/RunLiveButton.tsx';

const SCENARIO: Scenario = {
  serverUrl: 'https://mcp.example.test/mcp',
  resourceMetadata: { resource: 'https://mcp.example.test/mcp' },
  profile: 'python-sdk',
};

/** Records every request; the probe says whether the testbed listens, the testbed answers 201. */
function network(listening: boolean) {
  const seen: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: string | URL, init?: RequestInit) => {
      const url = input.toString();
      seen.push(`${init?.method ?? 'GET'} ${url}`);
      if (url === TESTBED_PROBE_PATH) return Promise.resolve(Response.json({ listening }));
      return Promise.resolve(
        Response.json(
          {
            serverUrl: `${TESTBED_ORIGIN}/s/abc/mcp`,
            issuer: `${TESTBED_ORIGIN}/s/abc/as`,
            expiresAt: '2026-11-26T20:00:00.000Z',
          },
          { status: 201 },
        ),
      );
    }),
  );
  return seen;
}

function renderButton() {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <RunLiveButton currentScenario={() => SCENARIO} hosted={false} />
    </QueryClientProvider>,
  );
}

describe('RunLiveButton', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    window.history.replaceState(null, '', '/');
  });

  it('with no testbed listening, explains how to start it without knocking on its port', async () => {
    const seen = network(false);
    renderButton();
    await userEvent.click(screen.getByRole('button', { name: 'Run this scenario live' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      `The testbed did not answer at ${TESTBED_ORIGIN}. Start it with npm start`,
    );
    expect(seen).toEqual([`GET ${TESTBED_PROBE_PATH}`]);
  });

  it('with the testbed listening, posts the scenario and opens the flow on the served copy', async () => {
    const seen = network(true);
    renderButton();
    await userEvent.click(screen.getByRole('button', { name: 'Run this scenario live' }));
    await vi.waitFor(() => expect(window.location.pathname).toBe('/flow'));
    expect(seen).toEqual([`GET ${TESTBED_PROBE_PATH}`, `POST ${TESTBED_ORIGIN}/scenarios`]);
    const query = new URLSearchParams(window.location.search);
    expect(query.get('server')).toBe(`${TESTBED_ORIGIN}/s/abc/mcp`);
    expect(query.get('profile')).toBe('python-sdk');
  });
});
