// Rewrites one field of a JSON document in place, so a quick control (a chip, a checkbox) and a
// person typing in the editor can work on the same text: everything outside the changed value
// stays byte for byte as it was (the author's formatting, key order, other fields), and the new
// value follows the style around it (one member per line, or all on one line).

import {
  arrayElements,
  locateJsonPath,
  objectMembers,
  type JsonNode,
  type JsonPath,
  type TextRange,
} from './locate.ts';

export type JsonTextEdit = { ok: true; text: string } | { ok: false; reason: string };

const INDENT_UNIT = '  ';

function splice(text: string, range: TextRange, insert: string): string {
  return text.slice(0, range.from) + insert + text.slice(range.to);
}

/** The leading whitespace of the line that holds `pos`. */
function lineIndent(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
    return `{${members.join(', ')}}`;
  }
  return JSON.stringify(value);
}

function serialize(value: unknown, indent: string, inline: boolean): string {
  if (inline) return inlineJson(value);
  return JSON.stringify(value, null, INDENT_UNIT.length).split('\n').join(`\n${indent}`);
}

/**
 * The value to insert where an existing container ends the path: the missing containers built
 * around `value`. Undefined when the path asks for an array element that cannot be the first.
 */
function nest(path: JsonPath, value: unknown): unknown {
  let inner = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'number') {
      if (segment !== 0) return undefined;
      inner = [inner];
    } else {
      // A computed key defines an own property even for '__proto__'.
      inner = { [segment ?? '']: inner };
    }
  }
  return inner;
}

function pathText(path: JsonPath): string {
  return path.length === 0 ? 'the document' : path.map(String).join('.');
}

function insertMember(text: string, parent: JsonNode, key: string, value: unknown): JsonTextEdit {
  const { members, close } = objectMembers(text, parent.range.from);
  if (close === undefined) return { ok: false, reason: 'The object is not well-formed JSON.' };
  const last = members.at(-1);
  if (!last) {
    const outer = lineIndent(text, parent.range.from);
    const inner = outer + INDENT_UNIT;
    const member = `${JSON.stringify(key)}: ${serialize(value, inner, false)}`;
    return {
      ok: true,
      text: splice(
        text,
        { from: parent.range.from, to: close + 1 },
        `{\n${inner}${member}\n${outer}}`,
      ),
    };
  }
  const multiline = text.slice(parent.range.from, last.key.from).includes('\n');
  const indent = multiline ? lineIndent(text, last.key.from) : '';
  const member = `${JSON.stringify(key)}: ${serialize(value, indent, !multiline)}`;
  const at = last.value.range.to;
  return {
    ok: true,
    text: splice(text, { from: at, to: at }, multiline ? `,\n${indent}${member}` : `, ${member}`),
  };
}

function appendElement(text: string, parent: JsonNode, value: unknown): JsonTextEdit {
  const { elements, close } = arrayElements(text, parent.range.from);
  if (close === undefined) return { ok: false, reason: 'The array is not well-formed JSON.' };
  const last = elements.at(-1);
  if (!last) {
    return {
      ok: true,
      text: splice(text, { from: parent.range.from, to: close + 1 }, `[${inlineJson(value)}]`),
    };
  }
  const multiline = text.slice(parent.range.from, last.range.from).includes('\n');
  const indent = multiline ? lineIndent(text, last.range.from) : '';
  const element = serialize(value, indent, !multiline);
  const at = last.range.to;
  return {
    ok: true,
    text: splice(text, { from: at, to: at }, multiline ? `,\n${indent}${element}` : `, ${element}`),
  };
}

/** Removes the entry `ranges[index]` of a container together with the comma that joins it. */
function removeEntry(
  text: string,
  container: JsonNode,
  entries: TextRange[],
  index: number,
  close: number,
): string {
  const entry = entries[index];
  if (!entry) return text;
  if (entries.length === 1) return splice(text, { from: container.range.from + 1, to: close }, '');
  const next = entries[index + 1];
  if (next) return splice(text, { from: entry.from, to: next.from }, '');
  const previous = entries[index - 1];
  return previous ? splice(text, { from: previous.to, to: entry.to }, '') : text;
}

function remove(text: string, path: JsonPath): JsonTextEdit {
  const parentPath = path.slice(0, -1);
  const segment = path.at(-1);
  // Duplicate keys: JSON.parse reads the last one, so every copy has to go.
  for (;;) {
    const target = locateJsonPath(text, path);
    if (!target?.found) return { ok: true, text };
    const parent = locateJsonPath(text, parentPath)?.node;
    if (!parent) return { ok: true, text };
    if (parent.kind === 'object' && typeof segment === 'string') {
      const { members, close } = objectMembers(text, parent.range.from);
      if (close === undefined) return { ok: false, reason: 'The object is not well-formed JSON.' };
      const entries = members.map((m) => ({ from: m.key.from, to: m.value.range.to }));
      const index = members.findIndex((m) => m.key.from === target.node.key?.from);
      if (index < 0) return { ok: true, text };
      text = removeEntry(text, parent, entries, index, close);
    } else {
      const { elements, close } = arrayElements(text, parent.range.from);
      if (close === undefined) return { ok: false, reason: 'The array is not well-formed JSON.' };
      const index = elements.findIndex((e) => e.range.from === target.node.range.from);
      return {
        ok: true,
        text: removeEntry(
          text,
          parent,
          elements.map((e) => e.range),
          index,
          close,
        ),
      };
    }
  }
}

/**
 * Sets the value at `path` in a JSON text, or removes it when `value` is undefined, and returns
 * the new text. Missing objects along the path are created; an array index may name an existing
 * element or the next one. Empty text counts as `{}`. Refuses, with a reason, text that is not
 * JSON and paths the document has no room for (a key inside an array or a string).
 */
export function setJsonValue(text: string, path: JsonPath, value: unknown): JsonTextEdit {
  if (text.trim() === '') {
    if (value === undefined) return { ok: true, text };
    text = '{}';
  }
  try {
    JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The document is not valid JSON yet; fix it in the editor first.' };
  }
  if (path.length === 0) {
    return value === undefined
      ? { ok: true, text: '' }
      : { ok: true, text: serialize(value, '', false) };
  }
  if (value === undefined) return remove(text, path);

  const location = locateJsonPath(text, path);
  if (!location) return { ok: false, reason: 'The document holds no JSON value.' };
  const { node, depth, found } = location;
  if (found) {
    const old = text.slice(node.range.from, node.range.to);
    const oldIsFilledContainer = /^[[{]\s*[^\s\]}]/.test(old);
    const inline = oldIsFilledContainer && !old.includes('\n');
    const indent = lineIndent(text, node.key?.from ?? node.range.from);
    return { ok: true, text: splice(text, node.range, serialize(value, indent, inline)) };
  }

  const segment = path[depth];
  const rest = nest(path.slice(depth + 1), value);
  if (rest === undefined) {
    return { ok: false, reason: `${pathText(path)} names an array element that does not exist.` };
  }
  if (node.kind === 'object' && typeof segment === 'string') {
    return insertMember(text, node, segment, rest);
  }
  if (node.kind === 'array' && typeof segment === 'number') {
    const length = arrayElements(text, node.range.from).elements.length;
    if (segment === length) return appendElement(text, node, rest);
  }
  return {
    ok: false,
    reason: `The document has no place for ${pathText(path)}: ${pathText(path.slice(0, depth))} is not a container that can hold it.`,
  };
}
