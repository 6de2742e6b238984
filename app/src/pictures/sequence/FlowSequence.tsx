import '../pictures.css';
import {
  sequenceArrows,
  type HttpExchange,
  type SequenceParties,
  type StepName,
} from '@mcp-auth-playground/core';
import {
  lazy,
  Suspense,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { DownloadSvgButton } from '../DownloadSvgButton.tsx';
import { PicturePlaceholder } from '../PicturePlaceholder.tsx';
import { layoutSequence, SEQUENCE } from './layout.ts';

const SequenceDiagram = lazy(() => import('./SequenceDiagram.tsx'));

interface FlowSequenceProps {
  log: readonly HttpExchange[];
  parties: SequenceParties;
  currentStep?: StepName | undefined;
  stepTitle: (step: StepName) => string;
  /** Shows the exchange with this id in the HTTP log. */
  onOpenExchange: (exchangeId: string) => void;
}

/** The width the diagram may use: its frame's, followed as the page resizes. */
function useFrameWidth(): [RefObject<HTMLDivElement | null>, number | undefined] {
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [frame, width];
}

/**
 * The flow as a live sequence diagram above its HTTP log: an arrow appears for each exchange as
 * it is logged. The drawing code loads lazily into a frame that already has its final height.
 */
export function FlowSequence({
  log,
  parties,
  currentStep,
  stepTitle,
  onOpenExchange,
}: FlowSequenceProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const titleId = useId();
  const [frame, available] = useFrameWidth();
  const arrows = useMemo(() => sequenceArrows(log, parties), [log, parties]);
  const layout = useMemo(
    () => layoutSequence(arrows, available ?? SEQUENCE.minWidth),
    [arrows, available],
  );
  const errors = arrows.filter((arrow) => arrow.outcome === 'error').length;

  return (
    <figure className="picture sequence-figure">
      <div className="picture-tools">
        <DownloadSvgButton
          svg={() => svgRef.current}
          fileName="mcp-authorization-flow.svg"
          description="the flow's sequence diagram"
        />
      </div>
      <div ref={frame} className="picture-frame sequence-frame" style={{ height: layout.height }}>
        {available !== undefined && (
          <Suspense fallback={<PicturePlaceholder text="Drawing the sequence diagram…" />}>
            <SequenceDiagram
              layout={layout}
              currentStep={currentStep}
              stepTitle={stepTitle}
              svgRef={svgRef}
              titleId={titleId}
              onOpen={onOpenExchange}
            />
          </Suspense>
        )}
      </div>
      <figcaption className="picture-caption">
        {arrows.length === 0
          ? 'Each request of the flow becomes an arrow here as it is sent.'
          : `${arrows.length} ${arrows.length === 1 ? 'exchange' : 'exchanges'}${errors > 0 ? `, ${errors} in red for an error` : ''}. Choose an arrow to open it in the log.`}
      </figcaption>
    </figure>
  );
}
