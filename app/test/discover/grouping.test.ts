import type { DiscoveryFinding } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../src/discover/grouping.ts';

const refused = (url: string): DiscoveryFinding => ({
  id: 'discovery/relay-refused',
  severity: 'warning',
  subject: 'server-url',
  url,
  message: `The browser could not read ${url}, and the local relay refused to fetch it: mcp.example.com does not resolve.`,
});

describe('groupFindings', () => {
  it('says the same failure at several URLs once, naming the other URLs', () => {
    const findings = [
      refused('https://mcp.example.com/mcp'),
      refused('https://mcp.example.com/.well-known/oauth-protected-resource/mcp'),
      refused('https://mcp.example.com/.well-known/oauth-protected-resource'),
    ];
    expect(groupFindings(findings)).toEqual([
      {
        finding: findings[0],
        alsoAt: [
          'https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
          'https://mcp.example.com/.well-known/oauth-protected-resource',
        ],
      },
    ]);
  });

  it('keeps findings that say different things apart, in order', () => {
    const other: DiscoveryFinding = {
      ...refused('https://mcp.example.com/mcp'),
      message: 'Send Access-Control-Expose-Headers: WWW-Authenticate.',
    };
    const findings = [refused('https://mcp.example.com/mcp'), other];
    expect(groupFindings(findings).map((group) => group.finding)).toEqual(findings);
  });
});
