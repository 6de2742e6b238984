import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function quoted(message: string): string | undefined {
  return /'([^']+)'/.exec(message)?.[1];
}

/**
 * `parseArgs` in strict mode, its errors turned into one-line usage errors: an unknown flag or
 * a flag without its value never falls through as a positional argument.
 */
export function parseCommandLine<const Options extends OptionSpec>(
  command: string,
  argv: readonly string[],
  options: Options,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const name = quoted(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`unknown option ${name ?? message}`, command);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /--[\w-]+/.exec(name ?? '')?.[0] ?? name ?? 'an option';
      throw new UsageError(
        /does not take/.test(message)
          ? `option ${flag} takes no value`
          : `option ${flag} needs a value`,
        command,
      );
    }
    throw new UsageError(message, command);
  }
}

/** The one positional argument a command takes, or a usage error. */
export function onePositional(command: string, positionals: readonly string[], what: string) {
  if (positionals.length === 0) throw new UsageError(`missing ${what}`, command);
  if (positionals.length > 1) {
    throw new UsageError(`unexpected argument '${positionals[1] ?? ''}'`, command);
  }
  return positionals[0] as string;
}
