import { describe, expect, it } from 'vitest';
import { compareProfiles, lintScenario, PROFILES, type Scenario } from '../../src/index.ts';

const SERVER = 'https://mcp.example.com/mcp';
const PRM = {
  resource: SERVER,
  authorization_servers: ['https://auth.example.com'],
};
const AS = (scopes: string[]) => ({
  issuer: 'https://auth.example.com',
  authorization_endpoint: 'https://auth.example.com/authorize',
  token_endpoint: 'https://auth.example.com/token',
  response_types_supported: ['code'],
  code_challenge_methods_supported: ['S256'],
  scopes_supported: scopes,
});

const finding = (scenario: Scenario, id: string) =>
  lintScenario(scenario).find((candidate) => candidate.id === id);

const titleOf = (id: string) => PROFILES.find((profile) => profile.id === id)?.title ?? id;

describe('prm/clients-request-every-as-scope', () => {
  const scenario: Scenario = {
    serverUrl: SERVER,
    resourceMetadata: PRM,
    authServerMetadata: AS(['openid', 'admin']),
  };

  it('names exactly the clients whose decision takes every AS scope', () => {
    const found = finding(scenario, 'prm/clients-request-every-as-scope');
    expect(found).toMatchObject({
      severity: 'warning',
      subject: 'resource-metadata',
      path: ['scopes_supported'],
    });
    const takers = compareProfiles({
      resourceMetadata: PRM,
      authServerMetadata: AS(['openid', 'admin']),
    }).filter((decision) => decision.source === 'authorization-server');
    expect(takers.map((decision) => decision.profile)).toEqual(
      expect.arrayContaining(['vscode', 'python-sdk', 'mcp-remote', 'codex']),
    );
    for (const id of ['vscode', 'python-sdk', 'mcp-remote']) {
      expect(found?.message).toContain(titleOf(id));
    }
    // Codex takes the AS list before the PRM's, so adding scopes_supported would not change it.
    expect(found?.message).not.toContain(titleOf('codex'));
    expect(found?.message).not.toContain('C# SDK');
    expect(found?.message).toContain('"openid admin"');
  });

  it('leaves out clients that only add the offline_access the AS offers', () => {
    const found = finding(
      {
        ...scenario,
        authServerMetadata: AS(['openid', 'admin', 'offline_access']),
        clientMetadata: {
          redirect_uris: ['http://localhost:5173/callback'],
          grant_types: ['authorization_code', 'refresh_token'],
        },
      },
      'prm/clients-request-every-as-scope',
    );
    expect(found?.message).toContain('VS Code');
    expect(found?.message).not.toContain('C# SDK');
    expect(found?.message).not.toContain('Go SDK');
  });

  it('stays quiet when the PRM lists scopes_supported, even an empty list', () => {
    for (const scopes of [['mcp:read'], []]) {
      const listed = { ...scenario, resourceMetadata: { ...PRM, scopes_supported: scopes } };
      expect(finding(listed, 'prm/clients-request-every-as-scope')).toBeUndefined();
    }
  });

  it('stays quiet when the AS lists nothing either, since no client can over-ask', () => {
    const bare = { ...scenario, authServerMetadata: { ...AS([]), scopes_supported: undefined } };
    expect(finding(bare, 'prm/clients-request-every-as-scope')).toBeUndefined();
  });
});

describe('as/offline-access-alone', () => {
  it('names the C# SDK when only offline_access is left to request', () => {
    const found = finding(
      {
        serverUrl: SERVER,
        resourceMetadata: { ...PRM, scopes_supported: [] },
        authServerMetadata: AS(['openid', 'offline_access']),
      },
      'as/offline-access-alone',
    );
    expect(found).toMatchObject({
      severity: 'warning',
      subject: 'auth-server-metadata',
      path: ['scopes_supported', 1],
    });
    expect(found?.message).toContain('C# SDK');
    expect(found?.message).not.toContain('VS Code');
  });

  it('adds the Go SDK when the client opts in to refresh tokens', () => {
    const found = finding(
      {
        serverUrl: SERVER,
        resourceMetadata: { ...PRM, scopes_supported: [] },
        authServerMetadata: AS(['offline_access']),
        clientMetadata: {
          redirect_uris: ['http://localhost:5173/callback'],
          grant_types: ['authorization_code', 'refresh_token'],
        },
      },
      'as/offline-access-alone',
    );
    expect(found?.message).toContain('Go SDK');
    expect(found?.message).toContain('C# SDK');
  });

  it('stays quiet when the PRM gives clients an MCP scope', () => {
    const found = finding(
      {
        serverUrl: SERVER,
        resourceMetadata: { ...PRM, scopes_supported: ['mcp:read'] },
        authServerMetadata: AS(['mcp:read', 'offline_access']),
      },
      'as/offline-access-alone',
    );
    expect(found).toBeUndefined();
  });
});

describe('www-authenticate/step-up-scope-ignored', () => {
  const stepUp: Scenario = {
    serverUrl: SERVER,
    wwwAuthenticate: 'Bearer error="insufficient_scope", scope="mcp:admin"',
    resourceMetadata: { ...PRM, scopes_supported: ['mcp:read'] },
    authServerMetadata: AS(['mcp:read']),
  };

  it('names the clients that do not request the challenged scope', () => {
    const found = finding(stepUp, 'www-authenticate/step-up-scope-ignored');
    expect(found).toMatchObject({ severity: 'warning', subject: 'www-authenticate' });
    expect(found?.message).toContain('mcp-remote');
    expect(found?.message).toContain('Codex CLI');
    expect(found?.message).not.toContain('Python SDK');
  });

  it('stays quiet for a first 401 challenge', () => {
    const first = { ...stepUp, wwwAuthenticate: 'Bearer scope="mcp:admin"' };
    expect(finding(first, 'www-authenticate/step-up-scope-ignored')).toBeUndefined();
  });
});
