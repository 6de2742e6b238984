import {
  locateJsonPath,
  type Finding,
  type JsonPath,
  type TextRange,
} from '@mcp-auth-playground/core';

/** A value longer than this is marked by its key alone, so a finding never paints a whole page. */
const LONGEST_MARK = 160;

/**
 * The text a finding is about: the member (key and value) at its path, the nearest enclosing
 * member when the path names something missing, or the first character of the document.
 */
export function rangeOfFinding(text: string, finding: Pick<Finding, 'path'>): TextRange {
  const location = locateJsonPath(text, finding.path ?? []);
  if (!location) return { from: 0, to: Math.min(1, text.length) };
  const { node, found } = location;
  const start = node.key?.from ?? node.range.from;
  if (found && node.range.to - start <= LONGEST_MARK) return { from: start, to: node.range.to };
  if (node.key) return node.key;
  return { from: node.range.from, to: Math.min(node.range.from + 1, text.length) };
}

/** Where the cursor goes to show a finding: on the value at its path, or the nearest node. */
export function cursorOfFinding(text: string, path: JsonPath | undefined): number {
  const location = locateJsonPath(text, path ?? []);
  if (!location) return 0;
  return location.found
    ? location.node.range.from
    : (location.node.key?.from ?? location.node.range.from);
}
