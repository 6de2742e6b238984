import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestbed } from '../testbed/src/server.ts';
import { percentile, type BenchSuite } from './suite.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = resolve(ROOT, 'cli/bin/mcp-auth-playground.js');
const RUNS = 7;

/** Runs a command to its exit; resolves with the wall time from spawning it and its exit code. */
function timed(command: string, args: readonly string[]): Promise<{ ms: number; code: number }> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'ignore' });
    child.once('error', fail);
    child.once('close', (code) => done({ ms: performance.now() - start, code: code ?? 1 }));
  });
}

/**
 * The two speed targets of the CLI (issue 16): `check` against a local testbed from process
 * start to exit, as a user's shell starts it (node with the bin, no npx in between), and the 25
 * conformance client scenarios as `npm run conformance` runs them.
 */
export const cliSuite: BenchSuite = {
  name: 'cli',
  async run() {
    const testbed = await createTestbed({ port: 0 });
    const checks: number[] = [];
    try {
      // The first run fills tsx's transform cache, as any earlier run on the machine has.
      await timed(process.execPath, [BIN, 'check', testbed.defaultPair.serverUrl]);
      for (let run = 0; run < RUNS; run++) {
        const { ms, code } = await timed(process.execPath, [
          BIN,
          'check',
          testbed.defaultPair.serverUrl,
        ]);
        if (code !== 0) throw new Error(`check exited with ${code}`);
        checks.push(ms);
      }
    } finally {
      await testbed.close();
    }
    const conformance = await timed('npm', [
      'run',
      '-s',
      'conformance',
      '--',
      '--skip-authorization-server',
    ]);
    return [
      {
        figure: 'check against a local testbed, process start to exit (median)',
        value: percentile(checks, 50),
        unit: 'ms',
        target: { below: 1000 },
      },
      {
        figure: 'the 25 conformance client scenarios, all in (npm run conformance)',
        value: conformance.ms / 1000,
        unit: 's',
        target: { below: 60 },
      },
    ];
  },
};
