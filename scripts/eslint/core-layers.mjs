// @ts-check
// A local ESLint plugin for core's import graph: relative imports only point down the layers, and
// no chain of imports comes back to the file it left, type-only imports included. It reads the
// imports of the other files from disk (no resolver plugin: core's relative specifiers name the
// file itself), so one file's lint sees the whole cycle it closes.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * @typedef {{ name: string, paths: string[] }} Layer
 *   `paths` are files or folders (ending in '/') relative to the root.
 * @typedef {{ root: string, layers: Layer[] }} Options
 */

// Static imports and re-exports start a statement; dynamic imports are calls.
const IMPORT_SPECIFIER =
  /(?:^[ \t]*(?:import|export)\b[^;'"]*?\bfrom\s*|^[ \t]*import\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/gm;

/** @type {Map<string, { mtime: number, targets: string[] }>} */
const diskImports = new Map();

/** The files a file on disk imports by a relative path, as absolute paths. */
function importsOnDisk(/** @type {string} */ file) {
  let mtime;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const known = diskImports.get(file);
  if (known !== undefined && known.mtime === mtime) return known.targets;
  const text = readFileSync(file, 'utf8');
  const targets = [];
  for (const match of text.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('.')) targets.push(resolve(dirname(file), specifier));
  }
  diskImports.set(file, { mtime, targets });
  return targets;
}

function inside(/** @type {string} */ root, /** @type {string} */ file) {
  return file.startsWith(root + sep);
}

/** The index of the layer `file` belongs to, or -1 when no layer lists it. */
function layerOf(/** @type {Options} */ options, /** @type {string} */ file) {
  const path = relative(options.root, file).split(sep).join('/');
  return options.layers.findIndex((layer) =>
    layer.paths.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry)),
  );
}

/**
 * A chain of imports from `start` back to `goal`, as files, or undefined when there is none.
 * Files outside the root end a chain: only core's own graph is searched.
 */
function pathBack(
  /** @type {string} */ root,
  /** @type {string} */ start,
  /** @type {string} */ goal,
) {
  /** @type {Map<string, string | undefined>} */
  const cameFrom = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    for (const next of importsOnDisk(file)) {
      if (next === goal) {
        const chain = [file];
        for (let at = cameFrom.get(file); at !== undefined; at = cameFrom.get(at))
          chain.unshift(at);
        return chain;
      }
      if (!inside(root, next) || cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  return undefined;
}

/** @param {import('eslint').Rule.RuleContext} context */
function readOptions(context) {
  const raw = /** @type {Options} */ (context.options[0]);
  return { root: resolve(context.cwd, raw.root), layers: raw.layers };
}

/** Calls `check(node, target)` for every relative import, re-export and dynamic import. */
function eachRelativeImport(
  /** @type {import('eslint').Rule.RuleContext} */ context,
  /** @type {(node: import('estree').Node, target: string) => void} */ check,
) {
  const file = context.filename;
  /** @param {any} node */
  const visit = (node) => {
    const source = node.source;
    if (source && source.type === 'Literal' && typeof source.value === 'string') {
      if (source.value.startsWith('.')) check(source, resolve(dirname(file), source.value));
    }
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const optionsSchema = [
  {
    type: 'object',
    properties: {
      root: { type: 'string' },
      layers: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            paths: { type: 'array', items: { type: 'string' } },
          },
          required: ['name', 'paths'],
          additionalProperties: false,
        },
      },
    },
    required: ['root', 'layers'],
    additionalProperties: false,
  },
];

/** @type {import('eslint').Rule.RuleModule} */
const layerOrder = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports point down the listed layers, never up.' },
    schema: optionsSchema,
    messages: {
      upward:
        "'{{from}}' is in the layer '{{fromLayer}}' and may not import '{{to}}' from the higher layer '{{toLayer}}': move the shared part down, or the importer up.",
      unlisted: "'{{file}}' is in no layer: list it in the layer order in eslint.config.js.",
    },
  },
  create(context) {
    const options = readOptions(context);
    const file = context.filename;
    if (!inside(options.root, file)) return {};
    const own = layerOf(options, file);
    const name = (/** @type {string} */ path) => relative(options.root, path).split(sep).join('/');
    if (own < 0) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unlisted', data: { file: name(file) } });
        },
      };
    }
    return eachRelativeImport(context, (node, target) => {
      if (!inside(options.root, target)) return;
      const layer = layerOf(options, target);
      if (layer <= own) return;
      context.report({
        node,
        messageId: 'upward',
        data: {
          from: name(file),
          fromLayer: options.layers[own]?.name ?? '',
          to: name(target),
          toLayer: options.layers[layer]?.name ?? '',
        },
      });
    });
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No chain of relative imports, type-only ones included, forms a cycle.' },
    schema: optionsSchema,
    messages: {
      cycle: 'This import closes a cycle: {{chain}}. Type-only imports count too.',
    },
  },
  create(context) {
    const options = readOptions(context);
    const file = context.filename;
    if (!inside(options.root, file)) return {};
    const name = (/** @type {string} */ path) => relative(options.root, path).split(sep).join('/');
    return eachRelativeImport(context, (node, target) => {
      if (!inside(options.root, target)) return;
      const chain = target === file ? [] : pathBack(options.root, target, file);
      if (chain === undefined) return;
      const shown = [file, ...chain, file].map(name).join(' → ');
      context.report({ node, messageId: 'cycle', data: { chain: shown } });
    });
  },
};

export default {
  meta: { name: 'core-layers' },
  rules: { 'layer-order': layerOrder, 'no-cycle': noCycle },
};
