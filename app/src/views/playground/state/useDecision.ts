import {
  evaluateScenario,
  type Evaluation,
  type Finding,
  type Scenario,
} from '@mcp-auth-playground/core';
import { useDeferredValue, useMemo } from 'react';
import { DOCUMENT_KEYS, type DocumentKey, type Drafts } from '../../../shared/drafts.ts';
import { parseDraft, scenarioOf, type ParsedDocument } from './scenario.ts';

export interface Decision {
  parsed: Readonly<Record<DocumentKey, ParsedDocument>>;
  scenario: Scenario;
  evaluation: Evaluation;
  /** Everything core's lint found, a document's JSON error first among its findings. */
  findings: Finding[];
}

/**
 * Up to this much JSON in the three documents together (typical metadata is a few kB), parsing
 * and deciding take about a millisecond: cheap enough for the keystroke's own render. A 256 kB
 * scope list takes ten times that, which would make every keystroke wait.
 */
export const KEYSTROKE_DECISION_LIMIT = 64 * 1024;

function servedLength(drafts: Drafts): number {
  let length = 0;
  for (const key of DOCUMENT_KEYS) {
    const draft = drafts.documents[key];
    if (draft.served) length += draft.text.length;
  }
  return length;
}

/**
 * The decision for the drafts on screen. For documents of a usual size it is made in the
 * keystroke's own render, so the new scope is painted in the same frame as the typed character;
 * only the views that explain it wait for a deferred render (see PlaygroundView). Very large
 * documents are decided in a deferred render instead, so typing in them never waits on a parse.
 * Each document is parsed only when its own text changes.
 */
export function useDecision(drafts: Drafts): Decision {
  const deferred = useDeferredValue(drafts);
  const source = servedLength(drafts) <= KEYSTROKE_DECISION_LIMIT ? drafts : deferred;
  const { resourceMetadata, authServerMetadata, clientMetadata } = source.documents;
  const prm = useMemo(() => parseDraft('resourceMetadata', resourceMetadata), [resourceMetadata]);
  const as = useMemo(
    () => parseDraft('authServerMetadata', authServerMetadata),
    [authServerMetadata],
  );
  const client = useMemo(() => parseDraft('clientMetadata', clientMetadata), [clientMetadata]);
  const parsed = useMemo(
    () => ({ resourceMetadata: prm, authServerMetadata: as, clientMetadata: client }),
    [prm, as, client],
  );
  const scenario = useMemo(() => scenarioOf(source, parsed), [source, parsed]);
  const evaluation = useMemo(() => evaluateScenario(scenario), [scenario]);
  // Core reports a served document that is not JSON itself (the scenario carries its text).
  const { findings } = evaluation;
  return useMemo(
    () => ({ parsed, scenario, evaluation, findings }),
    [parsed, scenario, evaluation, findings],
  );
}
