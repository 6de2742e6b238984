import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuthorizationServerSuite } from '../src/conformance-suite.ts';
import type { Testbed } from '../src/server.ts';
import { createTestbed } from '../src/server.ts';

// The official MCP conformance suite (@modelcontextprotocol/conformance, pinned in package.json)
// judges the testbed's authorization server: both of its authorization-server scenarios, every
// check. The same run is `npx tsx testbed/src/conformance.ts`.

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0, autoApprove: true });
});
afterAll(() => testbed.close());

describe('the conformance suite against the testbed authorization server', () => {
  it('passes authorization-server-metadata-endpoint and authorization-code-grant in full', async () => {
    const run = await runAuthorizationServerSuite({
      issuer: testbed.defaultPair.issuer,
      resource: testbed.defaultPair.resource,
      timeoutMs: 60_000,
    });
    expect(run.problem).toBeUndefined();
    expect(run.output).toContain('✓ authorization-server-metadata-endpoint: 2 passed, 0 failed');
    expect(run.output).toContain('✓ authorization-code-grant: 1 passed, 0 failed');
    expect({ passed: run.passed, failed: run.failed, exitCode: run.exitCode }).toEqual({
      passed: 3,
      failed: 0,
      exitCode: 0,
    });
    expect(run.output).not.toMatch(/WARNING|FAILURE/);
  }, 90_000);
});
