import { parseCommandLine, profileOption, serverUrlArgument } from '../args.ts';
import { cliClientMetadata, readClientMetadataFile } from '../client-metadata.ts';
import { CliError, EXIT, UsageError } from '../errors.ts';
import type { ExitCode } from '../errors.ts';
import { checkHelp } from '../help.ts';
import type { CliIo } from '../io.ts';
import { DEFAULT_PLAYGROUND_URL, permalinkFor, playgroundUrlProblem } from '../permalink.ts';
import { styleFor } from '../style.ts';
import {
  allFindings,
  decisionTable,
  decisionTrace,
  findingsSection,
  requestLine,
  stoppedSection,
} from './report.ts';
import { runCheck } from './run.ts';

const OPTIONS = {
  profile: { type: 'string' },
  json: { type: 'boolean' },
  'client-metadata': { type: 'string' },
  'playground-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `mcp-auth-playground check <server-url> [...]`: discovery, findings, every client's decision. */
export async function checkCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine('check', argv, OPTIONS);
  if (values.help) {
    io.stdout.write(checkHelp());
    return EXIT.ok;
  }
  const serverUrl = serverUrlArgument('check', positionals);
  const profile = profileOption('check', values.profile);
  const playgroundUrl = values['playground-url'] ?? DEFAULT_PLAYGROUND_URL;
  const problem = playgroundUrlProblem(playgroundUrl);
  if (problem) throw new UsageError(problem, 'check');
  const metadataFile = values['client-metadata'];
  const clientMetadata =
    metadataFile === undefined
      ? cliClientMetadata()
      : await readClientMetadataFile(metadataFile, io.cwd);
  const clientLabel =
    metadataFile === undefined
      ? 'the CLI’s own client metadata: a native public client with a loopback redirect URI and the authorization_code and refresh_token grants (--client-metadata replaces it)'
      : `the client metadata in ${metadataFile}`;

  const style = styleFor(io.stdout, io.env);
  const json = values.json === true;
  if (!json) io.stdout.write(`${style.bold(`Checking ${serverUrl}`)}\n\n`);
  const result = await runCheck({
    serverUrl,
    profile,
    clientMetadata,
    fetch: io.fetch,
    ...(io.signal ? { signal: io.signal } : {}),
    ...(json
      ? {}
      : {
          onRequest: (exchange) => io.stdout.write(`${requestLine(exchange, style).join('\n')}\n`),
        }),
  });

  const findings = allFindings(result);
  if (json) {
    const { serverUrl: url, exchanges, evaluation } = result;
    io.stdout.write(
      `${JSON.stringify(
        {
          serverUrl: url,
          exchanges,
          evaluation,
          discoveryFindings: result.discoveryFindings,
          ...(result.discovery.error ? { discoveryError: result.discovery.error } : {}),
        },
        null,
        2,
      )}\n`,
    );
  }
  if (result.unusable) {
    // The message names the URL and what to change; one line, no verdict on the server.
    throw new CliError(`cannot check ${serverUrl}: ${result.unusable.message}`, EXIT.unusable);
  }
  if (!json) {
    const permalink = await permalinkFor(result.scenario, playgroundUrl);
    const lines = [
      '',
      ...stoppedSection(result, style),
      ...findingsSection(findings, style),
      ...decisionTable(result, clientLabel, style),
      ...decisionTrace(result, style),
      permalink === undefined
        ? style.dim('No playground link: the documents are too large for one.')
        : `${style.bold('Open in the playground:')}\n${permalink}`,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  // Discovery that stopped short (a 404 where the MCP endpoint should be, a document naming
  // another issuer) leaves a client nothing to authorize with, whatever the findings say.
  const failed =
    result.discovery.error !== undefined ||
    findings.some((finding) => finding.severity === 'error');
  return failed ? EXIT.findings : EXIT.ok;
}
