// A module-resolution hook (node:module `register`): inside the conformance suite's package, and
// only there, 'fs' and 'node:fs' resolve to fs-with-glob.mjs. Every other importer gets Node's fs.
const SHIM = new URL('./fs-with-glob.mjs', import.meta.url).href;
const SUITE_PATH = '/node_modules/@modelcontextprotocol/conformance/';

export async function resolve(specifier, context, nextResolve) {
  const fromSuite = context.parentURL?.includes(SUITE_PATH) ?? false;
  if (fromSuite && (specifier === 'fs' || specifier === 'node:fs')) {
    return { url: SHIM, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
