import {
  DEFAULT_PRESET,
  PRESETS,
  PROFILES,
  decodeScenario,
  encodeScenario,
} from '@mcp-auth-playground/core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './renderApp.tsx';

// CodeMirror needs layout a DOM emulator does not have; the e2e specs drive it in Chromium. Here
// the editors stay the plain text areas the page shows until CodeMirror arrives.
vi.mock('../src/views/playground/inputs/editor/JsonEditor.tsx', async () => ({
  default: (await import('../src/views/playground/inputs/editor/EditorFallback.tsx'))
    .EditorFallback,
}));

function editor(name: string): HTMLTextAreaElement {
  return screen.getByRole<HTMLTextAreaElement>('textbox', { name });
}

function decisionScope(): HTMLElement {
  return screen.getByTestId('decision-scope');
}

function preset(id: string) {
  const found = PRESETS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

beforeEach(() => {
  // The page asks the local testbed whether its relay is up; these tests run without one.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in unit tests')));
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('the playground on a first visit', () => {
  it('opens the default preset and shows its decision, trace and request', () => {
    renderApp();
    expect(decisionScope()).toHaveTextContent('files:read offline_access');
    expect(decisionScope()).not.toHaveAttribute('data-omitted');
    const panel = screen.getByRole('region', { name: 'Decision' });
    expect(
      within(panel).getByText(/From scopes_supported in the Protected Resource/),
    ).toBeVisible();
    expect(within(panel).getByRole('list')).toBeVisible();
    expect(screen.getByTestId('authorization-url')).toHaveTextContent(
      /scope=files%3Aread\+offline_access/,
    );
  });

  it('labels every input the way the tests and docs find them', () => {
    renderApp();
    for (const name of [
      'Protected Resource Metadata',
      'Authorization Server Metadata',
      'Client Metadata',
      'WWW-Authenticate',
      'MCP server URL',
      'Client profile',
    ]) {
      expect(screen.getByLabelText(name, { exact: true })).toBeInTheDocument();
    }
    expect(screen.queryByLabelText('Previously requested scope')).not.toBeInTheDocument();
  });
});

describe('editing', () => {
  it('recomputes the decision from what is typed in an editor', async () => {
    renderApp();
    const prm = editor('Protected Resource Metadata');
    const text = prm.value.replace('"files:read"', '"files:read", "files:write"');
    fireEvent.change(prm, { target: { value: text } });
    await waitFor(() =>
      expect(decisionScope()).toHaveTextContent('files:read files:write offline_access'),
    );
    // The chips follow the JSON.
    const chips = screen.getByRole('list', { name: 'PRM scopes_supported values' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['files:read×', 'files:write×']);
  });

  it('keeps invalid JSON as typed, reports it, and steps the quick controls aside', async () => {
    renderApp();
    const prm = editor('Protected Resource Metadata');
    fireEvent.change(prm, { target: { value: '{ "scopes_supported": [' } });
    const finding = await screen.findByText(/Fix the JSON of the protected resource metadata/);
    expect(finding.closest('[data-testid="finding"]')).toHaveAttribute(
      'data-finding-id',
      'prm/invalid-json',
    );
    expect(prm.value).toBe('{ "scopes_supported": [');
    expect(
      screen.getByRole('textbox', { name: 'Scope to add to PRM scopes_supported' }),
    ).toBeDisabled();
  });

  it('names a broken document at the top of the decision, links to the place, and keeps it in the link', async () => {
    renderApp();
    const prm = editor('Protected Resource Metadata');
    const broken = '{\n  "resource": "https://mcp.example.com/mcp",\n}';
    fireEvent.change(prm, { target: { value: broken } });
    const notice = await screen.findByTestId('unparsed-documents');
    expect(notice).toHaveTextContent(
      'PRM: JSON error at line 3, column 1; decided as if it were absent.',
    );
    expect(screen.queryByText(/Serve protected resource metadata/)).toBeNull();
    fireEvent.click(within(notice).getByRole('link', { name: 'line 3, column 1' }));
    expect(prm).toHaveFocus();
    expect(prm.selectionStart).toBe(broken.lastIndexOf('}'));
    // The address carries the text as typed, so the link opens with it.
    await waitFor(() => expect(window.location.hash).toMatch(/^#s=/));
    const opened = await decodeScenario(window.location.hash);
    expect(opened.ok && opened.scenario.unparsedDocuments).toEqual({ resourceMetadata: broken });
  });

  it('tells "not served" apart from an empty document', async () => {
    renderApp();
    await userEvent.click(screen.getByRole('checkbox', { name: 'PRM served' }));
    expect(screen.queryByRole('textbox', { name: 'Protected Resource Metadata' })).toBeNull();
    expect(
      screen.getByText(/Not served: the client finds no Protected Resource Metadata/),
    ).toBeVisible();
    await waitFor(() => expect(decisionScope()).toHaveAttribute('data-omitted', 'true'));
    expect(decisionScope()).toHaveTextContent('no scope parameter');

    await userEvent.click(screen.getByRole('checkbox', { name: 'PRM served' }));
    const restored = await screen.findByRole('textbox', { name: 'Protected Resource Metadata' });
    expect((restored as HTMLTextAreaElement).value).toContain('"files:read"');
    await waitFor(() => expect(decisionScope()).toHaveTextContent('files:read offline_access'));
  });

  it('shows the previous-scope field only for an insufficient_scope challenge', async () => {
    renderApp();
    const challenge = screen.getByRole('textbox', { name: 'WWW-Authenticate' });
    fireEvent.change(challenge, {
      target: { value: 'Bearer error="insufficient_scope", scope="files:write"' },
    });
    const previous = await screen.findByRole('textbox', { name: 'Previously requested scope' });
    fireEvent.change(previous, { target: { value: 'files:read' } });
    await waitFor(() =>
      expect(decisionScope()).toHaveTextContent('files:read files:write offline_access'),
    );
  });

  it('decides for the profile chosen in the selector', async () => {
    renderApp();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Client profile' }),
      'mcp-2025-11-25',
    );
    expect(decisionScope()).toHaveTextContent(/^files:read$/);
    expect(screen.getByRole('region', { name: 'Decision' })).toHaveTextContent(
      'MCP spec 2025-11-25',
    );
  });
});

describe('quick controls edit the JSON both ways', () => {
  it('adds and removes PRM scopes as chips', async () => {
    renderApp();
    const user = userEvent.setup();
    await user.type(
      screen.getByRole('textbox', { name: 'Scope to add to PRM scopes_supported' }),
      'files:write',
    );
    await user.click(screen.getByRole('button', { name: 'Add to PRM scopes_supported' }));
    expect(editor('Protected Resource Metadata').value).toContain(
      '"scopes_supported": [\n    "files:read",\n    "files:write"\n  ]',
    );
    await waitFor(() =>
      expect(decisionScope()).toHaveTextContent('files:read files:write offline_access'),
    );
    await user.click(
      screen.getByRole('button', { name: 'Remove files:read from PRM scopes_supported' }),
    );
    await waitFor(() => expect(decisionScope()).toHaveTextContent('files:write offline_access'));
    await user.click(screen.getByRole('button', { name: 'Remove field, PRM scopes_supported' }));
    expect(editor('Protected Resource Metadata').value).not.toContain('scopes_supported');
    await waitFor(() => expect(decisionScope()).toHaveAttribute('data-omitted', 'true'));
  });

  it('toggles offline_access in the AS scopes_supported with one click', async () => {
    renderApp();
    const toggle = screen.getByRole('checkbox', { name: 'AS offers offline_access' });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    expect(editor('Authorization Server Metadata').value).not.toContain('offline_access');
    await waitFor(() => expect(decisionScope()).toHaveTextContent(/^files:read$/));
    await userEvent.click(toggle);
    expect(editor('Authorization Server Metadata').value).toContain('"offline_access"');
    await waitFor(() => expect(decisionScope()).toHaveTextContent('files:read offline_access'));
  });

  it('reflects a hand edit of the AS scopes in the offline_access toggle', async () => {
    renderApp();
    const as = editor('Authorization Server Metadata');
    fireEvent.change(as, {
      target: {
        value: as.value.replace(', "offline_access"', '').replace(',\n    "offline_access"', ''),
      },
    });
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'AS offers offline_access' })).not.toBeChecked(),
    );
  });

  it('ticks client grant_types and sets the client scope', async () => {
    renderApp();
    const refresh = screen.getByRole('checkbox', { name: 'refresh_token' });
    await userEvent.click(refresh);
    expect(editor('Client Metadata').value).not.toContain('refresh_token');
    await waitFor(() => expect(decisionScope()).toHaveTextContent(/^files:read$/));

    const scope = screen.getByRole('textbox', { name: 'Client scope' });
    await userEvent.type(scope, 'files:admin');
    expect(scope).toHaveValue('files:admin');
    expect(editor('Client Metadata').value).toContain('"scope": "files:admin"');
    await userEvent.clear(scope);
    expect(editor('Client Metadata').value).not.toContain('"scope"');
  });
});

describe('the comparison table', () => {
  it('has a row per profile under group headers, the spec first, differences marked', async () => {
    renderApp();
    const table = screen.getByRole('table');
    const rows = within(table).getAllByTestId('profile-row');
    const ids = rows.map((row) => row.dataset.profile);
    expect(ids[0]).toBe('mcp-2026-07-28');
    expect([...ids].sort()).toEqual(PROFILES.map((profile) => profile.id).sort());
    for (const group of new Set(PROFILES.map((profile) => profile.group))) {
      const title = { spec: 'The spec', sdk: 'SDKs', application: 'Applications' }[group];
      expect(within(table).getByRole('rowheader', { name: title })).toBeVisible();
    }
    const older = rows.find((row) => row.dataset.profile === 'mcp-2025-11-25')!;
    expect(within(older).getByTestId('profile-scope')).toHaveTextContent(/^files:read$/);
    expect(within(older).getAllByText('(differs from the spec)')).toHaveLength(2);

    const expand = within(older).getByRole('button', { name: /MCP spec 2025-11-25/ });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(expand);
    expect(expand).toHaveAttribute('aria-expanded', 'true');
    const trace = document.getElementById(expand.getAttribute('aria-controls') ?? '');
    expect(trace).toBeVisible();
    expect(within(trace!).getAllByRole('listitem').length).toBeGreaterThan(1);
  });

  it('folds away the clients that agree with the spec', async () => {
    renderApp();
    const all = screen.getAllByTestId('profile-row');
    const agreeing = all.filter(
      (row) => row.dataset.profile !== 'mcp-2026-07-28' && !row.textContent?.includes('≠'),
    );
    expect(agreeing.length).toBeGreaterThan(0);
    const fold = screen.getByRole('button', { name: /that agree with the spec/ });
    expect(fold).toHaveAccessibleName(
      `Hide the ${agreeing.length} ${agreeing.length === 1 ? 'client' : 'clients'} that agree with the spec`,
    );
    await userEvent.click(fold);
    expect(fold).toHaveAttribute('aria-pressed', 'true');
    const shown = screen.getAllByTestId('profile-row');
    expect(shown).toHaveLength(all.length - agreeing.length);
    expect(shown[0]).toHaveAttribute('data-profile', 'mcp-2026-07-28');
    expect(shown.slice(1).every((row) => row.textContent?.includes('≠'))).toBe(true);
  });

  it('marks an omitted scope the same way as the decision panel', async () => {
    window.localStorage.clear();
    renderApp();
    await userEvent.click(screen.getByRole('button', { name: /Presets/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Nothing to select: scope omitted' }));
    const spec = screen.getAllByTestId('profile-row')[0]!;
    expect(within(spec).getByTestId('profile-scope')).toHaveAttribute('data-omitted', 'true');
    expect(within(spec).getByTestId('profile-scope')).toHaveTextContent('no scope parameter');
  });
});

describe('findings', () => {
  it('lists findings by document with severity words, ids and fixes, and jumps to them', async () => {
    renderApp();
    await userEvent.click(screen.getByRole('checkbox', { name: 'refresh_token' }));
    const finding = await waitFor(() => {
      const item = document.querySelector(
        '[data-testid="finding"][data-finding-id="client/refresh-token-grant-missing"]',
      );
      expect(item).not.toBeNull();
      return item as HTMLElement;
    });
    expect(within(finding).getByText('client/refresh-token-grant-missing')).toBeVisible();
    expect(finding).toHaveTextContent(/Warning|Error|Note/);
    const group = finding.closest('.finding-group') as HTMLElement;
    expect(within(group).getByRole('heading', { name: 'Client Metadata' })).toBeVisible();

    await userEvent.click(within(finding).getByRole('button'));
    const client = editor('Client Metadata');
    expect(client).toHaveFocus();
    expect(client.value.slice(client.selectionStart)).toMatch(/^\[\n\s+"authorization_code"/);
  });
});

describe('presets', () => {
  it('lists every preset with its explanation and loads one', async () => {
    renderApp();
    const toggle = screen.getByRole('button', { name: /Presets/ });
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // The list is its own chunk; whenever it arrives, the first preset has the focus.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: PRESETS[0]!.title })).toHaveFocus(),
    );
    for (const { title, explanation } of PRESETS) {
      const button = screen.getByRole('button', { name: title });
      expect(button).toHaveAccessibleDescription(explanation);
    }
    await userEvent.click(screen.getByRole('button', { name: 'Step-up: union or replace' }));
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Previously requested scope' })).toHaveValue(
      'files:read',
    );
    expect(decisionScope()).toHaveTextContent('files:read files:write');
    expect(screen.getByRole('complementary', { name: 'About this preset' })).toHaveTextContent(
      preset('step-up-union').explanation,
    );
  });

  it('closes on Escape and gives focus back to its button', async () => {
    renderApp();
    const toggle = screen.getByRole('button', { name: /Presets/ });
    await userEvent.click(toggle);
    await userEvent.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });
});

describe('hostile metadata', () => {
  it('renders markup from a document as text', async () => {
    renderApp();
    const client = editor('Client Metadata');
    fireEvent.change(client, {
      target: {
        value: JSON.stringify({
          client_name: '<img src=x onerror="globalThis.pwned=1">',
          client_id: 'javascript:alert(1)',
          grant_types: ['<b>bold</b>'],
        }),
      },
    });
    await screen.findByText('<b>bold</b>');
    expect(document.querySelector('img, b')).toBeNull();
    expect(screen.queryByRole('link', { name: /javascript/ })).toBeNull();
  });
});

describe('permalinks', () => {
  it('restores the scenario a link carries, over what this browser kept', async () => {
    renderApp().unmount();
    expect(window.localStorage.length).toBe(1);

    const scenario = preset('nothing-to-select').scenario;
    window.history.replaceState(null, '', `/#s=${await encodeScenario(scenario)}`);
    renderApp();
    await waitFor(() => expect(decisionScope()).toHaveAttribute('data-omitted', 'true'));
    expect(editor('Client Metadata').value).toBe(JSON.stringify(scenario.clientMetadata, null, 2));
  });

  it('shows what is wrong with a bad link and a way back to work', async () => {
    window.history.replaceState(null, '', '/#s=not*a*link');
    renderApp();
    expect(
      await screen.findByRole('heading', { name: 'This link does not open a scenario' }),
    ).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent(/damaged/);
    expect(screen.queryByRole('button', { name: 'Load the last scenario' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Start from a preset' }));
    expect(decisionScope()).toHaveTextContent('files:read offline_access');
    expect(screen.getByRole('button', { name: /Presets/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('offers the drafts this browser kept when a link is bad', async () => {
    const view = renderApp();
    fireEvent.change(screen.getByRole('textbox', { name: 'MCP server URL' }), {
      target: { value: 'https://kept.example.com/mcp' },
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 350)));
    view.unmount();
    window.history.replaceState(null, '', '/#s=AAAA');
    renderApp();
    await userEvent.click(await screen.findByRole('button', { name: 'Load the last scenario' }));
    expect(screen.getByRole('textbox', { name: 'MCP server URL' })).toHaveValue(
      'https://kept.example.com/mcp',
    );
  });

  it('writes the scenario into the address as #s= and copies the link', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp();
    await waitFor(() => expect(window.location.hash).toMatch(/^#s=[A-Za-z0-9_-]+$/), {
      timeout: 2000,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByText('Copied');
    const link = writeText.mock.calls[0]?.[0] ?? '';
    expect(link).toBe(window.location.href);
    expect(await decodeScenario(link)).toEqual({
      ok: true,
      scenario: { ...DEFAULT_PRESET.scenario, profile: 'mcp-2026-07-28' },
      notes: [],
    });
  });
});

describe('a scenario too large for a link', () => {
  it('takes the old link out of the address and says why, keeping the scenario here', async () => {
    renderApp();
    await waitFor(() => expect(window.location.hash).toMatch(/^#s=/), { timeout: 2000 });
    const large = JSON.stringify({ scopes_supported: ['files:read'], note: 'n'.repeat(70_000) });
    fireEvent.change(editor('Protected Resource Metadata'), { target: { value: large } });
    expect(await screen.findByText(/too large for a link \(over 64 KB\)/)).toBeVisible();
    expect(window.location.hash).toBe('');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeDisabled();
  });
});

describe('what this browser keeps', () => {
  it('keeps invalid JSON as typed across a reload', async () => {
    const view = renderApp();
    fireEvent.change(editor('Authorization Server Metadata'), {
      target: { value: '{ "issuer": "https://as.example.com", ' },
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 350)));
    view.unmount();
    renderApp();
    expect(editor('Authorization Server Metadata').value).toBe(
      '{ "issuer": "https://as.example.com", ',
    );
  });

  it('keeps invalid JSON when the page reloads its own link', async () => {
    const view = renderApp();
    fireEvent.change(editor('Client Metadata'), { target: { value: '{ "client_name": ' } });
    await waitFor(() => expect(window.location.hash).toMatch(/^#s=/), { timeout: 2000 });
    view.unmount();
    renderApp();
    expect(await screen.findByRole('textbox', { name: 'Client Metadata' })).toHaveValue(
      '{ "client_name": ',
    );
  });

  it('never stores a client secret, and says so', async () => {
    renderApp();
    fireEvent.change(editor('Client Metadata'), {
      target: { value: '{\n  "client_name": "x",\n  "client_secret": "s3cr3t-value"\n}' },
    });
    expect(await screen.findByText(/client_secret was removed/)).toBeVisible();
    await act(() => new Promise((resolve) => setTimeout(resolve, 350)));
    const stored = JSON.stringify(window.localStorage.getItem(window.localStorage.key(0) ?? ''));
    expect(stored).toContain('client_name');
    expect(stored).not.toContain('s3cr3t-value');
    expect(editor('Client Metadata').value).toContain('s3cr3t-value');
  });
});
