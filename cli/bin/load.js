// Loads a TypeScript entry module of this repository the fast way. The sources run as they are
// (no build step before `npx mcp-auth-playground` works), but through tsx's loader every module
// of core, zod and the engine passes its hooks, which costs most of a start-up. So the first run
// bundles the entry with esbuild (which tsx brings) into node_modules/.cache, keyed by the sizes
// and times of the sources, and later runs import that one file. Should anything about the
// cache fail, the entry is imported from source through tsx instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The source folders every entry is built from: the CLI, the engine and core. */
function sourceRoots() {
  return [
    join(CLI, 'src'),
    dirname(fileURLToPath(import.meta.resolve('@mcp-auth-playground/client'))),
    dirname(fileURLToPath(import.meta.resolve('@mcp-auth-playground/core'))),
  ];
}

function stamp(hash, file) {
  const { size, mtimeMs } = statSync(file);
  hash.update(`${file}\0${size}\0${mtimeMs}\n`);
}

/** Changes whenever the entry, a source file, the CLI's manifest or Node itself does. */
function fingerprint(entry) {
  const hash = createHash('sha256').update(process.version);
  stamp(hash, entry);
  stamp(hash, join(CLI, 'package.json'));
  for (const root of sourceRoots()) {
    for (const name of readdirSync(root, { recursive: true }).map(String).sort()) {
      if (name.endsWith('.ts')) stamp(hash, join(root, name));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The bundle of `entry` for the current sources, built first when there is none. */
async function bundled(entry, name) {
  const cache = join(
    dirname(require.resolve('tsx/package.json')),
    '..',
    '.cache',
    'mcp-auth-playground',
  );
  const file = join(cache, `${name}-${fingerprint(entry)}.mjs`);
  if (existsSync(file)) return file;
  const esbuild = createRequire(require.resolve('tsx'))('esbuild');
  mkdirSync(cache, { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    outfile: partial,
    // Installed packages load as they are; only the workspace's TypeScript is bundled.
    external: ['zod', 'oauth4webapi', 'tsx', 'tsx/*'],
    logLevel: 'silent',
  });
  renameSync(partial, file);
  // Bundles of older sources are never loaded again.
  for (const old of readdirSync(cache)) {
    if (old.startsWith(`${name}-`) && old.endsWith('.mjs') && old !== basename(file)) {
      rmSync(join(cache, old), { force: true });
    }
  }
  return file;
}

/** The module of the TypeScript file `entry`, from its bundle or, failing that, through tsx. */
export async function loadEntry(entry, name) {
  try {
    return await import(pathToFileURL(await bundled(entry, name)).href);
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return import(pathToFileURL(entry).href);
  }
}
