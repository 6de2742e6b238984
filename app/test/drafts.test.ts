import { DEFAULT_PRESET } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { draftsReducer, valueAt, type Drafts } from '../src/shared/drafts.ts';
import { draftsOf, parseDraft, scenarioOf } from '../src/views/playground/state/scenario.ts';

const drafts = draftsOf(DEFAULT_PRESET.scenario);

function parsedAll(state: Drafts) {
  return {
    resourceMetadata: parseDraft('resourceMetadata', state.documents.resourceMetadata),
    authServerMetadata: parseDraft('authServerMetadata', state.documents.authServerMetadata),
    clientMetadata: parseDraft('clientMetadata', state.documents.clientMetadata),
  };
}

describe('drafts', () => {
  it('turn a scenario into editor text and back into the same scenario', () => {
    expect(scenarioOf(drafts, parsedAll(drafts))).toEqual({
      ...DEFAULT_PRESET.scenario,
      profile: 'mcp-2026-07-28',
    });
  });

  it('leave a document that is not served out of the scenario, unlike {}', () => {
    const hidden = draftsReducer(drafts, {
      type: 'set-served',
      key: 'clientMetadata',
      served: false,
    });
    expect(scenarioOf(hidden, parsedAll(hidden))).not.toHaveProperty('clientMetadata');
    const empty = draftsReducer(drafts, { type: 'set-text', key: 'clientMetadata', text: '{}' });
    expect(scenarioOf(empty, parsedAll(empty)).clientMetadata).toEqual({});
  });

  it('serve a never-typed document as {}', () => {
    const none = draftsOf({});
    expect(none.documents.resourceMetadata).toEqual({ text: '', served: false });
    const served = draftsReducer(none, {
      type: 'set-served',
      key: 'resourceMetadata',
      served: true,
    });
    expect(served.documents.resourceMetadata).toEqual({ text: '{}', served: true });
  });

  it('edit one field from the value the text holds now', () => {
    const next = draftsReducer(drafts, {
      type: 'update-value',
      key: 'clientMetadata',
      path: ['grant_types'],
      update: (current) =>
        Array.isArray(current) ? [...(current as unknown[]), 'client_credentials'] : current,
    });
    expect(valueAt(JSON.parse(next.documents.clientMetadata.text), ['grant_types'])).toEqual([
      'authorization_code',
      'refresh_token',
      'client_credentials',
    ]);
  });

  it('change nothing when a field edit meets invalid JSON', () => {
    const broken = draftsReducer(drafts, { type: 'set-text', key: 'clientMetadata', text: '{' });
    const next = draftsReducer(broken, {
      type: 'update-value',
      key: 'clientMetadata',
      path: ['scope'],
      update: () => 'x',
    });
    expect(next).toBe(broken);
  });

  it('read own properties only', () => {
    expect(valueAt({}, ['constructor'])).toBeUndefined();
    expect(valueAt({ a: [1, { b: 2 }] }, ['a', 1, 'b'])).toBe(2);
  });
});
