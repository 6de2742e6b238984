import { MAIN_STEPS, PHASE_STEPS } from '@mcp-auth-playground/core';
import type { StepName } from '@mcp-auth-playground/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StepContext, StepExecutor } from '@mcp-auth-playground/client';
import { FlowSession } from '../../src/flow/session/session.ts';
import type { FlowEnvironment } from '../../src/flow/session/session.ts';
import { StepFailure } from '@mcp-auth-playground/client';
import type { PendingAuthorization } from '@mcp-auth-playground/client';

const VERIFIER = 'verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG';
const ACCESS = 'access-token-0123456789-abcdefghijklmnopqrstuvwxyz';
const REFRESH = 'refresh-token-0123456789-abcdefghijklmnopqrstuvwxyz';
const CALLBACK =
  'http://localhost:5173/callback?code=the-code-0123456789abcdef&state=s1&iss=http%3A%2F%2Fas';

const pending: PendingAuthorization = {
  phase: 'main',
  state: 's1',
  codeVerifier: VERIFIER,
  issuer: 'http://as',
  redirectUri: 'http://localhost:5173/callback',
  authorizationUrl: 'http://as/auth?state=s1',
};

interface Harness {
  env: FlowEnvironment;
  left: string[];
  seen: Partial<Record<StepName, StepContext>>;
}

function harness(storage: Storage): Harness {
  const left: string[] = [];
  let clock = 1000;
  return {
    left,
    seen: {},
    env: {
      fetch: () =>
        Promise.resolve(
          new Response(
            JSON.stringify({ access_token: ACCESS, refresh_token: REFRESH, token_type: 'Bearer' }),
            {
              headers: { 'content-type': 'application/json' },
            },
          ),
        ),
      storage,
      origin: 'http://localhost:5173',
      redirectUri: 'http://localhost:5173/callback',
      leave: (url) => left.push(url),
      now: () => (clock += 5),
    },
  };
}

/** Executors that succeed at once, recording what they saw; the redirect step leaves or checks. */
function executors(h: Harness, overrides: Partial<Record<StepName, StepExecutor>> = {}) {
  const all = Object.fromEntries(
    [...MAIN_STEPS, ...PHASE_STEPS.refresh, ...PHASE_STEPS['step-up']].map((name) => [
      name,
      (context: StepContext) => {
        h.seen[name] = context;
        return Promise.resolve({});
      },
    ]),
  ) as Record<StepName, StepExecutor>;
  all['authorization-request'] = () => Promise.resolve({ pending });
  all['authorization-response'] = (context) =>
    Promise.resolve(context.callbackUrl ? {} : { redirect: context.pending!.authorizationUrl });
  all.token = async (context) => {
    // A real exchange through the logging fetch: the verifier goes out, tokens come back.
    await context.fetch('Token request')('http://as/token', {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code_verifier: context.pending!.codeVerifier,
      }),
    });
    return {
      tokens: { accessToken: ACCESS, refreshToken: REFRESH, tokenType: 'bearer', receivedAt: 0 },
      pending: null,
    };
  };
  all['step-up-authorization-request'] = () =>
    Promise.resolve({
      pending: {
        ...pending,
        phase: 'step-up' as const,
        state: 's2',
        codeVerifier: `${VERIFIER}-2`,
      },
    });
  all['step-up-authorization-response'] = all['authorization-response'];
  return { ...all, ...overrides };
}

/** Runs every step the machine starts, as the view's driver does, until none is left. */
async function drive(session: FlowSession): Promise<void> {
  for (let run = session.claimRunningStep(); run; run = session.claimRunningStep()) {
    await session.execute(run);
  }
}

const statusOf = (session: FlowSession, name: StepName) =>
  session.getSnapshot().machine.steps.find((step) => step.name === name)?.status;

