// `npm run conformance`: the official MCP conformance suite (pinned in package.json) as judge.
// 1. Every `auth/*` client scenario the 2026-07-28 requirement set lists, each run by the suite
//    against `npm run -s conformance:client --` (the CLI's headless flow), at that revision's wire.
// 2. The suite's authorization-server scenarios against a testbed this script starts on a free
//    loopback port with auto-approval on.
// Prints a line per scenario as it ends and the tally; exits 0 when everything passed or failed
// only as scripts/conformance/expected-failures.yaml expects, 1 otherwise.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAuthorizationServerSuite } from '../../testbed/src/conformance-suite.ts';
import { createTestbed } from '../../testbed/src/server.ts';
import { readYamlList } from './yaml-list.ts';

const REVISION = '2026-07-28';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUITE = join(ROOT, 'scripts/conformance/suite.mjs');
const REQUIREMENTS = join(
  ROOT,
  `node_modules/@modelcontextprotocol/conformance/requirements/${REVISION}.yaml`,
);
const EXPECTED_FAILURES = join(ROOT, 'scripts/conformance/expected-failures.yaml');
const CLIENT_COMMAND = 'npm run -s conformance:client --';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    verbose: { type: 'boolean' },
    'skip-authorization-server': { type: 'boolean' },
  },
});

interface ScenarioResult {
  scenario: string;
  passed: boolean;
  seconds: number;
  /** The failing and warning checks, as the suite names them. */
  problems: string[];
  output: string;
}

interface Check {
  id?: string;
  status?: string;
  errorMessage?: string;
  description?: string;
}

/** The checks the suite saved for one scenario under `dir`. */
async function savedChecks(dir: string): Promise<Check[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const file = entries.map(String).find((entry) => entry.endsWith('checks.json'));
  if (file === undefined) return [];
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Check[];
  } catch {
    return [];
  }
}

function runScenario(scenario: string, resultsDir: string): Promise<ScenarioResult> {
  const started = performance.now();
  const dir = join(resultsDir, scenario.replace(/\W+/g, '-'));
  const args = [SUITE, 'client', '--command', CLIENT_COMMAND, '--scenario', scenario];
  args.push('--spec-version', REVISION, '-o', dir);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', (code) => {
      void savedChecks(dir).then((checks) => {
        const problems = checks
          .filter((check) => check.status === 'FAILURE' || check.status === 'WARNING')
          .map(
            (check) =>
              `${check.status} ${check.id ?? '?'}: ${check.errorMessage ?? check.description ?? ''}`,
          );
        if (code !== 0 && problems.length === 0) {
          const exited = /CLIENT (?:EXITED WITH ERROR \(code \d+\)|TIMED OUT)/.exec(output)?.[0];
          problems.push(exited ? exited.toLowerCase() : `the suite exited with ${code}`);
        }
        resolve({
          scenario,
          passed: code === 0,
          seconds: (performance.now() - started) / 1000,
          problems,
          output,
        });
      });
    });
  });
}

/** Runs `work` over `items`, `limit` at a time, reporting each result as it ends. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const queue = [...items];
  const results: R[] = [];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift())
      results.push(await work(item));
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const required = readYamlList(readFileSync(REQUIREMENTS, 'utf8'), 'client').filter((name) =>
  name.startsWith('auth/'),
);
const scenarios = values.scenario ?? required;
const unknown = scenarios.filter((name) => !required.includes(name));
if (unknown.length > 0) {
  console.error(`Not an auth scenario the ${REVISION} requirements list: ${unknown.join(', ')}`);
  process.exit(2);
}
const expected = new Map(
  readYamlList(readFileSync(EXPECTED_FAILURES, 'utf8'), 'client').map((name) => [name, true]),
);

const resultsDir = mkdtempSync(join(tmpdir(), 'mcp-conformance-'));
console.log(
  `Client: ${scenarios.length} auth scenarios required by ${REVISION}, run by the suite against '${CLIENT_COMMAND}'\n`,
);
const started = performance.now();
// Each scenario is three processes (the suite, npm, the client), mostly waiting on each other.
const results = await pool(scenarios, Math.max(2, availableParallelism() * 2), async (scenario) => {
  const result = await runScenario(scenario, resultsDir);
  const mark = result.passed ? '✓' : expected.has(scenario) ? '~' : '✗';
  console.log(`${mark} ${scenario} (${result.seconds.toFixed(1)} s)`);
  for (const problem of result.problems) console.log(`    ${problem}`);
  if (values.verbose && !result.passed) console.log(result.output);
  return result;
});
const clientSeconds = (performance.now() - started) / 1000;

const passed = results.filter((result) => result.passed);
const expectedFailures = results.filter(
  (result) => !result.passed && expected.has(result.scenario),
);
const regressions = results.filter((result) => !result.passed && !expected.has(result.scenario));
const stale = passed.filter((result) => expected.has(result.scenario));

let authorizationServer: { passed: number; failed: number; ok: boolean } | undefined;
if (!values['skip-authorization-server']) {
  console.log('\nAuthorization server: the suite’s scenarios against an auto-approving testbed\n');
  const testbed = await createTestbed({ port: 0, autoApprove: true });
  try {
    const run = await runAuthorizationServerSuite({
      issuer: testbed.defaultPair.issuer,
      resource: testbed.defaultPair.resource,
      ...(values.verbose ? { onLine: (line: string) => console.log(line) } : {}),
    });
    const lines = run.output.split('\n').filter((line) => /^[✓✗] /.test(line.trim()));
    for (const line of lines) console.log(line.trim());
    if (run.problem) console.log(`    ${run.problem}`);
    authorizationServer = {
      passed: run.passed ?? 0,
      failed: run.failed ?? 0,
      ok: run.exitCode === 0 && !run.problem && run.passed !== undefined,
    };
  } finally {
    await testbed.close();
  }
}

console.log('\n=== Tally ===');
console.log(
  `Client (${REVISION}, auth): ${passed.length}/${results.length} scenarios passed in ${clientSeconds.toFixed(1)} s` +
    (expectedFailures.length > 0 ? `, ${expectedFailures.length} expected failures` : ''),
);
if (authorizationServer) {
  console.log(
    `Authorization server: ${authorizationServer.passed}/${authorizationServer.passed + authorizationServer.failed} checks passed`,
  );
}
for (const result of regressions) console.log(`Unexpected failure: ${result.scenario}`);
for (const result of stale) {
  console.log(`Now passing, remove it from expected-failures.yaml: ${result.scenario}`);
}
const ok = regressions.length === 0 && stale.length === 0 && (authorizationServer?.ok ?? true);
if (ok) rmSync(resultsDir, { recursive: true, force: true });
else console.log(`The suite's results are kept in ${resultsDir}`);
process.exitCode = ok ? 0 : 1;
