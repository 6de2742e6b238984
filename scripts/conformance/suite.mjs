#!/usr/bin/env node
// Runs the official MCP conformance suite's CLI (@modelcontextprotocol/conformance, pinned in
// package.json) with the arguments given, on any Node version this project supports.
// Why a wrapper: the suite's CLI imports `globSync` from 'fs', which Node 22 has and Node 20 lacks,
// so `npx conformance` dies at start-up on Node 20. Where fs has no globSync, a resolution hook
// gives the suite's package an fs with one (fs-with-glob.mjs); Node's own fs is left untouched.
import fs from 'node:fs';
import { register, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

if (typeof fs.globSync !== 'function') register('./fs-hooks.mjs', import.meta.url);

const require = createRequire(import.meta.url);
const manifest = require.resolve('@modelcontextprotocol/conformance/package.json');
const { bin } = require('@modelcontextprotocol/conformance/package.json');
const entry = join(dirname(manifest), typeof bin === 'string' ? bin : bin.conformance);

// The suite's CLI reads its arguments from process.argv as if it had been started directly.
process.argv = [process.argv[0], entry, ...process.argv.slice(2)];
await import(pathToFileURL(entry).href);
