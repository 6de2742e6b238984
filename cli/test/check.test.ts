import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeScenario, evaluateScenario, PROFILES } from '@mcp-auth-playground/core';
import type { Evaluation, HttpExchange } from '@mcp-auth-playground/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestbed } from '../../testbed/src/server.ts';
import type { Testbed } from '../../testbed/src/server.ts';
import { cliClientMetadata } from '../src/client-metadata.ts';
import { visibleText } from '../src/style.ts';
import { hasStackTrace, runCli } from './support.ts';

let testbed: Testbed;
beforeAll(async () => {
  testbed = await createTestbed({ port: 0 });
});
afterAll(() => testbed.close());

interface CheckJson {
  serverUrl: string;
  exchanges: HttpExchange[];
  evaluation: Evaluation;
}

describe('check against the testbed', () => {
  it('prints each request, the findings, every profile’s decision and a permalink; exits 0', async () => {
    const { serverUrl } = testbed.defaultPair;
    const run = await runCli(['check', serverUrl]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const requests = lines.filter((line) => /^ {2}\d{3} +\d+ ms {2}(GET|POST)/.test(line));
    expect(requests.map((line) => line.trim().split(/\s+/)[0])).toEqual(['401', '200', '200']);
    expect(requests[0]).toContain(`POST ${serverUrl}`);
    expect(run.stdout).toContain('Findings: none');
    for (const profile of PROFILES) expect(run.stdout).toContain(profile.title.split(' ')[0]);
    // The default profile reads the challenge's scope and adds offline_access for the CLI's
    // refresh_token grant: core's decision for these documents.
    // With offline_access in the scope the request carries prompt=consent: core's one policy.
    expect(lines.find((line) => line.startsWith('MCP spec 2026-07-28 *'))).toMatch(
      /mcp:read offline_access\s+challenge\s+added\s+prompt$/,
    );
    expect(lines.find((line) => line.startsWith('MCP spec 2025-11-25'))).toMatch(
      /mcp:read\s+challenge\s+-\s+-$/,
    );
    // Everything but the URLs fits in 80 columns.
    for (const line of lines.filter((l) => !/https?:\/\//.test(l))) {
      expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it('links to the playground with the documents it found, in core’s permalink format', async () => {
    const { serverUrl } = testbed.defaultPair;
    const run = await runCli([
      'check',
      serverUrl,
      '--profile',
      'vscode',
      '--playground-url',
      'https://example.org/playground/',
    ]);
    const link = run.stdout.split('\n').find((line) => line.startsWith('https://example.org/'));
    expect(link).toMatch(/^https:\/\/example\.org\/playground\/#s=[A-Za-z0-9_-]+$/);
    const opened = await decodeScenario(link!.split('#s=')[1]!);
    if (!opened.ok) throw new Error(opened.message);
    const json = await runCli(['check', serverUrl, '--json', '--profile', 'vscode']);
    const { evaluation } = JSON.parse(json.stdout) as CheckJson;
    expect(opened.scenario).toEqual(evaluation.scenario);
    expect(opened.scenario.profile).toBe('vscode');
    expect(opened.scenario.resourceMetadata).toMatchObject({
      resource: testbed.defaultPair.resource,
    });
  });

  it('prints { serverUrl, exchanges, evaluation } with --json, the evaluation core’s own', async () => {
    const { serverUrl } = testbed.defaultPair;
    const run = await runCli(['check', serverUrl, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CheckJson;
    expect(report.serverUrl).toBe(serverUrl);
    expect(report.exchanges.map((exchange) => [exchange.step, exchange.response?.status])).toEqual([
      ['probe', 401],
      ['resource-metadata', 200],
      ['authorization-server-metadata', 200],
    ]);
    expect(report.exchanges[1]?.response?.body).toContain('authorization_servers');
    const expected = evaluateScenario({
      ...report.evaluation.scenario,
      clientMetadata: cliClientMetadata(),
    });
    expect(report.evaluation).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(report.evaluation.comparison).toHaveLength(PROFILES.length);
  });

  it('decides for the client metadata of --client-metadata FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-check-'));
    writeFileSync(
      join(dir, 'client.json'),
      JSON.stringify({
        redirect_uris: ['http://127.0.0.1/cb'],
        grant_types: ['authorization_code'],
      }),
    );
    const run = await runCli(
      ['check', testbed.defaultPair.serverUrl, '--json', '--client-metadata', 'client.json'],
      { cwd: dir },
    );
    const { evaluation } = JSON.parse(run.stdout) as CheckJson;
    // Without the refresh_token grant the spec profile adds no offline_access.
    expect(evaluation.decision).toMatchObject({ scope: 'mcp:read', offlineAccess: 'not-added' });
  });

  it('refuses a --client-metadata file that is missing or not JSON, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-check-'));
    writeFileSync(join(dir, 'broken.json'), '{"redirect_uris": [');
    for (const file of ['missing.json', 'broken.json']) {
      const run = await runCli(
        ['check', testbed.defaultPair.serverUrl, '--client-metadata', file],
        { cwd: dir },
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`client metadata file ${file}`);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('colours only on a terminal, and not when NO_COLOR is set', async () => {
    const { serverUrl } = testbed.defaultPair;
    const tty = await runCli(['check', serverUrl], { tty: true });
    expect(tty.stdout).toContain('\u001b[');
    expect(visibleText(tty.stdout)).not.toContain('\u001b[');
    const noColor = await runCli(['check', serverUrl], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const piped = await runCli(['check', serverUrl]);
    expect(piped.stdout).not.toContain('\u001b[');
    expect(hasStackTrace(piped.stdout)).toBe(false);
  });
});
