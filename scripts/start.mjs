// Starts everything a user needs on one machine: the Vite dev server (the playground, port 5173)
// and, when present, the testbed (authorization server and MCP server, port 4000). It installs
// nothing; `npm ci` does that. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const services = [{ name: 'app', command: 'npm', args: ['run', 'dev', '--silent'] }];
if (existsSync(new URL('../testbed/src/main.ts', import.meta.url))) {
  services.push({ name: 'testbed', command: 'npm', args: ['run', 'testbed', '--silent'] });
}

// On POSIX each service runs in its own process group, so stopping it reaches the server that
// `npm run` starts through a shell: signalling npm alone would leave that server running.
const ownGroups = process.platform !== 'win32';

const children = services.map(({ name, command, args }) => {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: ownGroups });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${prefix}exited (${signal ?? code}); stopping the others.`);
    stop(code ?? 1);
  });
  return child;
});

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) terminate(child);
  setTimeout(() => process.exit(code), 500).unref();
}

function terminate(child) {
  try {
    if (ownGroups) process.kill(-child.pid, 'SIGTERM');
    else child.kill('SIGTERM');
  } catch {
    // The service has already exited, shell and server alike.
  }
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
