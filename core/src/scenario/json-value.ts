/**
 * Deepest nesting a scenario document may have. Real metadata documents nest three or four
 * levels; the limit keeps every later walk over a document (decision, lint, display) shallow
 * enough to never overflow the stack, and ends the walk over a cyclic object.
 */
export const MAX_DOCUMENT_DEPTH = 64;

/** Upper bound on the values one check visits, so a check always ends quickly. */
const MAX_NODES = 2_000_000;

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)
      ?.constructor?.name;
    return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object';
  }
  return `a ${typeof value}`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((key) =>
      typeof key === 'number'
        ? `[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `.${key}`
          : `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`,
    )
    .join('');
}

/**
 * Says why `value` is not a JSON value (RFC 8259) that survives a round trip through
 * JSON.stringify and JSON.parse, or undefined when it is. `name` starts the path in the message.
 * Iterative, so deep or cyclic input cannot overflow the stack.
 */
export function jsonValueProblem(value: unknown, name: string): string | undefined {
  try {
    return findProblem(value, name);
  } catch {
    // A getter or proxy that throws: whatever it is, it is not plain data.
    return `${name} cannot be read as plain data.`;
  }
}

function findProblem(value: unknown, name: string): string | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  let visited = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (++visited > MAX_NODES) return `${name} is too large to check.`;
    const here = `${name}${formatPath(item.path)}`;
    const current = item.value;
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (Number.isFinite(current)) continue;
      return `${here} is ${describe(current)}, which JSON cannot hold.`;
    }
    if (typeof current !== 'object') {
      return `${here} is ${describe(current)}, not a JSON value.`;
    }
    if (item.path.length >= MAX_DOCUMENT_DEPTH) {
      return `${here} is nested more than ${MAX_DOCUMENT_DEPTH} levels deep.`;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        if (!(i in current)) return `${here}[${i}] is an empty array slot, not a JSON value.`;
        stack.push({ value: current[i], path: [...item.path, i] });
      }
      continue;
    }
    if (!isPlainObject(current)) return `${here} is ${describe(current)}, not a JSON value.`;
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = (current as Record<string, unknown>)[key];
      // JSON.stringify leaves out a property whose value is undefined, as if it were absent.
      if (child === undefined) continue;
      stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return undefined;
}
