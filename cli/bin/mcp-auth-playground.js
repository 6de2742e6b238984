#!/usr/bin/env node
// The command's entry point. The CLI, the engine and core are TypeScript run from source, so the
// repository needs no build step before `npx mcp-auth-playground` works. Going through tsx's
// loader costs most of a start-up, though (every module of core, zod and the engine passes its
// hooks), so the first run bundles the sources with esbuild (which tsx brings) into
// node_modules/.cache, keyed by the sources' sizes and times, and later runs load that single
// file. Should anything about the cache fail, the command runs from source through tsx instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(CLI, 'src/main.ts');
const require = createRequire(import.meta.url);

/** The source folders the command is built from: this package, the engine and core. */
function sourceRoots() {
  return [
    join(CLI, 'src'),
    dirname(fileURLToPath(import.meta.resolve('@mcp-auth-playground/client'))),
    dirname(fileURLToPath(import.meta.resolve('@mcp-auth-playground/core'))),
  ];
}

/** Changes whenever a source file, the package manifest or Node itself does. */
function fingerprint(roots) {
  const hash = createHash('sha256').update(process.version);
  for (const file of [join(CLI, 'package.json')]) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  for (const root of roots) {
    for (const entry of readdirSync(root, { recursive: true }).map(String).sort()) {
      if (!entry.endsWith('.ts')) continue;
      const file = join(root, entry);
      const { size, mtimeMs } = statSync(file);
      hash.update(`${file}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The bundle for the current sources, built first when there is none. */
async function bundled() {
  const cache = join(
    dirname(require.resolve('tsx/package.json')),
    '..',
    '.cache',
    'mcp-auth-playground',
  );
  const file = join(cache, `cli-${fingerprint(sourceRoots())}.mjs`);
  if (existsSync(file)) return file;
  const esbuild = createRequire(require.resolve('tsx'))('esbuild');
  mkdirSync(cache, { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    outfile: partial,
    // Installed packages load as they are; only the workspace's TypeScript is bundled.
    external: ['zod', 'oauth4webapi'],
    logLevel: 'silent',
  });
  renameSync(partial, file);
  // Bundles of older sources are never loaded again.
  for (const old of readdirSync(cache)) {
    if (old.startsWith('cli-') && old.endsWith('.mjs') && join(cache, old) !== file) {
      rmSync(join(cache, old), { force: true });
    }
  }
  return file;
}

async function loadMain() {
  try {
    return (await import(pathToFileURL(await bundled()).href)).main;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import(pathToFileURL(ENTRY).href)).main;
  }
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
