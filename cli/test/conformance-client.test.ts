import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformanceClient } from '../../scripts/conformance/client-run.ts';
import { createTestbed } from '../../testbed/src/server.ts';
import type { Testbed } from '../../testbed/src/server.ts';
import type { CliIo } from '../src/io.ts';
import { nodeFetch } from '../src/network.ts';

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0, autoApprove: true });
});
afterAll(() => testbed.close());

function capturedIo() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: {},
    fetch: nodeFetch(),
    cwd: process.cwd(),
    openBrowser: () => Promise.resolve(false),
  };
  return { io, out };
}

// The command the conformance suite drives, against the testbed instead of a suite scenario.
describe('the conformance client command', () => {
  it('runs the headless flow with the spec profile and the suite’s client ID metadata URL', async () => {
    const { io, out } = capturedIo();
    const code = await runConformanceClient(
      [testbed.defaultPair.serverUrl],
      { MCP_CONFORMANCE_SCENARIO: 'auth/basic-cimd' },
      io,
    );
    expect(out.stdout).toContain('Scenario auth/basic-cimd');
    expect(out.stdout).toContain('Profile mcp-2026-07-28, headless');
    // The testbed supports CIMD, so the client uses the document URL only the suite serves, and
    // the testbed's authorization server, which cannot fetch it, refuses the request.
    expect(out.stdout).toContain(
      'cimd: client_id https://conformance-test.local/client-metadata.json',
    );
    expect(code).toBe(1);
  });

  it('uses the pre-registered client the scenario context names', async () => {
    const { io, out } = capturedIo();
    const code = await runConformanceClient(
      [testbed.defaultPair.serverUrl],
      { MCP_CONFORMANCE_CONTEXT: JSON.stringify({ name: 'x', client_id: 'not-registered-here' }) },
      io,
    );
    // The testbed does not know that client: the flow stops at the authorization server.
    expect(code).toBe(1);
    expect(out.stdout).toContain('pre-registered: client_id not-registered-here');
  });

  it('refuses to run without exactly one server URL', async () => {
    const { io, out } = capturedIo();
    expect(await runConformanceClient([], {}, io)).toBe(2);
    expect(out.stderr).toContain('usage: npm run -s conformance:client -- <server-url>');
  });
});
