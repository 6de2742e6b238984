import { followAuthorizationRedirects } from '@mcp-auth-playground/client';
import { MAIN_STEPS, STEP_INFO } from '@mcp-auth-playground/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestbed } from '../../testbed/src/server.ts';
import type { Testbed } from '../../testbed/src/server.ts';
import { closedPort, hasStackTrace, runCli } from './support.ts';

// The flow against the real testbed and its oidc-provider authorization server, with the
// testbed's opt-in auto-approval standing in for the person at the consent page.
let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0, autoApprove: true });
});
afterAll(() => testbed.close());

const BEARER = /Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+/;

async function registerConfidentialClient(method: string) {
  const metadataUrl = `${testbed.url}/.well-known/oauth-authorization-server/as/default`;
  const metadata = (await (await fetch(metadataUrl)).json()) as { registration_endpoint: string };
  const response = await fetch(metadata.registration_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      application_type: 'native',
      client_name: 'cli test confidential client',
      redirect_uris: ['http://127.0.0.1/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: method,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { client_id: string; client_secret: string };
}

describe('flow --headless against the testbed', () => {
  it('runs every step under its step card’s title and explanation, and ends with the tool names', async () => {
    const run = await runCli(['flow', testbed.defaultPair.serverUrl, '--headless']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    let at = 0;
    for (const step of MAIN_STEPS) {
      const title = run.stdout.indexOf(STEP_INFO[step].title, at);
      expect(title, step).toBeGreaterThan(-1);
      at = title;
    }
    // The explanation is printed as on the card, wrapped to the terminal.
    const flat = run.stdout.replace(/\n\s+/g, ' ');
    expect(flat).toContain(STEP_INFO['authorization-request'].summary);
    expect(run.stdout).toContain(STEP_INFO.refresh.title);
    expect(run.stdout).toMatch(/^Tools \(\d+\): .*write_note/m);
    expect(run.stdout).not.toMatch(BEARER);
  });

  it('prints the HTTP log with --verbose, secrets shortened, and in full only with --reveal', async () => {
    const redacted = await runCli([
      'flow',
      testbed.defaultPair.serverUrl,
      '--headless',
      '--verbose',
    ]);
    expect(redacted.code).toBe(0);
    expect(redacted.stdout).toMatch(/→ POST .*\/token/);
    expect(redacted.stdout).toMatch(/authorization: Bearer \S+…\S+/);
    expect(redacted.stdout).not.toMatch(BEARER);
    const revealed = await runCli([
      'flow',
      testbed.defaultPair.serverUrl,
      '--headless',
      '--verbose',
      '--reveal',
    ]);
    expect(revealed.code).toBe(0);
    expect(revealed.stdout).toMatch(BEARER);
  });

  // The engine picks the method from the server's list; the testbed lists client_secret_basic
  // first. client_secret_post is proven by the conformance suite's token-endpoint-auth-post.
  it.each([['client_secret_basic']])(
    'runs as a confidential client registered for %s',
    async (method) => {
      const client = await registerConfidentialClient(method);
      const run = await runCli([
        'flow',
        testbed.defaultPair.serverUrl,
        '--headless',
        '--verbose',
        '--client-id',
        client.client_id,
        '--client-secret',
        client.client_secret,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`pre-registered: client_id ${client.client_id}`);
      expect(run.stdout).not.toContain(client.client_secret);
      expect(run.stdout).toMatch(/authorization: Basic \S+…/);
    },
  );

  it('steps up on 403 insufficient_scope when asked to call a tool that needs more scope', async () => {
    const run = await runCli([
      'flow',
      testbed.defaultPair.serverUrl,
      '--headless',
      '--call-tool',
      'write_note',
      '--tool-arguments',
      '{"text":"from the CLI"}',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const step of [
      'write-note',
      'step-up-authorization-request',
      'step-up-token',
      'write-note-retry',
    ] as const) {
      expect(run.stdout).toContain(STEP_INFO[step].title);
    }
    expect(run.stdout).toMatch(/step-up asks for scope "[^"]*mcp:write[^"]*"/);
  });
});

describe('flow in the browser', () => {
  it('opens the authorization URL and takes the answer on its loopback redirect URI', async () => {
    const opened: string[] = [];
    // A browser that approves at once: it follows the redirects, then loads the callback.
    const browser = followAuthorizationRedirects(fetch);
    const run = await runCli(['flow', testbed.defaultPair.serverUrl], {
      openBrowser: (url) => {
        opened.push(url);
        const redirectUri = /redirect_uri=([^&]+)/.exec(url)?.[1] ?? '';
        void browser({
          url,
          redirectUri: decodeURIComponent(redirectUri),
          phase: 'main',
          signal: new AbortController().signal,
        }).then((callback) => fetch(callback));
        return Promise.resolve(true);
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(opened).toHaveLength(1);
    expect(decodeURIComponent(opened[0] ?? '')).toMatch(
      /redirect_uri=http:\/\/127\.0\.0\.1:\d+\/callback/,
    );
    expect(run.stdout).toContain(opened[0]);
  });
});

describe('flow usage errors', () => {
  it.each([
    [['--reveal'], '--reveal shows secrets in the --verbose log'],
    [['--client-secret', 's'], '--client-secret needs the --client-id'],
    [['--tool-arguments', '{}'], '--tool-arguments needs --call-tool'],
    [['--call-tool', 'x', '--tool-arguments', '[1]'], '--tool-arguments must be a JSON object'],
  ])('%j exits 2', async (flags, message) => {
    const run = await runCli(['flow', testbed.defaultPair.serverUrl, ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('exits 2 with one line when the server cannot be reached', async () => {
    const run = await runCli(['flow', `http://127.0.0.1:${await closedPort()}/mcp`, '--headless']);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('the flow stopped at step probe');
  });
});
