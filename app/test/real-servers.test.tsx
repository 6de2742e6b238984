import {
  encodeScenario,
  PRESETS,
  REAL_SERVER_PRESETS,
  requestOutcomes,
  type Preset,
} from '@mcp-auth-playground/core';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { realPresetShowing } from '../src/views/playground/presets/realPresetMatch.ts';
import { draftsOf } from '../src/views/playground/state/scenario.ts';
import { renderApp } from './renderApp.tsx';

// CodeMirror needs layout a DOM emulator does not have; the editors stay the plain text areas the
// page shows until it arrives. The e2e spec real-servers.spec.ts drives the real editors.
vi.mock('../src/views/playground/inputs/editor/JsonEditor.tsx', async () => ({
  default: (await import('../src/views/playground/inputs/editor/EditorFallback.tsx'))
    .EditorFallback,
}));

/**
 * The presets list and a real server's notes are chunks of their own, transformed on their first
 * import: a busy machine needs longer than Testing Library's default second to bring them.
 */
const LAZY_CHUNK = { timeout: 5000 };

function realPreset(id: string): Preset {
  const found = REAL_SERVER_PRESETS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no real-server preset ${id}`);
  return found;
}

function presetNote(): HTMLElement {
  return screen.getByRole('complementary', { name: 'About this preset' });
}

/** The note above the editor named `label`; its words load with a real server's notes. */
async function documentOrigin(label: string): Promise<HTMLElement> {
  const panel = screen.getByRole('textbox', { name: label }).closest('.document-panel');
  if (!(panel instanceof HTMLElement)) throw new Error(`no panel for ${label}`);
  return within(panel).findByTestId('document-origin', {}, LAZY_CHUNK);
}

async function openPresets() {
  await userEvent.click(screen.getByRole('button', { name: /Presets/ }));
  expect(await screen.findByRole('group', { name: 'Real servers' }, LAZY_CHUNK)).toBeVisible();
}

beforeEach(() => {
  // The page asks the local testbed whether its relay is up; these tests run without one.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('no network in unit tests')));
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('the Real servers group of the presets menu', () => {
  it('lists each real server after the rule presets, with its explanation and sources', async () => {
    renderApp();
    await openPresets();
    const rules = screen.getByRole('group', { name: 'Rules and clients' });
    expect(within(rules).getAllByRole('button')).toHaveLength(PRESETS.length);
    const group = screen.getByRole('group', { name: 'Real servers' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(
      REAL_SERVER_PRESETS.map((preset) => preset.title),
    );
    const entra = within(group).getByRole('button', { name: 'Microsoft Entra ID' });
    expect(entra).toHaveAccessibleDescription(
      `${realPreset('real-entra-id').explanation} Published: Authorization Server Metadata from login.microsoftonline.com (2024-10-26). Everything else is the playground’s example.`,
    );
    const google = within(group).getByRole('button', { name: 'Google Compute MCP server' });
    expect(google).toHaveAccessibleDescription(
      /Published: Protected Resource Metadata from compute\.googleapis\.com \(2026-01-31\); Authorization Server Metadata from accounts\.google\.com \(2026-01-31\)\./,
    );
  });

  it('skips to the real servers from the top of the menu', async () => {
    renderApp();
    await openPresets();
    await userEvent.click(screen.getByRole('button', { name: 'Skip to the real servers' }));
    expect(screen.getByRole('button', { name: 'Microsoft Entra ID' })).toHaveFocus();
  });
});

describe('a loaded real-server preset', () => {
  it('Microsoft Entra ID: explains, names the clients that stop and go ahead, and cites its source', async () => {
    renderApp();
    await openPresets();
    await userEvent.click(screen.getByRole('button', { name: 'Microsoft Entra ID' }));
    const preset = realPreset('real-entra-id');
    const note = presetNote();
    expect(note).toHaveTextContent(preset.explanation);

    // The names come from core's profiles: the ones whose request preview refuses, and the rest.
    const outcomes = requestOutcomes(preset.scenario);
    expect(outcomes.stops.map((profile) => profile.id)).toContain('mcp-2026-07-28');
    const named = await within(note).findByTestId('preset-outcomes', {}, LAZY_CHUNK);
    expect(note).toHaveTextContent(preset.provenance!.serverOwner);
    expect(named).toHaveTextContent(
      `these clients stop before any authorization request: ${outcomes.stops.map((profile) => profile.title).join(', ')}.`,
    );
    expect(named).toHaveTextContent(
      `These go ahead anyway: ${outcomes.proceeds.map((profile) => profile.title).join(', ')}.`,
    );

    const [source] = await within(note).findAllByTestId('published-source', {}, LAZY_CHUNK);
    expect(source).toHaveTextContent(
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    );
    expect(source).toHaveTextContent('2024-10-26');
    expect(within(source!).getByRole('link', { name: 'source record' })).toHaveAttribute(
      'href',
      'https://github.com/panva/wellknown/blob/e88dd5e2d1c5cf40ee6358147c7b1117c4049a50/issuers/entra-common/entra-common.mjs',
    );

    // The spec's client refuses, and the decision panel says so.
    expect(screen.getByText('No authorization request.')).toBeVisible();
  });

  it('marks in each editor which document was published and which is the playground’s', async () => {
    renderApp();
    await openPresets();
    await userEvent.click(screen.getByRole('button', { name: 'Microsoft Entra ID' }));
    expect(await documentOrigin('Authorization Server Metadata')).toHaveTextContent(
      /^Published by Microsoft Entra ID: .*fetched from https:\/\/login\.microsoftonline\.com\/common\/v2\.0\/\.well-known\/openid-configuration.*2024-10-26/,
    );
    for (const label of ['Protected Resource Metadata', 'Client Metadata']) {
      expect(await documentOrigin(label)).toHaveTextContent(
        /^Playground default .*Not published by Microsoft Entra ID\.$/,
      );
    }

    // Once edited, the published document is no longer as published, and the notes say so.
    const authServer = screen.getByRole<HTMLTextAreaElement>('textbox', {
      name: 'Authorization Server Metadata',
    });
    fireEvent.change(authServer, {
      target: {
        value: authServer.value.replace(
          '"token_endpoint"',
          '"code_challenge_methods_supported": ["S256"], "token_endpoint"',
        ),
      },
    });
    expect(await documentOrigin('Authorization Server Metadata')).toHaveTextContent(
      /^Published by Microsoft Entra ID, edited here since:/,
    );
    expect(await documentOrigin('Client Metadata')).not.toHaveTextContent('edited');
    expect(presetNote()).toHaveTextContent('Microsoft Entra ID (edited)');
  });

  it('Google Compute MCP server: both documents published, no client stopped', async () => {
    renderApp();
    await openPresets();
    await userEvent.click(screen.getByRole('button', { name: 'Google Compute MCP server' }));
    const preset = realPreset('real-google-compute-mcp');
    expect(requestOutcomes(preset.scenario).stops).toEqual([]);
    const note = presetNote();
    expect(note).toHaveTextContent(preset.explanation);
    expect(await within(note).findAllByTestId('published-source', {}, LAZY_CHUNK)).toHaveLength(2);
    // Loaded with the sources above: no client stops, so no list of them.
    expect(within(note).queryByTestId('preset-outcomes')).toBeNull();
    for (const label of ['Protected Resource Metadata', 'Authorization Server Metadata']) {
      expect(await documentOrigin(label)).toHaveTextContent(/^Published by Google/);
    }
    expect(
      screen.getAllByTestId('finding').map((finding) => finding.getAttribute('data-finding-id')),
    ).toContain('as/issuer-mismatch');
    expect(screen.getByTestId('decision-scope')).toHaveTextContent(
      'https://www.googleapis.com/auth/compute',
    );
  });

  it('keeps its note across a reload, where the drafts come back from this browser', async () => {
    const view = renderApp();
    await openPresets();
    await userEvent.click(screen.getByRole('button', { name: 'Slack' }));
    expect(presetNote()).toHaveTextContent(realPreset('real-slack').explanation);
    // Leaving the page keeps the drafts in this browser; the next visit opens on them.
    view.unmount();
    renderApp();
    const note = await screen.findByRole(
      'complementary',
      { name: 'About this preset' },
      LAZY_CHUNK,
    );
    expect(note).toHaveTextContent(realPreset('real-slack').explanation);
    expect(await documentOrigin('Authorization Server Metadata')).toHaveTextContent(
      /^Published by Slack:/,
    );
  });

  it('opens from its permalink with the same note', async () => {
    const preset = realPreset('real-entra-id');
    window.history.replaceState(null, '', `/#s=${await encodeScenario(preset.scenario)}`);
    renderApp();
    const note = await screen.findByRole(
      'complementary',
      { name: 'About this preset' },
      LAZY_CHUNK,
    );
    expect(note).toHaveTextContent(preset.explanation);
    expect(await within(note).findByTestId('published-source', {}, LAZY_CHUNK)).toHaveTextContent(
      '2024-10-26',
    );
    expect(await documentOrigin('Authorization Server Metadata')).toHaveTextContent(
      /^Published by Microsoft Entra ID:/,
    );
  });
});

describe('realPresetShowing', () => {
  it('names the real-server preset whose documents a link shows unchanged, whatever the profile', () => {
    for (const preset of REAL_SERVER_PRESETS) {
      expect(realPresetShowing(draftsOf(preset.scenario))).toBe(preset);
      const otherProfile = draftsOf({ ...preset.scenario, profile: 'vscode' });
      expect(realPresetShowing(otherProfile)).toBe(preset);
    }
  });

  it('names none once a document, the challenge or the server differs', () => {
    const { scenario } = realPreset('real-slack');
    const changed = [
      {
        ...scenario,
        authServerMetadata: {
          ...(scenario.authServerMetadata as object),
          code_challenge_methods_supported: ['S256'],
        },
      },
      { ...scenario, wwwAuthenticate: `${scenario.wwwAuthenticate}, scope="files:read"` },
      { ...scenario, serverUrl: 'https://mcp.example.org/mcp' },
      { ...scenario, clientMetadata: undefined },
    ];
    for (const variant of changed) expect(realPresetShowing(draftsOf(variant))).toBeUndefined();
    for (const preset of PRESETS)
      expect(realPresetShowing(draftsOf(preset.scenario))).toBeUndefined();
  });
});
