// Maps a JSON path (as findings carry it) to the text that holds it, so an editor can underline
// the exact value and a quick control can rewrite one field of a document without touching the
// rest. A single forward scan that descends only along the path and skips every sibling by
// bracket counting: a multi-megabyte document costs one linear pass, and text that stops being
// JSON after the path was found still yields the location.

export type JsonPath = readonly (string | number)[];

export interface TextRange {
  from: number;
  to: number;
}

export interface JsonNode {
  /** The value's text, from its first character to just after its last. */
  range: TextRange;
  /** The member's key with its quotes, when the value belongs to an object. */
  key?: TextRange;
  kind: 'object' | 'array' | 'string' | 'literal';
}

export interface JsonLocation {
  /** The deepest node along the path that the text holds: the target itself when `found`. */
  node: JsonNode;
  /** How many leading path segments `node` matched. */
  depth: number;
  found: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

export function skipWhitespace(text: string, pos: number): number {
  while (pos < text.length && isWhitespace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** End (after the closing quote) of the string starting at `pos`, or -1 when it never closes. */
function stringEnd(text: string, pos: number): number {
  for (let i = pos + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === QUOTE) return i + 1;
  }
  return -1;
}

/** End of the value starting at `pos`, or -1 when the text ends first. */
function valueEnd(text: string, pos: number): number {
  const first = text.charCodeAt(pos);
  if (first === QUOTE) return stringEnd(text, pos);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let i = pos; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        const end = stringEnd(text, i);
        if (end < 0) return -1;
        i = end - 1;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  let i = pos;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code) || code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      break;
    }
    i++;
  }
  return i > pos ? i : -1;
}

function kindAt(text: string, pos: number): JsonNode['kind'] {
  const code = text.charCodeAt(pos);
  if (code === OPEN_BRACE) return 'object';
  if (code === OPEN_BRACKET) return 'array';
  if (code === QUOTE) return 'string';
  return 'literal';
}

function decodeKey(text: string, range: TextRange): string | undefined {
  const raw = text.slice(range.from + 1, range.to - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(range.from, range.to)) as string;
  } catch {
    return undefined;
  }
}

export interface JsonMember {
  /** The key with its quotes; `name` is its decoded text. */
  key: TextRange;
  name: string | undefined;
  value: JsonNode;
}

/**
 * The members of the object whose `{` is at `pos`, in text order, as far as the text is
 * well-formed. `close` is where its `}` is, undefined when the scan stopped at malformed text.
 */
export function objectMembers(
  text: string,
  pos: number,
): { members: JsonMember[]; close: number | undefined } {
  const members: JsonMember[] = [];
  let i = skipWhitespace(text, pos + 1);
  if (text.charCodeAt(i) === CLOSE_BRACE) return { members, close: i };
  while (i < text.length) {
    if (text.charCodeAt(i) !== QUOTE) return { members, close: undefined };
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) return { members, close: undefined };
    const key = { from: i, to: keyEnd };
    i = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(i) !== COLON) return { members, close: undefined };
    const valueStart = skipWhitespace(text, i + 1);
    const end = valueEnd(text, valueStart);
    if (end < 0) return { members, close: undefined };
    members.push({
      key,
      name: decodeKey(text, key),
      value: { range: { from: valueStart, to: end }, key, kind: kindAt(text, valueStart) },
    });
    i = skipWhitespace(text, end);
    const next = text.charCodeAt(i);
    if (next === CLOSE_BRACE) return { members, close: i };
    if (next !== COMMA) return { members, close: undefined };
    i = skipWhitespace(text, i + 1);
  }
  return { members, close: undefined };
}

/** The elements of the array whose `[` is at `pos`, as far as the text is well-formed. */
export function arrayElements(
  text: string,
  pos: number,
): { elements: JsonNode[]; close: number | undefined } {
  const elements: JsonNode[] = [];
  let i = skipWhitespace(text, pos + 1);
  if (text.charCodeAt(i) === CLOSE_BRACKET) return { elements, close: i };
  while (i < text.length) {
    const end = valueEnd(text, i);
    if (end < 0) return { elements, close: undefined };
    elements.push({ range: { from: i, to: end }, kind: kindAt(text, i) });
    i = skipWhitespace(text, end);
    const next = text.charCodeAt(i);
    if (next === CLOSE_BRACKET) return { elements, close: i };
    if (next !== COMMA) return { elements, close: undefined };
    i = skipWhitespace(text, i + 1);
  }
  return { elements, close: undefined };
}

/** The root value of a JSON text, or undefined when the text holds none. */
export function rootNode(text: string): JsonNode | undefined {
  const start = skipWhitespace(text, 0);
  if (start >= text.length) return undefined;
  const end = valueEnd(text, start);
  return { range: { from: start, to: end < 0 ? text.length : end }, kind: kindAt(text, start) };
}

function child(text: string, node: JsonNode, segment: string | number): JsonNode | undefined {
  if (node.kind === 'object' && typeof segment === 'string') {
    // JSON.parse keeps the last of duplicate keys, so the location must too.
    const { members } = objectMembers(text, node.range.from);
    for (let m = members.length - 1; m >= 0; m--) {
      const member = members[m];
      if (member?.name === segment) return member.value;
    }
    return undefined;
  }
  if (node.kind === 'array' && typeof segment === 'number') {
    return arrayElements(text, node.range.from).elements[segment];
  }
  return undefined;
}

/**
 * Where `path` sits in `text`. When the path runs past what the text holds (a missing field,
 * or JSON that breaks off), the result is the deepest node that exists, with `found: false`.
 * Undefined only when the text holds no value at all.
 */
export function locateJsonPath(text: string, path: JsonPath): JsonLocation | undefined {
  let node = rootNode(text);
  if (!node) return undefined;
  let depth = 0;
  for (const segment of path) {
    const next = child(text, node, segment);
    if (!next) return { node, depth, found: false };
    node = next;
    depth++;
  }
  return { node, depth, found: true };
}
