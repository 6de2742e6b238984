import { DEFAULT_PRESET } from '@mcp-auth-playground/core';
import { act, render } from '@testing-library/react';
import { useEffect, useLayoutEffect, useReducer, type Dispatch } from 'react';
import { describe, expect, it } from 'vitest';
import { draftsReducer, type Drafts, type DraftsAction } from '../src/shared/drafts.ts';
import { draftsOf } from '../src/views/playground/state/scenario.ts';
import {
  KEYSTROKE_DECISION_LIMIT,
  useDecision,
} from '../src/views/playground/state/useDecision.ts';

/** What one commit put on screen: the PRM as typed, and the scope decided with it. */
interface Commit {
  prm: string;
  scope: string | undefined;
}

interface ProbeProps {
  initial: Drafts;
  onCommit: (commit: Commit) => void;
  onDispatch: (dispatch: Dispatch<DraftsAction>) => void;
}

function Probe({ initial, onCommit, onDispatch }: ProbeProps) {
  const [drafts, dispatch] = useReducer(draftsReducer, initial);
  const { evaluation } = useDecision(drafts);
  const prm = drafts.documents.resourceMetadata.text;
  const { scope } = evaluation.decision;
  useLayoutEffect(() => {
    onCommit({ prm, scope });
  });
  useEffect(() => {
    onDispatch(dispatch);
  }, [onDispatch, dispatch]);
  return null;
}

/** Renders the hook, then types `edit` into the PRM; returns every commit since the edit. */
function commitsAfterEdit(initial: Drafts, edit: (text: string) => string): Commit[] {
  const commits: Commit[] = [];
  let dispatch: Dispatch<DraftsAction> | undefined;
  render(
    <Probe
      initial={initial}
      onCommit={(commit) => {
        commits.push(commit);
      }}
      onDispatch={(send) => {
        dispatch = send;
      }}
    />,
  );
  const send = dispatch;
  if (!send) throw new Error('the probe never rendered');
  commits.length = 0;
  const text = edit(initial.documents.resourceMetadata.text);
  act(() => send({ type: 'set-text', key: 'resourceMetadata', text }));
  return commits;
}

const typical = draftsOf(DEFAULT_PRESET.scenario);
const addX = (text: string) => text.replace('"files:read"', '"files:readx"');

/** The default scenario with a PRM scope list long enough to pass the keystroke limit. */
function large(): Drafts {
  const prm = DEFAULT_PRESET.scenario.resourceMetadata as Record<string, unknown>;
  const scopes = ['files:read'];
  for (let index = 0; JSON.stringify(scopes).length < KEYSTROKE_DECISION_LIMIT; index++) {
    scopes.push(`files:${index.toString(36)}:read`);
  }
  return draftsOf({
    ...DEFAULT_PRESET.scenario,
    resourceMetadata: { ...prm, scopes_supported: scopes },
  });
}

describe('useDecision', () => {
  it('decides a typical scenario in the keystroke’s own render', () => {
    const commits = commitsAfterEdit(typical, addX);
    expect(commits.length).toBeGreaterThan(0);
    // Not one commit shows the new text beside the old decision.
    for (const commit of commits) {
      expect(commit.prm).toContain('"files:readx"');
      expect(commit.scope).toBe('files:readx offline_access');
    }
  });

  it('leaves a very large scenario to a deferred render, which then brings the decision', () => {
    const commits = commitsAfterEdit(large(), addX);
    const [first] = commits;
    const last = commits.at(-1);
    expect(first?.prm).toContain('"files:readx"');
    expect(first?.scope?.startsWith('files:read ')).toBe(true);
    expect(last?.scope?.startsWith('files:readx ')).toBe(true);
  });
});
