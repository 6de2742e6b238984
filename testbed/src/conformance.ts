// `npx tsx testbed/src/conformance.ts [--issuer URL --resource URL]`: the official MCP
// conformance suite's authorization-server scenarios against the testbed, unattended. Without
// --issuer it starts its own auto-approving testbed on a free loopback port and tests the default
// authorization server; with --issuer it tests a running one, which must have been started with
// TESTBED_AUTO_APPROVE=1. Exits with the suite's exit code (0 when every check passed).
import { parseArgs } from 'node:util';
import { runAuthorizationServerSuite } from './conformance-suite.ts';
import { createTestbed } from './server.ts';

const { values } = parseArgs({
  options: { issuer: { type: 'string' }, resource: { type: 'string' } },
});

if ((values.issuer === undefined) !== (values.resource === undefined)) {
  console.error('Give both --issuer and --resource, or neither to test a testbed of its own.');
  process.exit(2);
}

const testbed =
  values.issuer === undefined ? await createTestbed({ port: 0, autoApprove: true }) : undefined;
const issuer = values.issuer ?? testbed?.defaultPair.issuer ?? '';
const resource = values.resource ?? testbed?.defaultPair.resource ?? '';

try {
  const run = await runAuthorizationServerSuite({
    issuer,
    resource,
    onLine: (line) => console.log(line),
  });
  if (run.problem) console.error(`The run could not complete: ${run.problem}`);
  process.exitCode = run.exitCode === 0 && !run.problem ? 0 : 1;
} catch (error) {
  console.error(`The run could not start: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await testbed?.close();
}
