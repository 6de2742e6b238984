import type { Evaluation } from '@mcp-auth-playground/core';
import type { ReactNode } from 'react';
import { DecisionFlowchart } from './DecisionFlowchart.tsx';

/** The decision's trace (`children`) with its flowchart beside it, or below it on a narrow panel. */
export function TraceWithFlowchart({
  evaluation,
  stepElementId,
  children,
}: {
  evaluation: Evaluation;
  stepElementId: (index: number) => string;
  children: ReactNode;
}) {
  return (
    <div className="trace-with-flowchart">
      <div className="trace-with-flowchart-grid">
        <div className="trace-column">{children}</div>
        <DecisionFlowchart evaluation={evaluation} stepElementId={stepElementId} />
      </div>
    </div>
  );
}
