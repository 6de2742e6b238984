import type { SequenceArrow, SequenceLane } from '@mcp-auth-playground/core';
import { fitText, textWidth, wrapText } from '../text-width.ts';

// The sequence diagram's geometry for a given width, in pixels: three lanes of equal width,
// one row per exchange. Pure, so the frame reserves the drawing's height before it loads.

export const SEQUENCE = {
  fontSize: 12,
  /** Arrow labels are monospace, so paths line up and their width is predictable. */
  labelFontSize: 11.5,
  lineHeight: 14,
  rowHeight: 36,
  headerPadding: 10,
  minWidth: 300,
  /** Room at the left of each row for its number. */
  numberColumn: 26,
} as const;

export const LANE_TITLES: Readonly<Record<SequenceLane, string>> = {
  client: 'Browser client',
  'mcp-server': 'MCP server',
  'authorization-server': 'Authorization server',
};

const LANE_ORDER: readonly SequenceLane[] = ['client', 'mcp-server', 'authorization-server'];

export interface LaneHeader {
  lane: SequenceLane;
  x: number;
  lines: string[];
}

export interface ArrowRow {
  arrow: SequenceArrow;
  number: number;
  top: number;
  /** Where the line starts and ends (equal for a request to an unknown party: drawn as a loop). */
  x1: number;
  x2: number;
  y: number;
  label: string;
  labelX: number;
  labelY: number;
}

export interface SequenceLayout {
  width: number;
  height: number;
  headerHeight: number;
  lanes: LaneHeader[];
  rows: ArrowRow[];
}

export function arrowText(arrow: SequenceArrow): string {
  return `${arrow.method} ${arrow.path} · ${arrow.status}`;
}

/**
 * The arrow's label within `width`: method and status always show; a path too long keeps its
 * beginning and its end (where the issuer's or resource's own path is) around an ellipsis.
 */
function fittedLabel(arrow: SequenceArrow, width: number): string {
  const full = arrowText(arrow);
  const size = SEQUENCE.labelFontSize;
  if (textWidth(full, size, true) <= width) return full;
  const frame = `${arrow.method}  · ${arrow.status}…`;
  const room = Math.floor((width - textWidth(frame, size, true)) / textWidth('m', size, true));
  if (room < 6) return fitText(full, width, size, true);
  const head = Math.ceil(room / 2);
  const tail = room - head;
  const path = `${arrow.path.slice(0, head)}…${arrow.path.slice(arrow.path.length - tail)}`;
  return `${arrow.method} ${path} · ${arrow.status}`;
}

export function layoutSequence(
  arrows: readonly SequenceArrow[],
  available: number,
): SequenceLayout {
  const width = Math.max(SEQUENCE.minWidth, Math.floor(available));
  const laneWidth = (width - SEQUENCE.numberColumn) / LANE_ORDER.length;
  const laneX = (lane: SequenceLane) =>
    SEQUENCE.numberColumn + laneWidth * (LANE_ORDER.indexOf(lane) + 0.5);
  const lanes = LANE_ORDER.map((lane) => ({
    lane,
    x: laneX(lane),
    lines: wrapText(LANE_TITLES[lane], laneWidth - 10, SEQUENCE.fontSize),
  }));
  const titleLines = Math.max(...lanes.map((lane) => lane.lines.length));
  const headerHeight = titleLines * SEQUENCE.lineHeight + 2 * SEQUENCE.headerPadding;
  const rows = arrows.map((arrow, index): ArrowRow => {
    const top = headerHeight + index * SEQUENCE.rowHeight;
    const x1 = laneX(arrow.from);
    const x2 = laneX(arrow.to);
    const labelX = Math.min(x1, x2) + 6;
    return {
      arrow,
      number: index + 1,
      top,
      x1,
      x2,
      y: top + 26,
      label: fittedLabel(arrow, width - labelX - 4),
      labelX,
      labelY: top + 16,
    };
  });
  const height = headerHeight + Math.max(rows.length, 1) * SEQUENCE.rowHeight + 8;
  return { width, height, headerHeight, lanes, rows };
}
