import {
  DEFAULT_PRESET,
  MAX_SCENARIO_BYTES,
  sanitizeScenario,
  type DocumentSubject,
  type Finding,
} from '@mcp-auth-playground/core';
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useMemo,
  useState,
  type ComponentType,
} from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { lazyWithQueryClient } from '../../query/lazyWithQueryClient.tsx';
import { BadLinkScreen } from './BadLinkScreen.tsx';
import { DOCUMENTS } from './documents.ts';
import { DocumentPanel } from './inputs/DocumentPanel.tsx';
import {
  AuthServerQuickControls,
  ClientQuickControls,
  ResourceQuickControls,
  type QuickControlsProps,
} from './inputs/quick/QuickControls.tsx';
import { RequestFields } from './inputs/RequestFields.tsx';
import { DecisionPanel } from './output/DecisionPanel.tsx';
import { FindingsList } from './output/FindingsList.tsx';
import { DecisionSummary } from './output/DecisionSummary.tsx';
import { PresetsMenu } from './PresetsMenu.tsx';
import { documentOrigins } from './presets/origins.ts';
import { PresetNote } from './presets/PresetNote.tsx';
import type { DocumentKey } from '../../shared/drafts.ts';
import { permalinkFor } from '../../shared/permalink.ts';
import { RevealRegistry } from './state/revealRegistry.ts';
import { useCurrent } from './state/useCurrent.ts';
import { useDecision } from './state/useDecision.ts';
import {
  useHashSync,
  usePlaygroundState,
  type PlaygroundState,
} from './state/usePlaygroundState.ts';

// The decision paints first; the network tools and the comparison of every client load right
// after it, which keeps the JavaScript before the first decision within its budget.
const DiscoverPanel = lazyWithQueryClient(() =>
  import('../../discover/DiscoverPanel.tsx').then((module) => module.DiscoverPanel),
);
const RunLiveButton = lazyWithQueryClient(() =>
  import('../../flow/RunLiveButton.tsx').then((module) => module.RunLiveButton),
);
const ComparisonTable = lazy(() =>
  import('./output/ComparisonTable.tsx').then((module) => ({ default: module.ComparisonTable })),
);

const QUICK_CONTROLS: Readonly<Record<DocumentKey, ComponentType<QuickControlsProps>>> = {
  resourceMetadata: ResourceQuickControls,
  authServerMetadata: AuthServerQuickControls,
  clientMetadata: ClientQuickControls,
};

/** The playground: a permalink or bad link first, then the editors and the live decision. */
export function PlaygroundView() {
  const state = usePlaygroundState();
  const [presetsOpen, setPresetsOpen] = useState(false);

  if (state.link.kind === 'opening') {
    return (
      <p role="status" className="view-loading">
        Opening the shared scenario…
      </p>
    );
  }
  if (state.link.kind === 'bad') {
    return (
      <BadLinkScreen
        message={state.link.message}
        hasStoredDrafts={state.hasStoredDrafts}
        onLoadStored={state.loadStored}
        onStartFromPreset={() => {
          state.loadPreset(DEFAULT_PRESET);
          setPresetsOpen(true);
        }}
      />
    );
  }
  return <Playground state={state} presetsOpen={presetsOpen} onPresetsOpen={setPresetsOpen} />;
}

interface PlaygroundProps {
  state: PlaygroundState;
  presetsOpen: boolean;
  onPresetsOpen: (open: boolean) => void;
}

