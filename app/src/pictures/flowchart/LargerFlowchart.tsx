import { lazy, Suspense, useEffect, useId, useRef } from 'react';
import { PicturePlaceholder } from '../PicturePlaceholder.tsx';
import type { FlowchartLayout } from './layout.ts';
import type { ChartNode, FlowchartModel } from './model.ts';

const Flowchart = lazy(() => import('./Flowchart.tsx'));

interface LargerFlowchartProps {
  model: FlowchartModel;
  layout: FlowchartLayout;
  caption: string;
  onActivate: (node: ChartNode) => void;
  /** Called once the dialog has closed (Escape, the Close button, or a node chosen). */
  onClose: () => void;
}

/**
 * "Larger view": the same chart in a modal dialog, scaled to the dialog's width, for reading
 * its labels or showing it to a room. Mounted only while open.
 */
export default function LargerFlowchart({
  model,
  layout,
  caption,
  onActivate,
  onClose,
}: LargerFlowchartProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // No close() on cleanup: React's development check runs this effect, its cleanup and the
  // effect again, and the close event that cleanup queued would unmount the dialog just opened.
  // Leaving the page takes an open dialog out of the top layer with it.
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="picture-dialog"
      aria-label={`The flowchart of ${model.title}, larger`}
      onClose={onClose}
    >
      <div className="picture-dialog-head">
        <p className="picture-caption">{caption}</p>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <div
        className="picture-dialog-chart"
        style={{ aspectRatio: `${layout.width} / ${layout.height}` }}
      >
        <Suspense fallback={<PicturePlaceholder text="Drawing the flowchart…" />}>
          <Flowchart
            model={model}
            layout={layout}
            svgRef={null}
            titleId={titleId}
            onActivate={onActivate}
          />
        </Suspense>
      </div>
    </dialog>
  );
}
