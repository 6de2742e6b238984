/**
 * Exit codes, a public contract: 0 when nothing is wrong, 1 when the server has an error a
 * finding names (or the flow failed at a step), 2 when the command was used wrongly or the
 * server could not be reached or read.
 */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An expected failure: printed as one plain line on stderr, never as a stack trace.
 * Anything else that is thrown is a bug in the CLI.
 */
export class CliError extends Error {
  constructor(
    /** Which thing failed and what to try, in one line. */
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line itself is wrong: unknown flag, missing argument, bad value. */
export class UsageError extends CliError {
  constructor(
    message: string,
    /** The command whose help to point at, e.g. 'check'; undefined for the top level. */
    readonly command?: string,
  ) {
    super(message, EXIT.unusable);
    this.name = 'UsageError';
  }
}
