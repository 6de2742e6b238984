// `npm run testbed` (and `npm start`, beside the playground): serves the testbed on loopback
// until Ctrl-C.
import { autoApproveRequested, playgroundOrigins, testbedPort } from './config.ts';
import { createRelay } from './relay.ts';
import { createTestbed } from './server.ts';

// The metadata relay lets the local playground read servers that send no CORS headers; it is
// mounted here, in the process a developer starts, and never in the hosted build.
const autoApprove = autoApproveRequested(process.argv.slice(2));
let origins: ReadonlySet<string>;
let port: number;
try {
  origins = playgroundOrigins();
  port = testbedPort();
} catch (error) {
  // A setting the user typed: one line saying which, no stack trace.
  console.error((error as Error).message);
  process.exit(2);
}
const testbed = await createTestbed({
  port,
  mounts: [createRelay({ allowedOrigins: origins })],
  autoApprove,
  writes: { origins },
});
const { defaultPair: urls } = testbed;

console.log(
  [
    `Testbed listening on ${testbed.url} (loopback only)`,
    `  MCP server                ${urls.serverUrl}`,
    `  Protected resource meta   ${urls.resourceMetadataUrl}`,
    `  Authorization server      ${urls.issuer}`,
    `  AS metadata               ${testbed.url}/.well-known/oauth-authorization-server${urls.issuerPath}`,
    `  Pre-registered client     playground (redirect http://localhost:5173/callback)`,
    `  CIMD client_id            ${testbed.clientIdMetadataDocument.clientId}`,
    `                            (resolved in-process; readable at ${testbed.clientIdMetadataDocument.documentUrl})`,
    `  Live scenarios            POST ${testbed.url}/scenarios`,
    `  Everything, as JSON       ${testbed.url}/`,
    `  Metadata relay            GET ${testbed.url}/relay?url=… (metadata only; see testbed/src/relay.ts)`,
    autoApprove
      ? `  Auto-approve              ON: login and consent complete without a page for loopback redirect URIs`
      : `  Auto-approve              off (TESTBED_AUTO_APPROVE=1 or --auto-approve for headless clients)`,
  ].join('\n'),
);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.log(`Testbed stopping (${signal}).`);
  testbed.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
