import { deflateRawSync } from 'node:zlib';
import { expect as baseExpect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { authorizeAtTestbed } from './flow-authorize.ts';

// Every view and state of the app that the accessibility spec (e2e/a11y.spec.ts) checks, in one
// list: a new view or state is one more entry here. Each entry starts from a fresh page and
// brings it into its state with the mouse and keyboard as a user would, waiting until the state
// is on screen; the spec then checks it in both colour schemes and at both widths.
//
// Like the other specs, nothing here is imported from the app: scenarios travel as permalinks
// built with the public algorithm (raw DEFLATE, then base64url, of `{"v":1,...scenario}`).

const TESTBED = 'http://localhost:4000';

// The dev server sends the app as many modules, and a flow signs in through real redirects.
const expect = baseExpect.configure({ timeout: 30_000 });

export interface A11yState {
  /** What is on screen, as the spec's title says it. */
  name: string;
  /** Brings a page that has loaded nothing yet into the state, and waits until it shows. */
  enter: (page: Page) => Promise<void>;
}

function permalink(scenario: Record<string, unknown>, search = ''): string {
  const json = JSON.stringify({ v: 1, ...scenario });
  return `/${search}#s=${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

/**
 * The PRM lists no scopes and the AS lists three, and the client registers no refresh_token
 * grant: several findings, and clients that disagree, so the comparison and the flowchart have
 * differences to show.
 */
const DISAGREEING_SCENARIO = {
  serverUrl: 'https://mcp.example.com/mcp',
  wwwAuthenticate:
    'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp"',
  resourceMetadata: {
    resource: 'https://mcp.example.com/mcp',
    authorization_servers: ['https://auth.example.com'],
  },
  authServerMetadata: {
    issuer: 'https://auth.example.com',
    authorization_endpoint: 'https://auth.example.com/authorize',
    token_endpoint: 'https://auth.example.com/token',
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'mcp:read', 'mcp:admin', 'offline_access'],
  },
  clientMetadata: {
    client_name: 'Example',
    redirect_uris: ['https://client.example.com/callback'],
    grant_types: ['authorization_code'],
  },
  profile: 'mcp-2026-07-28',
};

const EDITOR_NAMES = ['Protected Resource Metadata', 'Authorization Server Metadata'] as const;

/** Opens the playground at `path` and waits for the decision and the editors. */
async function openPlayground(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('decision-scope')).toBeVisible();
  for (const name of EDITOR_NAMES) {
    await expect(page.getByRole('textbox', { name, exact: true })).toHaveAttribute(
      'contenteditable',
      'true',
    );
  }
}

/** Opens the flow runner and waits until it can be used (its chunk loads on demand). */
async function openFlow(page: Page, search = ''): Promise<void> {
  await page.goto(`/flow${search}`);
  await expect(page.getByRole('button', { name: 'Run all', exact: true })).toBeEnabled();
}

const flowStep = (page: Page, name: string) =>
  page.locator(`[data-testid="flow-step"][data-step="${name}"]`);

/** A scenario served live by the testbed whose authorization server does not offer PKCE. */
async function serverWithoutPkce(page: Page): Promise<string> {
  const created = await page.request.post(`${TESTBED}/scenarios`, {
    data: {
      serverUrl: 'https://mcp.example.com/mcp',
      wwwAuthenticate:
        'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="mcp:read"',
      resourceMetadata: {
        resource: 'https://mcp.example.com/mcp',
        authorization_servers: ['https://auth.example.com'],
        scopes_supported: ['mcp:read'],
      },
      authServerMetadata: {
        issuer: 'https://auth.example.com',
        authorization_endpoint: 'https://auth.example.com/authorize',
        token_endpoint: 'https://auth.example.com/token',
        registration_endpoint: 'https://auth.example.com/register',
        response_types_supported: ['code'],
        scopes_supported: ['mcp:read'],
      },
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { serverUrl: string }).serverUrl;
}

export const A11Y_STATES: readonly A11yState[] = [
  {
    name: 'the playground with findings, a comparison row open and two paths in the flowchart',
    async enter(page) {
      await openPlayground(page, permalink(DISAGREEING_SCENARIO));
      await expect(page.getByTestId('finding').first()).toBeVisible();
      const row = page.locator('[data-testid="profile-row"][data-profile="vscode"]');
      await row.getByRole('button').first().click();
      await expect(row.getByRole('button').first()).toHaveAttribute('aria-expanded', 'true');
      const decision = page.getByRole('region', { name: 'Decision' });
      await decision.getByLabel('Compare path with').selectOption({ label: 'VS Code' });
      await expect(
        page.locator('[data-testid="decision-flowchart"] [data-differs]').first(),
      ).toBeAttached();
    },
  },
  {
    name: 'the playground with a served document that is not JSON',
    async enter(page) {
      await openPlayground(page);
      await page.getByRole('textbox', { name: 'Client Metadata', exact: true }).click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.insertText('{ "client_name": "half-typed", ');
      await expect(page.getByTestId('unparsed-documents')).toBeVisible();
      await expect(page.locator('[data-finding-id="client/invalid-json"]')).toBeVisible();
    },
  },
  {
    name: 'the flowchart’s larger view open, comparing two profiles',
    async enter(page) {
      await openPlayground(page, permalink(DISAGREEING_SCENARIO));
      const decision = page.getByRole('region', { name: 'Decision' });
      await decision.getByLabel('Compare path with').selectOption({ label: 'VS Code' });
      await decision.getByRole('button', { name: 'Larger view', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByTestId('decision-flowchart')).toBeVisible();
    },
  },
  {
    name: 'the presets menu open',
    async enter(page) {
      await openPlayground(page);
      await page.getByRole('button', { name: /^Presets/ }).click();
      await expect(page.getByRole('button', { name: 'Challenge scope wins' })).toBeVisible();
    },
  },
  {
    name: 'Discover’s log after discovering the testbed',
    async enter(page) {
      await openPlayground(page);
      await page.getByLabel('MCP server URL').fill(`${TESTBED}/mcp`);
      await page.getByRole('button', { name: 'Discover', exact: true }).click();
      await expect(
        page.getByRole('list', { name: 'Discovery requests' }).getByRole('listitem'),
      ).toHaveCount(3);
      await expect(page.getByRole('button', { name: 'Undo discover' })).toBeVisible();
    },
  },
  {
    name: 'Discover’s log after a failure, its requests unfolded',
    async enter(page) {
      await openPlayground(page);
      await page.getByLabel('MCP server URL').fill('https://mcp.example.com/mcp');
      await page.getByRole('button', { name: 'Discover', exact: true }).click();
      await expect(
        page.getByRole('list', { name: 'Discovery problems' }).getByRole('listitem'),
      ).not.toHaveCount(0);
      await page.getByText(/^The \d requests? it sent$/).click();
      await expect(page.getByTestId('discover-attempt').first()).toBeVisible();
    },
  },
  {
    name: 'the bad-link screen',
    async enter(page) {
      await page.goto('/#s=this-is-not-a-scenario');
      await expect(
        page.getByRole('heading', { name: 'This link does not open a scenario' }),
      ).toBeVisible();
    },
  },
  {
    name: 'the embedded decision',
    async enter(page) {
      await page.goto(permalink(DISAGREEING_SCENARIO, '?embed=1'));
      await expect(page.getByTestId('decision-scope')).toBeVisible();
      await page.locator('details.embed-trace > summary').click();
    },
  },
  {
    name: 'the embedded comparison',
    async enter(page) {
      await page.goto(permalink(DISAGREEING_SCENARIO, '?embed=1&view=compare'));
      await expect(page.getByRole('heading', { name: 'How each client decides' })).toBeVisible();
    },
  },
  {
    name: 'the embedded flowchart',
    async enter(page) {
      await page.goto(permalink(DISAGREEING_SCENARIO, '?embed=1&view=flowchart'));
      await expect(page.getByTestId('decision-flowchart')).toBeVisible();
    },
  },
  {
    name: 'an address that is not part of the app',
    async enter(page) {
      await page.goto('/no-such-view');
      await expect(page.getByRole('heading', { name: 'No page at /no-such-view' })).toBeVisible();
    },
  },
  {
    name: 'the callback page with no flow waiting',
    async enter(page) {
      await page.goto('/callback?code=unused&state=unknown');
      await expect(page.getByRole('heading', { name: 'Authorization response' })).toBeVisible();
    },
  },
  {
    name: 'the flow page before a run',
    async enter(page) {
      await openFlow(page);
      await expect(flowStep(page, 'probe')).toHaveAttribute('data-status', 'paused');
    },
  },
  {
    name: 'the flow page during a run, one step done and the next paused',
    async enter(page) {
      await openFlow(page);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await expect(flowStep(page, 'probe')).toHaveAttribute('data-status', 'done');
      await expect(flowStep(page, 'resource-metadata')).toHaveAttribute('data-status', 'paused');
      await page.getByTestId('http-exchange').first().locator('summary').click();
    },
  },
  {
    name: 'the flow page while a step waits for its answer',
    async enter(page) {
      // The probe's request is held unanswered, so its step stays running while it is checked.
      await page.route(`${TESTBED}/mcp`, () => undefined);
      await openFlow(page);
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await expect(flowStep(page, 'probe')).toHaveAttribute('data-status', 'running');
    },
  },
  {
    name: 'the flow page stopped at an error step',
    async enter(page) {
      const serverUrl = await serverWithoutPkce(page);
      await openFlow(page, `?server=${encodeURIComponent(serverUrl)}`);
      await page.getByRole('button', { name: 'Run all', exact: true }).click();
      const metadata = flowStep(page, 'authorization-server-metadata');
      await expect(metadata).toHaveAttribute('data-status', 'error');
      await expect(metadata.getByRole('alert')).toBeVisible();
    },
  },
  {
    name: 'the flow page after a run to tools/list and a refresh, with the token panel',
    async enter(page) {
      await openFlow(page);
      await page.getByRole('button', { name: 'Run all', exact: true }).click();
      await authorizeAtTestbed(page, TESTBED);
      await expect(flowStep(page, 'mcp')).toHaveAttribute('data-status', 'done', {
        timeout: 60_000,
      });
      await expect(page.getByTestId('tools-list')).toBeVisible();
      // The refresh phase too: its step shows the rotated refresh token.
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await expect(flowStep(page, 'refresh')).toHaveAttribute('data-status', 'done');
      await page.getByTestId('http-exchange').last().locator('summary').click();
    },
  },
];
