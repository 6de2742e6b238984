import type { StepName } from '@mcp-auth-playground/core';
import type { KeyboardEvent, Ref } from 'react';
import { arrowText, LANE_TITLES, SEQUENCE, type ArrowRow, type SequenceLayout } from './layout.ts';

interface SequenceDiagramProps {
  layout: SequenceLayout;
  currentStep?: StepName | undefined;
  /** Words for a step, e.g. 'Token request', for each arrow's text alternative. */
  stepTitle: (step: StepName) => string;
  svgRef: Ref<SVGSVGElement>;
  titleId: string;
  onOpen: (exchangeId: string) => void;
}

const OUTCOME_WORDS = {
  ok: '',
  challenge: ', a challenge',
  error: ', an error',
  navigation: ', a browser navigation',
  pending: ', waiting for the answer',
} as const;

function describe(row: ArrowRow, stepTitle: (step: StepName) => string): string {
  const { arrow } = row;
  const route =
    arrow.from === arrow.to
      ? `from the ${LANE_TITLES.client.toLowerCase()} to a server that is neither party`
      : `from the ${LANE_TITLES[arrow.from]} to the ${LANE_TITLES[arrow.to]}`;
  // The name starts with the words the arrow shows (WCAG 2.5.3), which may be a shortened path;
  // then the whole request, when it was shortened.
  const full = arrowText(arrow);
  const whole = row.label === full ? '' : ` The whole request: ${full}.`;
  return `${row.number}. ${row.label}${OUTCOME_WORDS[arrow.outcome]}, ${route}, in step “${stepTitle(arrow.step)}”.${whole} Opens the exchange in the log.`;
}

function Line({ row }: { row: ArrowRow }) {
  const { x1, x2, y } = row;
  if (x1 === x2) {
    return (
      <>
        <path className="sq-line" d={`M${x1} ${y - 5}H${x1 + 22}V${y + 5}H${x1 + 6}`} />
        <polygon
          className="sq-head"
          points={`${x1 + 7},${y + 1} ${x1 + 7},${y + 9} ${x1},${y + 5}`}
        />
      </>
    );
  }
  const direction = x2 > x1 ? 1 : -1;
  const tip = x2 - direction;
  const back = tip - direction * 8;
  return (
    <>
      <path className="sq-line" d={`M${x1} ${y}H${back}`} />
      <polygon className="sq-head" points={`${back},${y - 5} ${back},${y + 5} ${tip},${y}`} />
    </>
  );
}

/**
 * The flow's HTTP exchanges as a sequence diagram: the browser client, the MCP server and the
 * authorization server as lanes, one arrow per exchange in the order they happened.
 */
export default function SequenceDiagram({
  layout,
  currentStep,
  stepTitle,
  svgRef,
  titleId,
  onOpen,
}: SequenceDiagramProps) {
  const bottom = layout.height - 4;
  const open = (event: KeyboardEvent, id: string) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onOpen(id);
  };
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      className="sequence"
      data-testid="flow-sequence"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-labelledby={titleId}
    >
      <title id={titleId}>
        {`The flow’s HTTP exchanges between the browser client, the MCP server and the authorization server: ${layout.rows.length} so far`}
      </title>
      <rect className="sq-background" width={layout.width} height={layout.height} />
      {layout.rows.map(
        (row) =>
          row.arrow.step === currentStep && (
            <rect
              key={`band-${row.arrow.id}`}
              className="sq-current"
              x={0}
              y={row.top + 2}
              width={layout.width}
              height={SEQUENCE.rowHeight - 2}
            />
          ),
      )}
      <g className="sq-lanes" aria-hidden="true">
        {layout.lanes.map((lane) => (
          <g key={lane.lane}>
            <line
              className="sq-lifeline"
              x1={lane.x}
              x2={lane.x}
              y1={layout.headerHeight - 4}
              y2={bottom}
            />
            <text className="sq-lane-title" textAnchor="middle">
              {lane.lines.map((line, index) => (
                <tspan
                  key={index}
                  x={lane.x}
                  y={SEQUENCE.headerPadding + (index + 1) * SEQUENCE.lineHeight - 3}
                >
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
      </g>
      {layout.rows.length === 0 && (
        <text
          className="sq-empty"
          x={layout.width / 2}
          y={layout.headerHeight + 22}
          textAnchor="middle"
        >
          No requests yet: each one appears here as the flow sends it.
        </text>
      )}
      {layout.rows.map((row) => {
        const description = describe(row, stepTitle);
        return (
          <g
            key={row.arrow.id}
            className={`sq-arrow outcome-${row.arrow.outcome} ${row.arrow.step === currentStep ? 'is-current' : ''}`}
            data-testid="sequence-arrow"
            data-exchange-id={row.arrow.id}
            data-step={row.arrow.step}
            data-outcome={row.arrow.outcome}
            role="button"
            tabIndex={0}
            aria-label={description}
            onClick={() => onOpen(row.arrow.id)}
            onKeyDown={(event) => open(event, row.arrow.id)}
          >
            <title>{description}</title>
            <rect
              className="sq-hit"
              x={0}
              y={row.top + 2}
              width={layout.width}
              height={SEQUENCE.rowHeight - 2}
            />
            <text className="sq-number" x={4} y={row.y + 4}>
              {row.number}
            </text>
            {/* Not drawn (text outside <text>): keeps the number a word apart from the label. */}{' '}
            <text
              className="sq-label"
              x={row.labelX}
              y={row.labelY}
              fontSize={SEQUENCE.labelFontSize}
            >
              {row.label}
            </text>
            <Line row={row} />
          </g>
        );
      })}
    </svg>
  );
}
