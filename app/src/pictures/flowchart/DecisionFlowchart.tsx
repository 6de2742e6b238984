import '../pictures.css';
import { findProfile, type Evaluation, type ProfileId } from '@mcp-auth-playground/core';
import { lazy, Suspense, useId, useMemo, useRef, useState } from 'react';
import { profilesByGroup } from '../../shared/profiles.ts';
import { OUTCOME_TEXT } from '../../shared/words.ts';
import { DownloadSvgButton } from '../DownloadSvgButton.tsx';
import { PicturePlaceholder } from '../PicturePlaceholder.tsx';
import { layoutFlowchart } from './layout.ts';
import { flowchartModel, type ChartNode, type FlowchartModel } from './model.ts';

const Flowchart = lazy(() => import('./Flowchart.tsx'));
const LargerFlowchart = lazy(() => import('./LargerFlowchart.tsx'));

interface DecisionFlowchartProps {
  evaluation: Evaluation;
  /**
   * The id of the trace's element for step `index`, when a trace is on the page: choosing a
   * node moves focus there. Without one (the embed), the step's own words show under the chart.
   */
  stepElementId?: (index: number) => string;
}

function captionFor(model: FlowchartModel): string {
  if (!model.otherTitle) {
    return `The rule of ${model.title}, top to bottom. Lit: the nodes this decision checked, numbered as its steps; dimmed: the nodes it never reached.`;
  }
  const parting = model.nodes.find((node) => node.id === model.partsAt);
  return parting
    ? `${model.otherTitle} parts ways with ${model.title} at “${parting.label}”; a dashed outline marks each node where the two differ.`
    : `${model.otherTitle} takes the same path as ${model.title} for these documents.`;
}

function focusStep(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  target.scrollIntoView({ block: 'nearest' });
  target.focus({ preventScroll: true });
  return true;
}

/**
 * The decision as a flowchart beside its trace, with a picker to overlay a second profile's
 * path. The drawing code loads lazily; until it arrives a box of the chart's exact size holds its
 * place, so nothing below moves.
 */
export function DecisionFlowchart({ evaluation, stepElementId }: DecisionFlowchartProps) {
  const { decision } = evaluation;
  const [chosen, setChosen] = useState<ProfileId | ''>('');
  const [notice, setNotice] = useState<{ node: string; text: string }>();
  const svgRef = useRef<SVGSVGElement>(null);
  const titleId = useId();
  const pickerId = useId();
  const [large, setLarge] = useState(false);

  const profile = findProfile(decision.profile);
  const otherId = chosen === decision.profile ? '' : chosen;
  const model = useMemo(() => {
    if (!profile) return undefined;
    const otherProfile = otherId === '' ? undefined : findProfile(otherId);
    const otherDecision = evaluation.comparison.find((entry) => entry.profile === otherId);
    return flowchartModel(
      { profile, decision },
      otherProfile && otherDecision
        ? { profile: otherProfile, decision: otherDecision }
        : undefined,
    );
  }, [profile, decision, otherId, evaluation.comparison]);
  const layout = useMemo(() => model && layoutFlowchart(model), [model]);
  if (!model || !layout) return null;

  const otherDecision =
    otherId === '' ? undefined : evaluation.comparison.find((entry) => entry.profile === otherId);
  const activate = (node: ChartNode) => {
    setLarge(false);
    const step = node.step === undefined ? undefined : decision.steps[node.step];
    if (node.step !== undefined && step) {
      if (stepElementId && focusStep(stepElementId(node.step))) {
        setNotice(undefined);
        return;
      }
      setNotice({
        node: node.id,
        text: `Step ${node.step + 1}, ${OUTCOME_TEXT[step.outcome].toLowerCase()}: ${step.detail}`,
      });
      return;
    }
    setNotice({
      node: node.id,
      text: `“${node.label}” was not reached: an earlier node decided ${model.title}’s scope.`,
    });
  };
  const shownNotice =
    notice && model.nodes.some((node) => node.id === notice.node) ? notice : undefined;

  return (
    <figure className="picture flowchart-figure">
      <div className="picture-tools">
        <label htmlFor={pickerId}>Compare path with</label>
        <select
          id={pickerId}
          value={otherId}
          onChange={(event) => setChosen(event.target.value as ProfileId | '')}
        >
          <option value="">no other profile</option>
          {profilesByGroup().map(({ group, title, profiles }) => (
            <optgroup key={group} label={title}>
              {profiles
                .filter((entry) => entry.id !== decision.profile)
                .map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <DownloadSvgButton
          svg={() => svgRef.current}
          fileName={`scope-decision-${decision.profile}${otherId ? `-vs-${otherId}` : ''}.svg`}
          description="the decision flowchart"
          heading={() =>
            import('./heading.ts').then((module) =>
              module.headingFor(model, decision.scope, otherDecision),
            )
          }
        />
        <button type="button" aria-haspopup="dialog" onClick={() => setLarge(true)}>
          Larger view
        </button>
      </div>
      <div className="picture-frame" style={{ width: layout.width, height: layout.height }}>
        <Suspense fallback={<PicturePlaceholder text="Drawing the flowchart…" />}>
          <Flowchart
            model={model}
            layout={layout}
            svgRef={svgRef}
            titleId={titleId}
            onActivate={activate}
          />
        </Suspense>
      </div>
      <figcaption className="picture-caption" aria-live="polite">
        {shownNotice ? shownNotice.text : captionFor(model)}
      </figcaption>
      {large && (
        <Suspense fallback={null}>
          <LargerFlowchart
            model={model}
            layout={layout}
            caption={captionFor(model)}
            onActivate={activate}
            onClose={() => setLarge(false)}
          />
        </Suspense>
      )}
    </figure>
  );
}
