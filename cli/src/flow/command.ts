import { parseCommandLine, profileOption, serverUrlArgument } from '../args.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { ExitCode } from '../errors.ts';
import { flowHelp } from '../help.ts';
import type { CliIo } from '../io.ts';
import { runTerminalFlow } from './run.ts';

const OPTIONS = {
  profile: { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  'client-metadata-url': { type: 'string' },
  headless: { type: 'boolean' },
  verbose: { type: 'boolean' },
  reveal: { type: 'boolean' },
  'call-tool': { type: 'string' },
  'tool-arguments': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `mcp-auth-playground flow <server-url> [...]`: the real flow through the engine. */
export async function flowCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine('flow', argv, OPTIONS);
  if (values.help) {
    io.stdout.write(flowHelp());
    return EXIT.ok;
  }
  const serverUrl = serverUrlArgument('flow', positionals);
  const profile = profileOption('flow', values.profile);
  if (values['client-secret'] !== undefined && values['client-id'] === undefined) {
    throw new UsageError('--client-secret needs the --client-id it belongs to', 'flow');
  }
  if (values.reveal && !values.verbose) {
    throw new UsageError('--reveal shows secrets in the --verbose log; add --verbose', 'flow');
  }
  const toolArguments = toolArgumentsOption(values['tool-arguments'], values['call-tool']);
  return runTerminalFlow(
    {
      serverUrl,
      profile,
      ...(values['client-id'] === undefined ? {} : { clientId: values['client-id'] }),
      ...(values['client-secret'] === undefined ? {} : { clientSecret: values['client-secret'] }),
      ...(values['client-metadata-url'] === undefined
        ? {}
        : { clientMetadataUrl: values['client-metadata-url'] }),
      headless: values.headless === true,
      verbose: values.verbose === true,
      reveal: values.reveal === true,
      ...(values['call-tool'] === undefined
        ? {}
        : { callTool: { name: values['call-tool'], arguments: toolArguments ?? {} } }),
    },
    io,
  );
}

/** `--tool-arguments JSON`: the tool call's arguments, a JSON object. */
function toolArgumentsOption(
  text: string | undefined,
  tool: string | undefined,
): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  if (tool === undefined) throw new UsageError('--tool-arguments needs --call-tool', 'flow');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('--tool-arguments must be a JSON object, e.g. \'{"text":"hi"}\'', 'flow');
  }
  return value as Record<string, unknown>;
}
