import { textWidth, wrapText } from '../text-width.ts';
import type { FlowchartModel } from './model.ts';

// The flowchart's geometry, in pixels (one SVG unit is one CSS pixel: the picture is never
// scaled, so its text stays the page's size). Pure: the placeholder reserves exactly this size
// before the drawing code arrives.

export const FLOWCHART = {
  width: 288,
  fontSize: 12,
  lineHeight: 15,
  /** Left channel for edges that go back up, right channel for edges that skip nodes. */
  nodeX: 26,
  nodeWidth: 226,
  /** Room inside a node for the step badge (left) and the citation and overlay marks (right). */
  badgeColumn: 28,
  markColumn: 24,
  paddingY: 8,
  gap: 22,
  terminalHeight: 24,
  legendRow: 18,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NodeBox extends Box {
  id: string;
  /** The label's lines; a node only the compared profile has starts with `prefix`. */
  lines: string[];
  prefix?: string;
  /**
   * How many of the last lines are the compared profile's own label for the node, shown where
   * its rule words the node differently (its path is drawn through its own rule, not this one).
   */
  otherLines?: number;
}

export interface LegendItem {
  key:
    | 'effect'
    | 'checked'
    | 'unreached'
    | 'step'
    | 'cite'
    | 'path'
    | 'other-path'
    | 'other-effect'
    | 'other-checked'
    | 'differs';
  text: string;
  x: number;
  y: number;
}

export interface FlowchartLayout {
  width: number;
  height: number;
  start: Box;
  end: Box;
  nodes: NodeBox[];
  legend: LegendItem[];
}

const TEXT_WIDTH = FLOWCHART.nodeWidth - FLOWCHART.badgeColumn - FLOWCHART.markColumn - 4;

function terminal(y: number): Box {
  const width = 132;
  return {
    x: FLOWCHART.nodeX + (FLOWCHART.nodeWidth - width) / 2,
    y,
    width,
    height: FLOWCHART.terminalHeight,
  };
}

/** Legend entries in two columns where they fit, one per row where they do not. */
function legendFor(model: FlowchartModel, top: number): LegendItem[] {
  const half = (FLOWCHART.width - 8) / 2;
  const swatch = 22;
  const items: Omit<LegendItem, 'x' | 'y'>[] = [
    { key: 'effect', text: 'Took effect' },
    { key: 'checked', text: 'Checked, moved on' },
    { key: 'unreached', text: 'Not reached' },
    { key: 'step', text: 'Step of the trace' },
    { key: 'cite', text: 'Spec section' },
    { key: 'path', text: `${model.title}’s path` },
  ];
  if (model.otherTitle) {
    items.push({ key: 'other-path', text: `${model.otherTitle}’s path` });
    items.push({ key: 'other-effect', text: `${model.otherTitle}: took effect` });
    items.push({ key: 'other-checked', text: `${model.otherTitle}: checked, moved on` });
    items.push({ key: 'differs', text: 'Where they differ' });
  }
  const placed: LegendItem[] = [];
  let y = top;
  let column = 0;
  for (const item of items) {
    const fitsHalf = textWidth(item.text, FLOWCHART.fontSize - 1) + swatch <= half - 6;
    if (!fitsHalf && column === 1) {
      y += FLOWCHART.legendRow;
      column = 0;
    }
    placed.push({ ...item, x: 4 + column * half, y });
    if (fitsHalf && column === 0) {
      column = 1;
    } else {
      y += FLOWCHART.legendRow;
      column = 0;
    }
  }
  return placed;
}

export function layoutFlowchart(model: FlowchartModel): FlowchartLayout {
  const start = terminal(4);
  let y = start.y + start.height + FLOWCHART.gap;
  const nodes = model.nodes.map((node): NodeBox => {
    const prefix =
      node.origin === 'other' && model.otherTitle
        ? `Only in ${model.otherTitle}'s rule:`
        : undefined;
    const otherLines =
      node.otherLabel !== undefined && model.otherTitle
        ? wrapText(`${model.otherTitle}: ${node.otherLabel}`, TEXT_WIDTH, FLOWCHART.fontSize)
        : [];
    const lines = [
      ...(prefix === undefined ? [] : wrapText(prefix, TEXT_WIDTH, FLOWCHART.fontSize)),
      ...wrapText(node.label, TEXT_WIDTH, FLOWCHART.fontSize),
      ...otherLines,
    ];
    const height = Math.max(
      lines.length * FLOWCHART.lineHeight + 2 * FLOWCHART.paddingY,
      // The citation mark and the overlay mark stack in the right column.
      44,
    );
    const box: NodeBox = {
      id: node.id,
      x: FLOWCHART.nodeX,
      y,
      width: FLOWCHART.nodeWidth,
      height,
      lines,
      ...(prefix === undefined ? {} : { prefix }),
      ...(otherLines.length === 0 ? {} : { otherLines: otherLines.length }),
    };
    y += height + FLOWCHART.gap;
    return box;
  });
  const end = terminal(y);
  const legend = legendFor(model, end.y + end.height + 18);
  const last = legend.at(-1);
  const height = (last ? last.y : end.y + end.height) + FLOWCHART.legendRow;
  return { width: FLOWCHART.width, height: Math.ceil(height), start, end, nodes, legend };
}

/** How many label lines of a node are the "Only …:" prefix. */
export function prefixLineCount(box: NodeBox): number {
  return box.prefix === undefined ? 0 : wrapText(box.prefix, TEXT_WIDTH, FLOWCHART.fontSize).length;
}

export type EdgeLane = 'primary' | 'other';

export interface Edge {
  d: string;
  /** Tip of the arrowhead and the direction it points. */
  head: { x: number; y: number; direction: 'down' | 'left' | 'right' };
}

/**
 * The route of a path through the drawn nodes, from the start terminal through `visits` to the
 * end: straight down between neighbours, out to the right around skipped nodes, out to the left
 * where a client goes back up its rule. The overlay runs beside the primary path, never on it.
 */
export function routeEdges(
  layout: FlowchartLayout,
  visits: readonly string[],
  lane: EdgeLane,
  overlaid: boolean,
): Edge[] {
  const index = new Map(layout.nodes.map((box, at) => [box.id, at]));
  const boxAt = (at: number): Box =>
    at < 0 ? layout.start : at >= layout.nodes.length ? layout.end : (layout.nodes[at] as Box);
  const sequence = [
    -1,
    ...visits.map((id) => index.get(id) ?? -2).filter((at) => at >= -1),
    layout.nodes.length,
  ];
  const shift = overlaid ? (lane === 'primary' ? -4 : 4) : 0;
  const channel = lane === 'primary' ? 10 : 19;
  const edges: Edge[] = [];
  for (let step = 1; step < sequence.length; step++) {
    const fromAt = sequence[step - 1] as number;
    const toAt = sequence[step] as number;
    const from = boxAt(fromAt);
    const to = boxAt(toAt);
    if (toAt === fromAt + 1) {
      const x = FLOWCHART.nodeX + FLOWCHART.nodeWidth / 2 + shift;
      const top = from.y + from.height;
      const bottom = to.y;
      edges.push({ d: `M${x} ${top}V${bottom - 5}`, head: { x, y: bottom, direction: 'down' } });
    } else if (toAt > fromAt) {
      const right = FLOWCHART.nodeX + FLOWCHART.nodeWidth;
      const leave = { x: from.x + from.width, y: from.y + from.height / 2 + 6 + shift / 2 };
      const arrive = { x: to.x + to.width, y: to.y + to.height / 2 - 6 + shift / 2 };
      const x = right + channel;
      edges.push({
        d: `M${leave.x} ${leave.y}H${x}V${arrive.y}H${arrive.x + 5}`,
        head: { x: arrive.x, y: arrive.y, direction: 'left' },
      });
    } else {
      const left = FLOWCHART.nodeX;
      const leave = { x: from.x, y: from.y + from.height / 2 + 6 + shift / 2 };
      const arrive = { x: to.x, y: to.y + to.height / 2 - 6 + shift / 2 };
      const x = left - channel;
      edges.push({
        d: `M${leave.x} ${leave.y}H${x}V${arrive.y}H${arrive.x - 5}`,
        head: { x: arrive.x, y: arrive.y, direction: 'right' },
      });
    }
  }
  return edges;
}

/** The skeleton every rule has: start, each node in drawn order, end. */
export function skeletonEdges(layout: FlowchartLayout): Edge[] {
  return routeEdges(
    layout,
    layout.nodes.map((box) => box.id),
    'primary',
    false,
  );
}

/** The three corners of an arrowhead at `head`. */
export function arrowhead(head: Edge['head']): string {
  const { x, y, direction } = head;
  const size = 5;
  if (direction === 'down')
    return `${x - size},${y - size - 1} ${x + size},${y - size - 1} ${x},${y}`;
  if (direction === 'left')
    return `${x + size + 1},${y - size} ${x + size + 1},${y + size} ${x},${y}`;
  return `${x - size - 1},${y - size} ${x - size - 1},${y + size} ${x},${y}`;
}
