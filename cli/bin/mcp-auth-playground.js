#!/usr/bin/env node
// The command's entry point. The CLI is written in TypeScript and runs from source through tsx's
// loader, so the repository needs no build step before `npx mcp-auth-playground` works.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
