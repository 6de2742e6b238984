import { spawn } from 'node:child_process';
import type { CliIo } from './io.ts';
import { nodeFetch } from './network.ts';

/** The command that opens a URL in the user's browser on this platform. */
function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/** Starts the system browser on `url`; false when no opener could be started. */
export function openInBrowser(url: string): Promise<boolean> {
  const [command, args] = opener(url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/**
 * Ctrl-C cancels the command, so a flow waiting for the browser closes its listener and says
 * where it stopped; a second Ctrl-C ends the process at once.
 */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  return controller.signal;
}

/** The real process: its streams, environment, working directory, network and Ctrl-C. */
export function nodeIo(): CliIo {
  return {
    signal: interruptSignal(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    fetch: nodeFetch(),
    cwd: process.cwd(),
    openBrowser: openInBrowser,
  };
}
