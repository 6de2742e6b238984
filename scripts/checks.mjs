// `npm run typecheck` and `npm run lint`, or both at once for `npm test`: runs the static checks
// as a pool, as many at a time as the machine has cores. Each TypeScript project has its own
// compiler options (core without Node's types, the app with the DOM and JSX), so each needs its
// own `tsc`; one after another, with ESLint after them, they took two minutes of `npm test` on
// two cores. A check's output is printed together, under its name, when it ends.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const bin = (path) => new URL(`../node_modules/${path}`, import.meta.url).pathname;
const TSC = bin('typescript/bin/tsc');
const ESLINT = bin('eslint/bin/eslint.js');

const GROUPS = {
  typecheck: ['tsconfig.json', 'core', 'core/test', 'client', 'app', 'testbed', 'e2e', 'cli'].map(
    (project) => ({
      name: `tsc -p ${project}`,
      args: [TSC, '-p', project, '--pretty'],
    }),
  ),
  // Type-aware rules make ESLint the longest single check: it starts first.
  lint: [{ name: 'eslint', args: [ESLINT, '--max-warnings=0', '.'] }],
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((group) => !(group in GROUPS));
if (wanted.length === 0 || unknown.length > 0) {
  console.error(`usage: node scripts/checks.mjs ${Object.keys(GROUPS).join('|')} [...]`);
  process.exit(2);
}
const checks = ['lint', 'typecheck']
  .filter((group) => wanted.includes(group))
  .flatMap((group) => GROUPS[group]);

function run({ name, args }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      stdio: 'pipe',
      env: { ...process.env, FORCE_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${name}: ${code === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(code === 0);
    });
  });
}

const queue = [...checks];
const results = [];
async function worker() {
  for (let check = queue.shift(); check; check = queue.shift()) results.push(await run(check));
}
const workers = Math.max(1, Math.min(availableParallelism(), checks.length));
await Promise.all(Array.from({ length: workers }, worker));
if (results.includes(false)) process.exitCode = 1;
