// The client the official conformance suite drives, as a function (client.mjs runs it). The suite
// starts a scenario's servers, runs `npm run -s conformance:client --` with the MCP server's URL
// appended, and judges what the client sent them. It names the scenario in
// MCP_CONFORMANCE_SCENARIO and, when the scenario hands the client credentials (a pre-registered
// client), puts them in the JSON of MCP_CONFORMANCE_CONTEXT. This turns those into the options of
// the CLI's headless flow, with the mcp-2026-07-28 profile, and returns the flow's exit code.
import { runTerminalFlow } from '../../cli/src/flow/run.ts';
import type { CliIo } from '../../cli/src/io.ts';
import { nodeIo } from '../../cli/src/node-io.ts';

/**
 * The Client ID Metadata Document URL the suite's authorization servers resolve (its scenarios
 * serve the document for this URL themselves). A client publishing a CIMD names its own URL; the
 * engine still uses it only where the server advertises client_id_metadata_document_supported.
 */
const SUITE_CLIENT_METADATA_URL = 'https://conformance-test.local/client-metadata.json';

interface ConformanceContext {
  client_id?: unknown;
  client_secret?: unknown;
}

function readContext(text: string | undefined, io: CliIo): ConformanceContext {
  if (text === undefined || text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    io.stderr.write('conformance client: MCP_CONFORMANCE_CONTEXT is not JSON; ignoring it\n');
    return {};
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export async function runConformanceClient(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo = nodeIo(),
): Promise<number> {
  const [serverUrl] = args;
  if (serverUrl === undefined || args.length > 1) {
    io.stderr.write('usage: npm run -s conformance:client -- <server-url>\n');
    return 2;
  }
  const context = readContext(env.MCP_CONFORMANCE_CONTEXT, io);
  const clientId = text(context.client_id);
  const clientSecret = text(context.client_secret);
  io.stdout.write(`Scenario ${env.MCP_CONFORMANCE_SCENARIO ?? '(not named)'}\n`);
  return runTerminalFlow(
    {
      serverUrl,
      profile: 'mcp-2026-07-28',
      headless: true,
      verbose: true,
      reveal: false,
      clientMetadataUrl: SUITE_CLIENT_METADATA_URL,
      // A client lists the tools and then uses one, which is where a server asks for more scope.
      callTool: {},
      ...(clientId ? { clientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
    },
    io,
  );
}
