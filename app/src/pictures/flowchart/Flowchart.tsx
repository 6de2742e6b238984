import { Fragment, type KeyboardEvent, type Ref } from 'react';
import {
  arrowhead,
  FLOWCHART,
  prefixLineCount,
  routeEdges,
  skeletonEdges,
  type Box,
  type Edge,
  type FlowchartLayout,
  type LegendItem,
  type NodeBox,
} from './layout.ts';
import { isTaken, nodeDescription, tookEffect } from './describe.ts';
import type { ChartNode, FlowchartModel } from './model.ts';

interface FlowchartProps {
  model: FlowchartModel;
  layout: FlowchartLayout;
  svgRef: Ref<SVGSVGElement>;
  titleId: string;
  onActivate: (node: ChartNode) => void;
}

const QUESTION_KINDS = new Set<ChartNode['kind']>(['tier', 'step-up', 'offline-access', 'prompt']);

function Edges({ edges, className }: { edges: Edge[]; className: string }) {
  return (
    <g className={className}>
      {edges.map((edge, index) => (
        <g key={index}>
          <path d={edge.d} className="fc-line" />
          <polygon points={arrowhead(edge.head)} className="fc-head" />
        </g>
      ))}
    </g>
  );
}

/** A question is drawn with pointed ends, an action as a plain box, as flowcharts do. */
function Shape({ box, question }: { box: Box; question: boolean }) {
  if (!question) {
    return (
      <rect className="fc-shape" x={box.x} y={box.y} width={box.width} height={box.height} rx={4} />
    );
  }
  const point = 9;
  const { x, y, width, height } = box;
  const points = [
    [x + point, y],
    [x + width - point, y],
    [x + width, y + height / 2],
    [x + width - point, y + height],
    [x + point, y + height],
    [x, y + height / 2],
  ]
    .map(([px, py]) => `${px},${py}`)
    .join(' ');
  return <polygon className="fc-shape" points={points} />;
}

