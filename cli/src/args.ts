import { parseArgs } from 'node:util';
import {
  canonicalResourceUri,
  DEFAULT_PROFILE,
  findProfile,
  PROFILE_IDS,
} from '@mcp-auth-playground/core';
import type { ProfileId } from '@mcp-auth-playground/core';
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

/** `--profile ID`, checked against core's profiles. */
export function profileOption(command: string, value: string | undefined): ProfileId {
  if (value === undefined) return DEFAULT_PROFILE;
  const profile = findProfile(value);
  if (profile === undefined) {
    throw new UsageError(`unknown profile '${value}' (one of: ${PROFILE_IDS.join(', ')})`, command);
  }
  return profile.id;
}

/** The server URL argument: the full URL of the MCP endpoint, as core canonicalises it. */
export function serverUrlArgument(command: string, positionals: readonly string[]): string {
  const serverUrl = onePositional(command, positionals, 'the MCP server URL').trim();
  const canonical = canonicalResourceUri(serverUrl);
  if (!canonical.ok) throw new UsageError(`not an MCP server URL: ${canonical.reason}`, command);
  return serverUrl;
}
