// What the CLI touches outside itself, passed in so tests can run the commands in-process with
// their own streams, environment and network.

export interface OutputStream {
  write(text: string): unknown;
  /** Set on a terminal: colour is used only there. */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** The network every request of a command goes through. */
  fetch: typeof fetch;
  /** Resolves relative paths given on the command line. */
  cwd: string;
  /** Opens a URL in the system browser; resolves false when no browser could be started. */
  openBrowser: (url: string) => Promise<boolean>;
  /** Aborts the command (Ctrl-C). */
  signal?: AbortSignal;
}
