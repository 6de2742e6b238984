// `npm run typecheck`: checks every TypeScript project, as many at once as the machine has cores.
// Each project has its own compiler options (core without Node's types, the app with the DOM
// and JSX), so each needs its own `tsc`; run one after another they were the slowest part of
// `npm test` before the browser tests. A project's errors are printed together, under its name.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const PROJECTS = ['tsconfig.json', 'core', 'core/test', 'app', 'testbed', 'e2e'];
const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;

function check(project) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty'], { stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`typecheck ${project}: ${code === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(code === 0);
    });
  });
}

const queue = [...PROJECTS];
const results = [];
async function worker() {
  for (let project = queue.shift(); project; project = queue.shift()) {
    results.push(await check(project));
  }
}
const workers = Math.max(1, Math.min(availableParallelism(), PROJECTS.length));
await Promise.all(Array.from({ length: workers }, worker));
if (results.includes(false)) process.exitCode = 1;
