import packageJson from '../package.json' with { type: 'json' };
import { CliError, EXIT, UsageError } from './errors.ts';
import type { ExitCode } from './errors.ts';
import { COMMAND, OVERVIEW } from './help.ts';
import type { CliIo } from './io.ts';
import { nodeIo } from './node-io.ts';

type Command = (argv: readonly string[], io: CliIo) => Promise<ExitCode>;

// Each command is imported when it runs, so `--help` and `--version` load nothing else.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check/command.ts')).checkCommand,
  flow: async () => (await import('./flow/command.ts')).flowCommand,
};

/**
 * Runs the command line `argv` (without the node and script paths) and resolves to the exit
 * code. Expected failures are one line on stderr; only a bug in the CLI shows a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<ExitCode> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr.write(OVERVIEW);
      return EXIT.unusable;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      if (rest[0] !== undefined && rest[0] in COMMANDS) return main([rest[0], '--help'], io);
      io.stdout.write(OVERVIEW);
      return EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT.ok;
    }
    const load = COMMANDS[first];
    if (load === undefined) {
      throw new UsageError(
        first.startsWith('-') ? `unknown option ${first}` : `unknown command '${first}'`,
      );
    }
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr.write(`${COMMAND}: ${error.message}\n`);
    if (error instanceof UsageError) {
      const help = error.command === undefined ? '--help' : `${error.command} --help`;
      io.stderr.write(`Run '${COMMAND} ${help}' for the options.\n`);
    }
    return error.exitCode;
  }
}
