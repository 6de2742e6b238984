import {
  evaluateScenario,
  type Evaluation,
  type Finding,
  type Scenario,
} from '@mcp-auth-playground/core';
import { useDeferredValue, useMemo } from 'react';
import type { DocumentKey, Drafts } from './drafts.ts';
import { parseDraft, scenarioOf, type ParsedDocument } from './scenario.ts';

export interface Decision {
  parsed: Readonly<Record<DocumentKey, ParsedDocument>>;
  scenario: Scenario;
  evaluation: Evaluation;
  /** Documents that are not JSON first, then everything core's lint found. */
  findings: Finding[];
}

/**
 * The decision for the drafts on screen. Typing updates the editors at once; the decision
 * follows in a deferred render, so a slow frame never blocks a keystroke and nothing is
 * debounced. Each document is parsed only when its own text changes.
 */
export function useDecision(drafts: Drafts): Decision {
  const deferred = useDeferredValue(drafts);
  const { resourceMetadata, authServerMetadata, clientMetadata } = deferred.documents;
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
  const scenario = useMemo(() => scenarioOf(deferred, parsed), [deferred, parsed]);
  const evaluation = useMemo(() => evaluateScenario(scenario), [scenario]);
  const findings = useMemo(
    () => [...prm.findings, ...as.findings, ...client.findings, ...evaluation.findings],
    [prm, as, client, evaluation],
  );
  return { parsed, scenario, evaluation, findings };
}
