// `npm run -s conformance:client -- <server-url>`: the command the conformance suite runs for
// each client scenario (see client-run.ts). Loaded like the CLI's own bin, from a cached bundle
// of the sources, so each of the suite's runs starts quickly.
import { fileURLToPath } from 'node:url';
import { loadEntry } from '../../cli/bin/load.js';

const entry = fileURLToPath(new URL('./client-run.ts', import.meta.url));
const { runConformanceClient } = await loadEntry(entry, 'conformance-client');
process.exitCode = await runConformanceClient(process.argv.slice(2), process.env);
