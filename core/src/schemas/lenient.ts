import { z } from 'zod';
import type { Cite } from '../cite.ts';
import { andMore } from '../text/describe.ts';
import { shared } from '../text/shared-work.ts';
import type { DocumentSubject, Finding } from '../types.ts';

/**
 * How one known field of a metadata document is typed. `expected` names the type in the words a
 * finding uses; `element` is set for arrays, so one bad entry costs only that entry.
 */
export interface FieldSpec<T> {
  readonly schema: z.ZodType<T>;
  readonly expected: string;
  readonly element?: { readonly schema: z.ZodType; readonly expected: string };
  /**
   * The verdict of `schema.safeParse(value).success`, reached without building the parsed copy
   * that zod returns. A 1 MB `scopes_supported` is checked once per evaluation, and zod's copy of
   * it is a half-megabyte array that is thrown away at once.
   */
  readonly accepts?: (value: unknown) => boolean;
}

export type FieldShape = Readonly<Record<string, FieldSpec<unknown>>>;

/** The known fields that passed their schema, plus every unknown field exactly as served. */
export type LenientDocument<S extends FieldShape> = {
  readonly [K in keyof S]?: S[K] extends FieldSpec<infer T> ? T : never;
} & { readonly [key: string]: unknown };

/** Which document a reader is reading, for the findings it reports. */
export interface DocumentKind {
  subject: DocumentSubject;
  /** Finding id prefix, e.g. 'as' gives 'as/invalid-type'. */
  prefix: string;
  /** How a server author calls the document, e.g. 'authorization server metadata'. */
  name: string;
  cite: Cite;
}

export interface LenientResult<S extends FieldShape> {
  /** False when the input was not a JSON object at all; `document` is then empty. */
  isObject: boolean;
  document: LenientDocument<S>;
  findings: Finding[];
}

export const text = (): FieldSpec<string> => ({ schema: z.string(), expected: 'a string' });
export const flag = (): FieldSpec<boolean> => ({ schema: z.boolean(), expected: 'true or false' });
export const count = (): FieldSpec<number> => ({ schema: z.number(), expected: 'a number' });
export const textList = (): FieldSpec<string[]> => ({
  schema: z.array(z.string()),
  expected: 'an array of strings',
  element: { schema: z.string(), expected: 'a string' },
  accepts: isStringArray,
});

/** What `z.array(z.string())` accepts: an array whose every index, holes included, holds a string. */
export function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}
export const jsonObject = (): FieldSpec<Record<string, unknown>> => ({
  schema: z.custom<Record<string, unknown>>(isJsonObject),
  expected: 'a JSON object',
});

/**
 * The strict zod shape of a document, for tools that validate a whole document at once. Unknown
 * keys pass through; a wrong type fails the whole parse, which is why core reads leniently.
 */
export function strictSchemaOf<S extends FieldShape>(
  fields: S,
): z.ZodObject<{ [K in keyof S]: z.ZodOptional<S[K]['schema']> }, z.core.$loose> {
  const shape: Record<string, z.ZodOptional<z.ZodType>> = {};
  for (const key of Object.keys(fields)) {
    const spec = fields[key];
    if (spec) shape[key] = spec.schema.optional();
  }
  return z.looseObject(shape) as z.ZodObject<
    { [K in keyof S]: z.ZodOptional<S[K]['schema']> },
    z.core.$loose
  >;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only, so `constructor` or `toString` never come from the prototype. */
export function ownField(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/**
 * Sets an own property. Plain assignment is safe for every key but `__proto__`, whose setter
 * would replace the prototype: that one key is defined as an ordinary property instead.
 */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value;
}

/** The fields each lenient document left out because of their type, by document. */
const INVALID_FIELDS = new WeakMap<object, ReadonlySet<string>>();

/**
 * The known fields `readDocument` left out of `document` because they had the wrong type, so a
 * later reader can tell a field served with the wrong type apart from one never served.
 */
export function invalidFields(document: object): ReadonlySet<string> | undefined {
  return INVALID_FIELDS.get(document);
}

/**
 * Reads a document leniently and totally: a field of the wrong type becomes an `invalid-type`
 * finding at its JSON path and is left out, an array keeps its good entries, and the rest of the
 * document still counts. Unknown fields are kept as served.
 */
export function readDocument<S extends FieldShape>(
  input: unknown,
  fields: S,
  kind: DocumentKind,
): LenientResult<S> {
  // The lint, the request preview and its checks read the same document in one evaluation.
  if (typeof input === 'object' && input !== null) {
    return shared(fields, input, (document) => readOnce(document, fields, kind));
  }
  return readOnce(input, fields, kind);
}

function readOnce<S extends FieldShape>(
  input: unknown,
  fields: S,
  kind: DocumentKind,
): LenientResult<S> {
  const findings: Finding[] = [];
  const document: Record<string, unknown> = {};
  if (!isJsonObject(input)) {
    findings.push({
      id: `${kind.prefix}/invalid-type`,
      severity: 'error',
      subject: kind.subject,
      path: [],
      message: `Serve the ${kind.name} as a JSON object; this document is ${describeJsonType(input)}.`,
      cite: kind.cite,
    });
    return { isObject: false, document: document as LenientDocument<S>, findings };
  }
  let invalid: Set<string> | undefined;
  for (const key of Object.keys(input)) {
    const value = input[key];
    // Not a JSON value: a key set to undefined by a JavaScript caller counts as absent.
    if (value === undefined) continue;
    const spec = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (spec === undefined) {
      defineOwn(document, key, value);
      continue;
    }
    const kept = readField(key, value, spec, kind, findings);
    if (kept !== undefined) defineOwn(document, key, kept);
    else (invalid ??= new Set()).add(key);
  }
  if (invalid !== undefined) INVALID_FIELDS.set(document, invalid);
  return { isObject: true, document: document as LenientDocument<S>, findings };
}

/**
 * Whether `value` passes the field's schema. An array or object is validated once per
 * evaluation however many readers ask: the lint and every profile read the same document.
 */
export function matchesSchema(value: unknown, spec: FieldSpec<unknown>): boolean {
  const accepts =
    spec.accepts ?? ((candidate: unknown) => spec.schema.safeParse(candidate).success);
  if (typeof value !== 'object' || value === null) return accepts(value);
  return shared(spec.schema, value, accepts);
}

function readField(
  key: string,
  value: unknown,
  spec: FieldSpec<unknown>,
  kind: DocumentKind,
  findings: Finding[],
): unknown {
  if (matchesSchema(value, spec)) return value;
  const invalid = (path: (string | number)[], message: string): void => {
    findings.push({
      id: `${kind.prefix}/invalid-type`,
      severity: 'error',
      subject: kind.subject,
      path,
      message,
      cite: kind.cite,
    });
  };
  if (spec.element === undefined || !Array.isArray(value)) {
    invalid(
      [key],
      `Make \`${key}\` ${spec.expected} instead of ${describeJsonType(value)}; until then clients ignore it.`,
    );
    return undefined;
  }
  const element = spec.element;
  const kept: unknown[] = [];
  let firstBad = -1;
  let badCount = 0;
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    if (element.schema.safeParse(entry).success) {
      kept.push(entry);
    } else {
      if (firstBad < 0) firstBad = index;
      badCount++;
    }
  }
  invalid(
    [key, firstBad],
    `Make every entry of \`${key}\` ${element.expected}: entry ${firstBad} is ${describeJsonType(value[firstBad])}${andMore(badCount)}, and clients skip such entries.`,
  );
  return kept;
}