describe('FlowSession', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = window.sessionStorage;
    storage.clear();
  });

  it('runs all steps up to the redirect, saving what the callback needs and no token', async () => {
    const h = harness(storage);
    const session = new FlowSession(h.env, undefined, executors(h));
    session.runAll();
    await drive(session);
    expect(h.left).toEqual([pending.authorizationUrl]);
    expect(statusOf(session, 'authorization-response')).toBe('running');
    const saved = storage.getItem('mcp-auth-playground:flow:v1');
    expect(saved).toContain('"codeVerifier"');
    expect(saved).not.toContain(ACCESS);
    expect(session.getSnapshot().log.at(-1)).toMatchObject({
      kind: 'navigation',
      request: { url: pending.authorizationUrl },
    });
  });

  it('continues on /callback in a new page, takes the stored flow out and ends with storage empty', async () => {
    const first = harness(storage);
    const before = new FlowSession(first.env, undefined, executors(first));
    before.runAll();
    await drive(before);

    const h = harness(storage);
    const after = new FlowSession(h.env, undefined, executors(h));
    expect(after.acceptCallback(CALLBACK)).toBe(true);
    expect(storage.length).toBe(0);
    await drive(after);
    expect(h.seen.mcp?.tokens?.accessToken).toBe(ACCESS);
    expect(after.getSnapshot().machine.steps.every((step) => step.status === 'done')).toBe(true);
    expect(after.getSnapshot().tokens?.refreshToken).toBe(REFRESH);
    expect(storage.length).toBe(0);
    expect(window.localStorage.length).toBe(0);
    // The verifier is spent: nothing pending remains to leak into the log's secrets.
    expect(after.secrets()).toEqual([ACCESS, REFRESH]);
  });

  it('stores the log without secrets when it leaves again for a step-up', async () => {
    const first = harness(storage);
    const before = new FlowSession(first.env, undefined, executors(first));
    before.runAll();
    await drive(before);
    const h = harness(storage);
    const after = new FlowSession(h.env, undefined, executors(h));
    after.acceptCallback(CALLBACK);
    await drive(after);
    expect(JSON.stringify(after.getSnapshot().log)).toContain(ACCESS);

    after.startPhase('step-up');
    await drive(after);
    expect(h.left).toEqual([pending.authorizationUrl]);
    const saved = storage.getItem('mcp-auth-playground:flow:v1') ?? '';
    expect(saved).toContain('"step-up-authorization-response"');
    for (const secret of [ACCESS, REFRESH, VERIFIER]) {
      expect(saved.replace(`"codeVerifier":"${VERIFIER}-2"`, '')).not.toContain(secret);
    }
    expect(saved).toContain('[REDACTED]');
  });

  it('refuses a callback when no flow is waiting, and says so', () => {
    const h = harness(storage);
    const session = new FlowSession(h.env, undefined, executors(h));
    expect(session.acceptCallback(CALLBACK)).toBe(false);
    expect(session.getSnapshot().notice).toMatch(/No flow in this tab is waiting/);
  });

  it('refuses a stored flow that is not what it wrote', () => {
    storage.setItem(
      'mcp-auth-playground:flow:v1',
      JSON.stringify({ version: 1, config: {}, machine: 'x' }),
    );
    const session = new FlowSession(harness(storage).env);
    expect(session.acceptCallback(CALLBACK)).toBe(false);
    expect(session.getSnapshot().notice).toMatch(/could not be read/);
    expect(storage.length).toBe(0);
  });

  it('pauses before each step in step mode', async () => {
    const h = harness(storage);
    const session = new FlowSession(h.env, undefined, executors(h));
    session.continue();
    await drive(session);
    expect(statusOf(session, 'probe')).toBe('done');
    expect(statusOf(session, 'resource-metadata')).toBe('paused');
    expect(session.claimRunningStep()).toBeUndefined();
  });

  it('starts a running step once, however often the view asks', () => {
    const session = new FlowSession(harness(storage).env);
    session.runAll();
    expect(session.claimRunningStep()).toMatchObject({ step: 'probe' });
    expect(session.claimRunningStep()).toBeUndefined();
  });

  it('records a failure with its data, and clears storage when the flow stops there', async () => {
    const h = harness(storage);
    const session = new FlowSession(
      h.env,
      undefined,
      executors(h, {
        probe: () =>
          Promise.reject(
            new StepFailure(
              { code: 'cors', message: 'Send Access-Control-Allow-Origin.' },
              { probe: { attempts: [], findings: [] } },
            ),
          ),
      }),
    );
    session.runAll();
    await drive(session);
    const probe = session.getSnapshot().machine.steps[0];
    expect(probe).toMatchObject({ status: 'error', error: { code: 'cors' } });
    expect(session.getSnapshot().data.probe).toEqual({ attempts: [], findings: [] });
  });

  it('turns an unexpected exception into an error the user can restart from', async () => {
    const h = harness(storage);
    const session = new FlowSession(
      h.env,
      undefined,
      executors(h, { probe: () => Promise.reject(new TypeError('boom')) }),
    );
    session.runAll();
    await drive(session);
    expect(session.getSnapshot().machine.steps[0]?.error?.message).toMatch(/boom/);
  });

  it('aborts on restart and ignores the late answer of the abandoned run', async () => {
    const h = harness(storage);
    let signal: AbortSignal | undefined;
    let finish: () => void = () => undefined;
    const session = new FlowSession(
      h.env,
      undefined,
      executors(h, {
        probe: (context) => {
          signal = context.signal;
          return new Promise((resolve) => {
            finish = () => resolve({ data: { probe: { attempts: [], findings: [] } } });
          });
        },
      }),
    );
    session.runAll();
    const late = session.execute(session.claimRunningStep()!);
    session.restart();
    expect(signal?.aborted).toBe(true);
    finish();
    await late;
    const snapshot = session.getSnapshot();
    expect(snapshot.machine.runId).toBe(1);
    expect(snapshot.data).toEqual({});
    expect(snapshot.machine.steps[0]?.status).toBe('paused');
  });

  it('fixes the settings once the flow has started, until Restart', () => {
    const session = new FlowSession(harness(storage).env);
    session.setConfig({ serverUrl: 'http://localhost:9/mcp' });
    expect(session.getSnapshot().config.serverUrl).toBe('http://localhost:9/mcp');
    session.runAll();
    session.setConfig({ serverUrl: 'http://localhost:8/mcp' });
    expect(session.getSnapshot().config.serverUrl).toBe('http://localhost:9/mcp');
    session.restart();
    session.setConfig({ serverUrl: 'http://localhost:8/mcp' });
    expect(session.getSnapshot().config.serverUrl).toBe('http://localhost:8/mcp');
  });

  it('shows a flow left for the authorization server as abandoned when /flow loads again', async () => {
    const first = harness(storage);
    const before = new FlowSession(first.env, undefined, executors(first));
    before.runAll();
    await drive(before);

    const reloaded = new FlowSession(harness(storage).env);
    reloaded.noticeAbandonedRedirect();
    expect(statusOf(reloaded, 'probe')).toBe('done');
    expect(statusOf(reloaded, 'authorization-response')).toBe('error');
    expect(
      reloaded.getSnapshot().machine.steps.find((s) => s.status === 'error')?.error?.code,
    ).toBe('redirect-abandoned');
    expect(storage.length).toBe(0);
  });

  it('fails the redirect step when the page comes back without a response', async () => {
    const h = harness(storage);
    const session = new FlowSession(h.env, undefined, executors(h));
    session.runAll();
    await drive(session);
    session.noticeAbandonedRedirect();
    expect(statusOf(session, 'authorization-response')).toBe('error');
    expect(storage.length).toBe(0);
  });
});