function Playground({ state, presetsOpen, onPresetsOpen }: PlaygroundProps) {
  const { drafts, dispatch } = state;
  // The keystroke's own render carries the new decision (its scope and facts) and the parsed
  // documents the quick controls show. Everything that explains or stores the decision reads
  // `explained`, which a deferred render brings up to date right after that frame: the trace and
  // flowchart, the request, the comparison, the findings and their marks, the link and the notes.
  const decision = useDecision(drafts);
  const { scenario, evaluation, parsed } = decision;
  const explained = useDeferredValue(decision);
  const { findings } = explained;
  const hash = useHashSync(explained.scenario);
  const currentDrafts = useCurrent(drafts);
  const currentScenario = useCurrent(scenario);
  const [registry] = useState(() => new RevealRegistry());
  const loadedPreset = state.preset?.preset;
  const origins = useMemo(() => loadedPreset && documentOrigins(loadedPreset), [loadedPreset]);
  const secretNotes = useMemo(
    () => sanitizeScenario(explained.scenario).notes,
    [explained.scenario],
  );

  const findingsBySubject = useMemo(() => {
    const bySubject = new Map<string, Finding[]>();
    for (const finding of findings) {
      bySubject.set(finding.subject, [...(bySubject.get(finding.subject) ?? []), finding]);
    }
    return bySubject;
  }, [findings]);

  const reveal = useCallback(
    (finding: Finding) => registry.reveal(finding.subject, finding.path),
    [registry],
  );
  const revealOffset = useCallback(
    (subject: DocumentSubject, offset: number) => registry.revealOffset(subject, offset),
    [registry],
  );
  const copyLink = useCallback(
    () => permalinkFor(currentScenario(), window.location),
    [currentScenario],
  );
  // The embed code (and its sizing script) loads when asked for, not before the first decision.
  const copyEmbed = useCallback(
    () =>
      import('../../embed/embed-code.ts').then(({ embedCodeFor }) =>
        embedCodeFor(currentScenario(), window.location.origin),
      ),
    [currentScenario],
  );
  const stepUp = evaluation.challenge?.params.error === 'insufficient_scope';

  return (
    <div className="playground">
      <div className="toolbar">
        <PresetsMenu open={presetsOpen} onOpenChange={onPresetsOpen} onLoad={state.loadPreset} />
        <CopyButton
          text={copyLink}
          label="Copy link"
          disabled={hash === 'too-large'}
          className="copy-link"
        />
        <CopyButton
          text={copyEmbed}
          label="Copy embed code"
          disabled={hash === 'too-large'}
          className="copy-embed"
        />
        <Suspense fallback={null}>
          <RunLiveButton currentScenario={currentScenario} />
        </Suspense>
        <p className="toolbar-status" role="status">
          {hash === 'too-large' &&
            `This scenario is too large for a link (over ${MAX_SCENARIO_BYTES / 1024} KB); it is kept in this browser only. `}
          {state.storage === 'too-large' &&
            'Too large to keep in this browser: a reload would lose it. '}
          {state.storage === 'unavailable' &&
            'This browser does not allow saving; a reload would lose your edits. '}
        </p>
      </div>

      {state.preset && <PresetNote preset={state.preset.preset} edited={state.preset.edited} />}
      {state.linkNotes.length > 0 && (
        <aside className="notes" aria-label="About the link">
          <p>The link opened, with these changes:</p>
          <ul>
            {state.linkNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </aside>
      )}
      {secretNotes.length > 0 && (
        <aside className="notes" aria-label="Kept out of storage and links">
          <ul>
            {secretNotes.map((note) => (
              <li key={note}>
                {note} It stays in the editor only: not in this browser&apos;s storage, not in a
                link.
              </li>
            ))}
          </ul>
        </aside>
      )}

      <DecisionSummary
        scope={evaluation.decision.scope}
        comparison={explained.evaluation.comparison}
        findings={findings}
      />

      <div className="workspace">
        <section className="inputs" aria-labelledby="inputs-title">
          <h2 id="inputs-title">What the client sees</h2>
          <RequestFields
            serverUrl={drafts.serverUrl}
            wwwAuthenticate={drafts.wwwAuthenticate}
            previousScope={drafts.previousScope}
            profile={drafts.profile}
            stepUp={stepUp}
            dispatch={dispatch}
            registry={registry}
          />
          <Suspense fallback={<p role="status">Loading Discover…</p>}>
            <DiscoverPanel
              serverUrl={drafts.serverUrl}
              currentDrafts={currentDrafts}
              dispatch={dispatch}
            />
          </Suspense>
          {DOCUMENTS.map((info) => (
            <DocumentPanel
              key={info.key}
              info={info}
              draft={drafts.documents[info.key]}
              findings={findingsBySubject.get(info.subject) ?? NO_FINDINGS}
              dispatch={dispatch}
              registry={registry}
              parsed={parsed[info.key]}
              Controls={QUICK_CONTROLS[info.key]}
              origin={origins?.[info.key]}
            />
          ))}
        </section>
        <div className="outputs">
          <DecisionPanel
            evaluation={evaluation}
            explained={explained.evaluation}
            onRevealOffset={revealOffset}
          />
          <Suspense fallback={<p role="status">Loading the comparison…</p>}>
            <ComparisonTable
              comparison={explained.evaluation.comparison}
              selected={explained.evaluation.profile}
            />
          </Suspense>
          <FindingsList findings={findings} onReveal={reveal} />
        </div>
      </div>
    </div>
  );
}

const NO_FINDINGS: readonly Finding[] = [];