function Terminal({ box, text }: { box: Box; text: string }) {
  return (
    <g className="fc-terminal" aria-hidden="true">
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={box.height / 2} />
      <text x={box.x + box.width / 2} y={box.y + box.height / 2 + 4} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

function NodeLabel({ box }: { box: NodeBox }) {
  const prefixLines = prefixLineCount(box);
  const firstOtherLine = box.lines.length - (box.otherLines ?? 0);
  const top = box.y + box.height / 2 - (box.lines.length * FLOWCHART.lineHeight) / 2;
  const x = box.x + FLOWCHART.badgeColumn;
  return (
    <text className="fc-label">
      {box.lines.map((line, index) => (
        <Fragment key={index}>
          {/* Between lines, so the node's text reads as words (its name must contain it). */}
          {index > 0 && ' '}
          <tspan
            x={x}
            y={top + (index + 1) * FLOWCHART.lineHeight - 4}
            className={
              index < prefixLines
                ? 'fc-prefix'
                : index >= firstOtherLine
                  ? 'fc-other-label'
                  : undefined
            }
          >
            {line}
          </tspan>
        </Fragment>
      ))}
    </text>
  );
}

function Node({
  model,
  node,
  box,
  onActivate,
}: {
  model: FlowchartModel;
  node: ChartNode;
  box: NodeBox;
  onActivate: (node: ChartNode) => void;
}) {
  const description = nodeDescription(model, node);
  const classes = [
    'fc-node',
    isTaken(node.status) ? 'is-taken' : 'is-unreached',
    tookEffect(node.status) ? 'took-effect' : '',
    node.differs ? 'differs' : '',
  ].join(' ');
  const activate = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onActivate(node);
  };
  const markX = box.x + box.width - FLOWCHART.markColumn / 2 - 4;
  return (
    <g
      className={classes}
      data-node={node.id}
      data-taken={String(isTaken(node.status))}
      {...(node.other === undefined
        ? {}
        : {
            'data-other-taken': String(isTaken(node.other)),
            'data-differs': String(node.differs),
          })}
      role="button"
      tabIndex={0}
      aria-label={description}
      onClick={() => onActivate(node)}
      onKeyDown={activate}
    >
      <title>{description}</title>
      {node.differs && (
        <rect
          className="fc-differs"
          x={box.x - 4}
          y={box.y - 4}
          width={box.width + 8}
          height={box.height + 8}
          rx={7}
        />
      )}
      <Shape box={box} question={QUESTION_KINDS.has(node.kind)} />
      {node.step !== undefined && (
        <g className="fc-badge" aria-hidden="true">
          <circle cx={box.x + 16} cy={box.y + box.height / 2} r={9} />
          <text x={box.x + 16} y={box.y + box.height / 2 + 4} textAnchor="middle">
            {node.step + 1}
          </text>
        </g>
      )}
      {/* Not drawn (text outside <text>): keeps the badge's number a word apart from the label. */}
      {node.step !== undefined && ' '}
      <NodeLabel box={box} />
      {node.other !== undefined && isTaken(node.other) && (
        <circle
          className={`fc-other-mark ${tookEffect(node.other) ? 'took-effect' : ''}`}
          cx={markX}
          cy={box.y + box.height - 12}
          r={5}
          aria-hidden="true"
        />
      )}
    </g>
  );
}

function CiteLink({ node, box }: { node: ChartNode; box: NodeBox }) {
  const x = box.x + box.width - FLOWCHART.markColumn / 2 - 4;
  const label = `Spec for “${node.label}”: ${node.cite.title} (opens in a new tab)`;
  return (
    <a
      className="fc-cite"
      href={node.cite.url}
      target="_blank"
      rel="noreferrer"
      aria-label={label}
      data-cite-for={node.id}
    >
      <title>{label}</title>
      <rect x={x - 8} y={box.y + 3} width={16} height={18} rx={3} />
      <text x={x} y={box.y + 16} textAnchor="middle">
        §
      </text>
    </a>
  );
}

function LegendSwatch({ item }: { item: LegendItem }) {
  const { x, y } = item;
  const middle = y - 4;
  switch (item.key) {
    case 'effect':
    case 'checked':
    case 'unreached':
      return (
        <rect
          className={`fc-swatch fc-swatch-${item.key}`}
          x={x}
          y={middle - 6}
          width={16}
          height={12}
          rx={2}
        />
      );
    case 'path':
      return <path className="fc-path fc-line" d={`M${x} ${middle}H${x + 16}`} />;
    case 'other-path':
      return <path className="fc-path-other fc-line" d={`M${x} ${middle}H${x + 16}`} />;
    case 'differs':
      return <rect className="fc-differs" x={x} y={middle - 6} width={16} height={12} rx={3} />;
    case 'other-effect':
    case 'other-checked':
      return (
        <circle
          className={`fc-other-mark ${item.key === 'other-effect' ? 'took-effect' : ''}`}
          cx={x + 8}
          cy={middle}
          r={5}
        />
      );
    case 'step':
      return (
        <g className="fc-badge">
          <circle cx={x + 8} cy={middle} r={7} />
          <text x={x + 8} y={middle + 3.5} textAnchor="middle">
            1
          </text>
        </g>
      );
    case 'cite':
      return (
        <g className="fc-cite">
          <text x={x + 8} y={middle + 4.5} textAnchor="middle">
            §
          </text>
        </g>
      );
  }
}

/**
 * The profile's rule as a flowchart: each node of `profile.rule` in its order, the decision's
 * path lit through them, and, when another profile is chosen, its path beside in another colour
 * with an outline wherever the two differ.
 */
export default function Flowchart({ model, layout, svgRef, titleId, onActivate }: FlowchartProps) {
  const byId = new Map(layout.nodes.map((box) => [box.id, box]));
  const overlaid = model.otherVisits !== undefined;
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      className="flowchart"
      data-testid="decision-flowchart"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-labelledby={titleId}
    >
      <title id={titleId}>
        {`How ${model.title} decides its scope, drawn from its rule, with this decision’s path lit`}
        {model.otherTitle ? ` and ${model.otherTitle}’s path overlaid` : ''}
      </title>
      <rect className="fc-background" width={layout.width} height={layout.height} />
      <Edges edges={skeletonEdges(layout)} className="fc-skeleton" />
      <Edges edges={routeEdges(layout, model.visits, 'primary', overlaid)} className="fc-path" />
      {model.otherVisits && (
        <Edges
          edges={routeEdges(layout, model.otherVisits, 'other', overlaid)}
          className="fc-path-other"
        />
      )}
      <Terminal box={layout.start} text="Client needs a token" />
      <Terminal box={layout.end} text="Authorization request" />
      {model.nodes.map((node) => {
        const box = byId.get(node.id);
        return (
          box && (
            <g key={node.id}>
              <Node model={model} node={node} box={box} onActivate={onActivate} />
              <CiteLink node={node} box={box} />
            </g>
          )
        );
      })}
      <g className="fc-legend" aria-hidden="true">
        {layout.legend.map((item) => (
          <g key={item.key}>
            <LegendSwatch item={item} />
            <text x={item.x + 22} y={item.y}>
              {item.text}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
