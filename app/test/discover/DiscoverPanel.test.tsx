import { RELAY_MARKER_HEADER } from '@mcp-auth-playground/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DiscoverPanel } from '../../src/discover/DiscoverPanel.tsx';
import { checkRelay } from '../../src/discover/relay.ts';
import { TESTBED_PROBE_PATH } from '../../src/discover/testbed.ts';
import { RelayNote } from '../../src/discover/RelayNote.tsx';
import { draftsReducer, type Drafts } from '../../src/shared/drafts.ts';
import { useCurrent } from '../../src/views/playground/state/useCurrent.ts';

const SERVER = 'https://mcp.example.test/mcp';
const PRM_URL = 'https://mcp.example.test/.well-known/oauth-protected-resource/mcp';
const ISSUER = 'https://auth.example.test';
const AS_URL = 'https://auth.example.test/.well-known/oauth-authorization-server';
const RELAY_HEALTH = 'http://localhost:4000/relay/health';
const CHALLENGE = `Bearer resource_metadata="${PRM_URL}", scope="notes:read"`;
const PRM = { resource: SERVER, authorization_servers: [ISSUER], scopes_supported: ['notes:read'] };
const AS = { issuer: ISSUER, scopes_supported: ['notes:read', 'offline_access'] };

const BEFORE: Drafts = {
  documents: {
    resourceMetadata: { text: '{ "typed": "by the user" }', served: true },
    authServerMetadata: { text: '', served: false },
    clientMetadata: { text: '{ "grant_types": ["refresh_token"] }', served: true },
  },
  wwwAuthenticate: 'Bearer scope="files:read"',
  serverUrl: SERVER,
  previousScope: '',
  profile: 'mcp-2026-07-28',
};

const TYPED_DURING_RUN = '{ "grant_types": ["authorization_code"] }';

type Route = (init: RequestInit | undefined) => Response | Promise<Response>;

/** The network as the browser would see it, URL by URL; anything else fails like a closed port. */
function network(routes: Record<string, Route>) {
  const seen: string[] = [];
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    seen.push(`${init?.mode === 'no-cors' ? 'no-cors ' : ''}${init?.method ?? 'GET'} ${url}`);
    const route = routes[url];
    if (!route) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(route(init));
  });
  vi.stubGlobal('fetch', fetch);
  return seen;
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', ...headers },
  });

function happyServer(): Record<string, Route> {
  return {
    [SERVER]: () => new Response(null, { status: 401, headers: { 'www-authenticate': CHALLENGE } }),
    [PRM_URL]: () => json(PRM),
    [AS_URL]: () => json(AS),
  };
}

/** The panel with the playground's reducer, and the drafts shown as plain text to assert on. */
function Harness({ initial }: { initial: Drafts }) {
  const [drafts, dispatch] = useReducer(draftsReducer, initial);
  const currentDrafts = useCurrent(drafts);
  return (
    <>
      <DiscoverPanel
        serverUrl={drafts.serverUrl}
        currentDrafts={currentDrafts}
        dispatch={dispatch}
      />
      <output aria-label="Challenge field">{drafts.wwwAuthenticate}</output>
      <output aria-label="PRM editor">
        {drafts.documents.resourceMetadata.served
          ? drafts.documents.resourceMetadata.text
          : 'not served'}
      </output>
      <output aria-label="AS editor">
        {drafts.documents.authServerMetadata.served
          ? drafts.documents.authServerMetadata.text
          : 'not served'}
      </output>
      <output aria-label="Client editor">{drafts.documents.clientMetadata.text}</output>
      <button
        type="button"
        onClick={() =>
          dispatch({ type: 'set-text', key: 'clientMetadata', text: TYPED_DURING_RUN })
        }
      >
        Type in the client editor
      </button>
    </>
  );
}

function renderPanel(initial: Drafts = BEFORE) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={client}>
      <Harness initial={initial} />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

const shown = (name: string) => screen.getByLabelText(name).textContent ?? '';

