import { readFileSync } from 'node:fs';
import { PROFILES } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './support.ts';

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}

describe('help and version', () => {
  it('prints the overview for --help, naming both commands, within 80 columns', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mcp-auth-playground check <server-url>');
    expect(run.stdout).toContain('mcp-auth-playground flow <server-url>');
    expect(widest(run.stdout)).toBeLessThanOrEqual(80);
  });

  it.each([['check'], ['flow']])('prints the options of %s for --help', async (command) => {
    for (const argv of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
    ]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: mcp-auth-playground ${command} <server-url>`);
      expect(run.stdout).toContain('--profile ID');
      for (const profile of PROFILES) expect(run.stdout).toContain(profile.id);
      expect(widest(run.stdout)).toBeLessThanOrEqual(80);
    }
  });

  it('names every flag of check in its help', async () => {
    const run = await runCli(['check', '--help']);
    for (const flag of ['--json', '--client-metadata FILE', '--playground-url URL']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('names every flag of flow in its help', async () => {
    const run = await runCli(['flow', '--help']);
    for (const flag of [
      '--client-id ID',
      '--client-secret S',
      '--client-metadata-url URL',
      '--headless',
      '--verbose',
      '--reveal',
      '--call-tool NAME',
      '--tool-arguments JSON',
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('prints the package version for --version', async () => {
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints the overview on stderr and exits 2 without a command', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage:');
  });
});

describe('usage errors exit 2 with one plain line and a pointer to the help', () => {
  it.each([
    [['check', 'http://localhost:4000/mcp', '--nope'], 'unknown option --nope'],
    [['flow', 'http://localhost:4000/mcp', '--nope'], 'unknown option --nope'],
    [['flow', 'http://localhost:4000/mcp', '--profile', 'nobody'], "unknown profile 'nobody'"],
    [['check', '--profile'], 'option --profile needs a value'],
    [['check', 'http://localhost:4000/mcp', '--json=yes'], 'option --json takes no value'],
    [['check'], 'missing the MCP server URL'],
    [['check', 'a', 'b'], "unexpected argument 'b'"],
    [['check', 'not a url'], 'not an MCP server URL'],
    [['check', 'http://localhost:4000/mcp', '--profile', 'nobody'], "unknown profile 'nobody'"],
    [
      ['check', 'http://localhost:4000/mcp', '--playground-url', 'ftp://x'],
      '--playground-url must be an http or https URL',
    ],
    [['deploy'], "unknown command 'deploy'"],
    [['--nope'], 'unknown option --nope'],
  ])('%j', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toContain(message);
    expect(lines[1]).toMatch(/^Run 'mcp-auth-playground .*--help' for the options\.$/);
    expect(lines).toHaveLength(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
