/**
 * Work shared by the profiles deciding on one scenario. Comparing every profile on a 1 MB
 * document would otherwise validate, split and join the same `scopes_supported` once per
 * profile, and the lint compares the profiles again. Results are kept only while `sharingWork`
 * runs: nothing can change a document during one synchronous call, and nothing is remembered
 * after it, so a caller that later edits a document in place never gets a stale result.
 */
interface Store {
  /** Per slot, results keyed by one object. */
  byObject: Map<unknown, WeakMap<object, unknown>>;
  /** A trie of Maps: slot, then each part in turn, then RESULT. */
  byParts: Map<unknown, unknown>;
}

let active: Store | undefined;

const RESULT = Symbol('result');

export function sharingWork<T>(run: () => T): T {
  if (active !== undefined) return run();
  active = { byObject: new Map(), byParts: new Map() };
  try {
    return run();
  } finally {
    active = undefined;
  }
}

/**
 * `compute(key)`, computed once per slot and key while `sharingWork` runs. `slot` names the
 * computation: a string, or an object such as the schema that does the work.
 */
export function shared<K extends object, V>(slot: unknown, key: K, compute: (key: K) => V): V {
  if (active === undefined) return compute(key);
  let table = active.byObject.get(slot);
  if (table === undefined) {
    table = new WeakMap();
    active.byObject.set(slot, table);
  }
  if (table.has(key)) return table.get(key) as V;
  const value = compute(key);
  table.set(key, value);
  return value;
}

/**
 * `compute()`, computed once per slot and combination of `parts` (compared as Map keys are)
 * while `sharingWork` runs; outside it, simply `compute()`.
 */
export function sharedByParts<V>(slot: string, parts: readonly unknown[], compute: () => V): V {
  if (active === undefined) return compute();
  let node = active.byParts;
  for (const part of [slot, ...parts]) {
    let next = node.get(part) as Map<unknown, unknown> | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(part, next);
    }
    node = next;
  }
  if (node.has(RESULT)) return node.get(RESULT) as V;
  const value = compute();
  node.set(RESULT, value);
  return value;
}
