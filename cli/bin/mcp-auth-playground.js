#!/usr/bin/env node
// The command's entry point: runs `main` of the CLI's TypeScript sources (see load.js for how
// they are loaded without a build step) and exits with the code it returns.
import { fileURLToPath } from 'node:url';
import { loadEntry } from './load.js';

const { main } = await loadEntry(fileURLToPath(new URL('../src/main.ts', import.meta.url)), 'cli');
process.exitCode = await main(process.argv.slice(2));
