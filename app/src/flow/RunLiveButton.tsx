import { sanitizeScenario } from '@mcp-auth-playground/core';
import type { Scenario } from '@mcp-auth-playground/core';
import { useMutation } from '@tanstack/react-query';
import { isTestbedListening, TESTBED_ORIGIN } from '../discover/testbed.ts';
import { navigate } from '../router/location.ts';

interface LiveScenario {
  serverUrl: string;
  issuer: string;
  expiresAt: string;
}

function isLiveScenario(value: unknown): value is LiveScenario {
  if (typeof value !== 'object' || value === null) return false;
  const { serverUrl, issuer, expiresAt } = value as Record<string, unknown>;
  return [serverUrl, issuer, expiresAt].every((field) => typeof field === 'string');
}

/**
 * Sends the scenario to the local testbed, which serves it live as a fresh authorization server
 * and MCP server pair, and opens the flow runner on that server. The scenario carries no
 * secrets (client secrets are stripped first), so posting it is safe.
 */
async function createLiveScenario(scenario: Scenario, signal: AbortSignal): Promise<LiveScenario> {
  const notAnswering = new Error(
    `The testbed did not answer at ${TESTBED_ORIGIN}. Start it with npm start (or npm run testbed), then try again.`,
  );
  // Asked of the dev server first: a request to the testbed's closed port would also print a
  // network error in the browser's console, for a case the button already explains.
  if (!(await isTestbedListening(signal))) throw notAnswering;
  let response: Response;
  try {
    response = await fetch(`${TESTBED_ORIGIN}/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sanitizeScenario(scenario).scenario),
      credentials: 'omit',
      signal,
    });
  } catch {
    throw notAnswering;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.status !== 201 || !isLiveScenario(body)) {
    const description =
      typeof body === 'object' && body !== null && 'error_description' in body
        ? String(body.error_description)
        : `it answered ${response.status}`;
    throw new Error(`The testbed could not serve this scenario: ${description}`);
  }
  return body;
}

interface RunLiveButtonProps {
  /** The scenario on screen when called: read when the button is pressed. */
  currentScenario: () => Scenario;
  /** A production build has no testbed beside it, so the button is not offered there. */
  hosted?: boolean;
}

/** "Run this scenario live": the edited documents, served for real, then the real flow. */
export function RunLiveButton({
  currentScenario,
  hosted = !import.meta.env.DEV,
}: RunLiveButtonProps) {
  const live = useMutation({
    mutationKey: ['live-scenario'],
    mutationFn: (scenario: Scenario) => createLiveScenario(scenario, AbortSignal.timeout(10_000)),
    retry: false,
    onSuccess: (created, scenario) => {
      const query = new URLSearchParams({ server: created.serverUrl });
      if (scenario.profile) query.set('profile', scenario.profile);
      navigate(`/flow?${query.toString()}`);
    },
  });
  if (hosted) return null;
  return (
    <span className="run-live">
      <button
        type="button"
        onClick={() => live.mutate(currentScenario())}
        disabled={live.isPending}
      >
        {live.isPending ? 'Starting the live scenario…' : 'Run this scenario live'}
      </button>
      <span role="status" className="run-live-status">
        {live.isError ? live.error.message : ''}
      </span>
    </span>
  );
}
