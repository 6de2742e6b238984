import { afterEach, describe, expect, it } from 'vitest';
import type { LocalServer } from './support.ts';
import { challenge, closedPort, hasStackTrace, localServer, runCli } from './support.ts';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The check's stderr: exactly one plain line, no stack trace. */
function oneLine(stderr: string): string {
  expect(hasStackTrace(stderr)).toBe(false);
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('check exits 2 with one plain line when the server cannot be reached or read', () => {
  it('an unreachable host', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/mcp`;
    const run = await runCli(['check', url]);
    expect(run.code).toBe(2);
    const line = oneLine(run.stderr);
    expect(line).toContain(`cannot check ${url}`);
    expect(line).toContain('could not be reached');
    expect(line).toContain('ECONNREFUSED');
    // The request that failed was still shown as it happened.
    expect(run.stdout).toMatch(/---\s+\d+ ms {2}POST/);
    // With --json the report is still printed, for a CI job to keep, and the exit code is the same.
    const json = await runCli(['check', url, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      serverUrl: url,
      discoveryError: { code: 'unreachable' },
    });
    expect(oneLine(json.stderr)).toContain('could not be reached');
  });

  it('a server that answers HTML everywhere', async () => {
    server = await localServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Welcome</body></html>');
    });
    const run = await runCli(['check', `${server.origin}/mcp`]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/\/mcp answered 200 with a web page, not MCP/);
  });

  it('metadata that is not JSON', async () => {
    server = await localServer((req, res, origin) => {
      if (req.method === 'POST') return challenge(res, origin);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"resource": "x", authorization_servers: [}');
    });
    const run = await runCli(['check', `${server.origin}/mcp`]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /oauth-protected-resource\/mcp served .* not a JSON object \(invalid JSON at line 1/,
    );
  });

  it('a redirect loop', async () => {
    server = await localServer((req, res, origin) => {
      if (req.method === 'POST') return challenge(res, origin);
      res.writeHead(302, { location: req.url ?? '/' });
      res.end();
    });
    const run = await runCli(['check', `${server.origin}/mcp`]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/redirect loop/);
  });

  it('a 10 MB answer', async () => {
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    server = await localServer((req, res, origin) => {
      if (req.method === 'POST') return challenge(res, origin);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"resource": "');
      for (let i = 0; i < 10; i++) res.write(chunk);
      res.end('"}');
    });
    const run = await runCli(['check', `${server.origin}/mcp`]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toMatch(/sent more than [\d.]+ MB/);
  });
});

describe('check exits 1 when a finding is an error', () => {
  it('an MCP URL that answers 404: discovery stops there and says so', async () => {
    server = await localServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    });
    const run = await runCli(['check', `${server.origin}/mcp`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Discovery stopped at "Unauthenticated MCP request"');
    expect(run.stdout).toMatch(/answered 404/);
    const json = await runCli(['check', `${server.origin}/mcp`, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ discoveryError: { step: 'probe' } });
  });

  it('resource metadata that names no authorization server', async () => {
    server = await localServer((req, res, origin) => {
      if (req.method === 'POST') return challenge(res, origin);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ resource: `${origin}/mcp`, scopes_supported: ['files:read'] }));
    });
    const run = await runCli(['check', `${server.origin}/mcp`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ERROR\s+\S*authorization-servers/);
    const json = await runCli(['check', `${server.origin}/mcp`, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { evaluation: { findings: { severity: string }[] } };
    expect(report.evaluation.findings.some((finding) => finding.severity === 'error')).toBe(true);
  });
});