beforeEach(() => {
  vi.unstubAllGlobals();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('DiscoverPanel', () => {
  it('lists each request and fills the challenge and both editors in one step, keeping the client document', async () => {
    network(happyServer());
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Discover' }));

    expect(
      await screen.findByText(
        /^Filled the challenge, the Protected Resource Metadata and the Authorization Server Metadata from the server\.$/,
      ),
    ).toBeVisible();
    const requests = within(screen.getByRole('list', { name: 'Discovery requests' })).getAllByRole(
      'listitem',
    );
    expect(requests.map((item) => item.querySelector('.attempt-url')?.textContent)).toEqual([
      SERVER,
      PRM_URL,
      AS_URL,
    ]);
    expect(requests[0]).toHaveTextContent('401');
    expect(requests[0]).toHaveTextContent(/\d+ ms/);
    expect(requests[1]).toHaveTextContent('Served the document (200).');

    expect(shown('Challenge field')).toBe(CHALLENGE);
    expect(JSON.parse(shown('PRM editor'))).toEqual(PRM);
    expect(JSON.parse(shown('AS editor'))).toEqual(AS);
    expect(shown('Client editor')).toBe(BEFORE.documents.clientMetadata.text);
    expect(screen.queryByRole('list', { name: 'Discovery problems' })).toBeNull();
  });

  it('takes the whole discovery back with one click, and forward again', async () => {
    network(happyServer());
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    await user.click(await screen.findByRole('button', { name: 'Undo discover' }));

    expect(shown('Challenge field')).toBe(BEFORE.wwwAuthenticate);
    expect(shown('PRM editor')).toBe(BEFORE.documents.resourceMetadata.text);
    expect(shown('AS editor')).toBe('not served');

    await user.click(screen.getByRole('button', { name: 'Redo discover' }));
    expect(shown('Challenge field')).toBe(CHALLENGE);
    expect(screen.getByRole('button', { name: 'Undo discover' })).toBeVisible();
  });

  it('keeps what was typed while it ran, and an undo keeps it too', async () => {
    let answer: (response: Response) => void = () => undefined;
    network({
      ...happyServer(),
      [SERVER]: () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    });
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    await screen.findByText('waiting…');
    await user.click(screen.getByRole('button', { name: 'Type in the client editor' }));
    answer(new Response(null, { status: 401, headers: { 'www-authenticate': CHALLENGE } }));

    expect(await screen.findByRole('button', { name: 'Undo discover' })).toBeVisible();
    expect(shown('Challenge field')).toBe(CHALLENGE);
    expect(shown('Client editor')).toBe(TYPED_DURING_RUN);
    await user.click(screen.getByRole('button', { name: 'Undo discover' }));
    expect(shown('Challenge field')).toBe(BEFORE.wwwAuthenticate);
    expect(shown('Client editor')).toBe(TYPED_DURING_RUN);
  });

  it('cancels at any moment, leaving the editors as they were', async () => {
    network({
      [SERVER]: (init) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          );
        }),
    });
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    const waiting = await screen.findByText('waiting…');
    expect(waiting.closest('li')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Discover' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(
      await screen.findByText('Discovery was cancelled; the editors were not changed.'),
    ).toBeVisible();
    expect(screen.getByText('cancelled')).toBeVisible();
    expect(shown('Challenge field')).toBe(BEFORE.wwwAuthenticate);
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo discover' })).toBeNull();
  });

  it('cancels at once even while it is still asking whether the relay runs', async () => {
    // A testbed that accepted the connection and never answers, ignoring every abort.
    network({
      [TESTBED_PROBE_PATH]: () => json({ listening: true }),
      [RELAY_HEALTH]: () => new Promise<Response>(() => undefined),
    });
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(
      await screen.findByText('Discovery was cancelled; the editors were not changed.'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Discover' })).toBeEnabled();
  });

  it('says the hosted build has no relay, without asking for one', async () => {
    const seen = network({});
    expect(await checkRelay(undefined, false)).toEqual({ kind: 'hosted' });
    render(<RelayNote status={{ kind: 'hosted' }} />);
    expect(screen.getByText(/This hosted playground has no relay/)).toBeVisible();
    expect(seen).toEqual([]);
  });

  it('names a CORS failure with the headers to send, and says no relay is running', async () => {
    const seen = network({});
    // The server answers a no-cors request, so it is there: the browser just may not read it.
    const fetch = vi.mocked(globalThis.fetch);
    fetch.mockImplementation((input, init) => {
      seen.push(input instanceof Request ? input.url : input.toString());
      return init?.mode === 'no-cors'
        ? Promise.resolve(new Response(null))
        : Promise.reject(new TypeError('Failed to fetch'));
    });
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Discover' }));

    expect(
      await screen.findByText(/^Nothing could be read from https:\/\/mcp\.example\.test\/mcp/),
    ).toBeVisible();
    const problems = screen.getByRole('list', { name: 'Discovery problems' });
    expect(problems).toHaveTextContent('Access-Control-Expose-Headers: WWW-Authenticate');
    expect(problems).toHaveTextContent('Access-Control-Allow-Origin');
    expect(screen.getAllByText('blocked by CORS').length).toBeGreaterThan(0);
    expect(screen.getByText(/No local relay is running/)).toBeVisible();
    expect(shown('PRM editor')).toBe(BEFORE.documents.resourceMetadata.text);
    // The dev server did not answer, so the testbed's own port was never tried.
    expect(seen).toContain(TESTBED_PROBE_PATH);
    expect(seen).not.toContain(RELAY_HEALTH);
  });

  it('asks the testbed for its relay only when the dev server finds it listening', async () => {
    const alone = network({ [TESTBED_PROBE_PATH]: () => json({ listening: false }) });
    expect(await checkRelay(undefined, true)).toEqual({ kind: 'absent' });
    // No request to a closed port, which Chromium would log as a console error.
    expect(alone).toEqual([`GET ${TESTBED_PROBE_PATH}`]);

    const beside = network({
      [TESTBED_PROBE_PATH]: () => json({ listening: true }),
      [RELAY_HEALTH]: () => json({ relay: 'ok' }),
    });
    expect(await checkRelay(undefined, true)).toEqual({
      kind: 'available',
      endpoint: { origin: 'http://localhost:4000' },
    });
    expect(beside).toEqual([`GET ${TESTBED_PROBE_PATH}`, `GET ${RELAY_HEALTH}`]);
  });

  it('reads a server without CORS headers through the relay and marks those requests relayed', async () => {
    const relayed = (
      body: BodyInit | null,
      init: ResponseInit & { headers?: Record<string, string> },
    ) =>
      new Response(body, {
        ...init,
        headers: { ...init.headers, [RELAY_MARKER_HEADER]: 'relayed' },
      });
    network({
      [TESTBED_PROBE_PATH]: () => json({ listening: true }),
      [RELAY_HEALTH]: () => json({ relay: 'ok' }),
      [`http://localhost:4000/relay/probe?url=${encodeURIComponent(SERVER)}`]: () =>
        relayed(null, { status: 401, headers: { 'www-authenticate': CHALLENGE } }),
      [`http://localhost:4000/relay?url=${encodeURIComponent(PRM_URL)}`]: () =>
        relayed(JSON.stringify(PRM), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      [AS_URL]: () => json(AS),
    });
    const user = renderPanel();
    expect(
      await screen.findByText(/read through the testbed's relay at http:\/\/localhost:4000/),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Discover' }));

    await screen.findByRole('button', { name: 'Undo discover' });
    const requests = within(screen.getByRole('list', { name: 'Discovery requests' })).getAllByRole(
      'listitem',
    );
    expect(requests.map((item) => within(item).queryByText('relayed') !== null)).toEqual([
      true,
      true,
      false,
    ]);
    expect(JSON.parse(shown('PRM editor'))).toEqual(PRM);
    expect(screen.getByRole('list', { name: 'Discovery problems' })).toHaveTextContent(
      'The local relay read it instead',
    );
  });

  it('needs a server URL before it can discover', () => {
    network({});
    renderPanel({ ...BEFORE, serverUrl: '  ' });
    expect(screen.getByRole('button', { name: 'Discover' })).toBeDisabled();
  });

  it('says what a server without Protected Resource Metadata means for clients', async () => {
    const notFound = () => new Response('not found', { status: 404 });
    network({
      [SERVER]: () =>
        new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer' } }),
      [PRM_URL]: notFound,
      'https://mcp.example.test/.well-known/oauth-protected-resource': notFound,
    });
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    const problems = await screen.findByRole('list', { name: 'Discovery problems' });
    expect(problems).toHaveTextContent('does not implement RFC 9728');
    expect(shown('PRM editor')).toBe('not served');
    expect(shown('Challenge field')).toBe('Bearer');
  });

  it('says an unreachable server’s failure once, with what to try, its requests folded away', async () => {
    network({});
    const user = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Discover' }));
    expect(
      await screen.findByText(/^Nothing could be read from https:\/\/mcp\.example\.test\/mcp/),
    ).toBeVisible();
    expect(screen.getByText(/^Nothing answered at that address: check the URL/)).toBeVisible();
    const problems = within(screen.getByRole('list', { name: 'Discovery problems' }));
    expect(problems.getAllByRole('listitem')).toHaveLength(1);
    expect(problems.getByRole('listitem')).toHaveTextContent(
      'could not be reached (Failed to fetch): check the host name and port',
    );
    // The requests are still there to read, behind one line.
    const requests = screen.getByText(/^The \d requests? it sent$/);
    expect(requests.closest('details')).not.toHaveAttribute('open');
  });

  it('offers the testbed’s MCP server when the testbed runs', async () => {
    network({
      [TESTBED_PROBE_PATH]: () => json({ listening: true }),
      [RELAY_HEALTH]: () => json({ relay: 'ok' }),
    });
    const user = renderPanel();
    const offer = await screen.findByRole('button', {
      name: 'Use its MCP server, http://localhost:4000/mcp',
    });
    await user.click(offer);
    expect(screen.queryByRole('button', { name: /Use its MCP server/ })).toBeNull();
  });

  it('offers nothing when no testbed runs', async () => {
    network({ [TESTBED_PROBE_PATH]: () => json({ listening: false }) });
    renderPanel();
    expect(await screen.findByText(/No local relay is running/)).toBeVisible();
    expect(screen.queryByRole('button', { name: /Use its MCP server/ })).toBeNull();
  });
});
