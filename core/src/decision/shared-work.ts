/**
 * Work shared by the profiles deciding on one scenario. Comparing every profile on a 1 MB
 * document would otherwise validate, split and join the same `scopes_supported` once per
 * profile. Results are keyed by object identity and kept only while `sharingWork` runs: nothing
 * can change a document during one synchronous call, and nothing is remembered after it, so a
 * caller that later edits a document in place never gets a stale result.
 */
let active: Map<unknown, WeakMap<object, unknown>> | undefined;

export function sharingWork<T>(run: () => T): T {
  if (active !== undefined) return run();
  active = new Map();
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
  let table = active.get(slot);
  if (table === undefined) {
    table = new WeakMap();
    active.set(slot, table);
  }
  if (table.has(key)) return table.get(key) as V;
  const value = compute(key);
  table.set(key, value);
  return value;
}
