import { describe, expect, it } from 'vitest';
import { FINDING_RULES, lintScenario, type Finding, type Scenario } from '../../src/index.ts';

const PRM_URL = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

/** A configuration with nothing to report: every vector below breaks exactly one thing. */
const GOOD = {
  serverUrl: 'https://mcp.example.com/mcp',
  wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}", scope="files:read"`,
  resourceMetadata: {
    resource: 'https://mcp.example.com/mcp',
    authorization_servers: ['https://auth.example.com'],
    scopes_supported: ['files:read', 'files:write'],
    bearer_methods_supported: ['header'],
  },
  authServerMetadata: {
    issuer: 'https://auth.example.com',
    authorization_endpoint: 'https://auth.example.com/authorize',
    token_endpoint: 'https://auth.example.com/token',
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['files:read', 'files:write', 'offline_access'],
    client_id_metadata_document_supported: true,
  },
  clientMetadata: {
    client_id: 'https://app.example.com/oauth/client.json',
    client_name: 'Example MCP Client',
    redirect_uris: ['http://localhost:5173/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  },
} satisfies Scenario;

const prm = (fields: Record<string, unknown>) => ({
  ...GOOD,
  resourceMetadata: { ...GOOD.resourceMetadata, ...fields },
});
const as = (fields: Record<string, unknown>) => ({
  ...GOOD,
  authServerMetadata: { ...GOOD.authServerMetadata, ...fields },
});
const client = (fields: Record<string, unknown>) => ({
  ...GOOD,
  clientMetadata: { ...GOOD.clientMetadata, ...fields },
});
const { client_id: _cimdId, ...REGISTRATION } = GOOD.clientMetadata;

interface Vector {
  id: string;
  severity: Finding['severity'];
  scenario: Scenario;
  path?: (string | number)[];
  /** Other findings the same change necessarily causes. */
  also?: string[];
}

const VECTORS: Vector[] = [
  {
    id: 'server-url/invalid',
    severity: 'error',
    scenario: { ...GOOD, serverUrl: 'mcp.example.com/mcp' },
  },
  {
    id: 'server-url/insecure',
    severity: 'error',
    scenario: {
      ...prm({ resource: 'http://mcp.example.com/mcp' }),
      serverUrl: 'http://mcp.example.com/mcp',
    },
  },
  {
    id: 'server-url/not-canonical',
    severity: 'info',
    scenario: { ...GOOD, serverUrl: 'HTTPS://MCP.example.com/mcp' },
  },
  {
    id: 'www-authenticate/no-bearer-challenge',
    severity: 'error',
    scenario: { ...GOOD, wwwAuthenticate: 'Basic realm="mcp"' },
  },
  {
    id: 'www-authenticate/scope-missing',
    severity: 'warning',
    scenario: { ...GOOD, wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}"` },
    path: ['scope'],
  },
  {
    id: 'www-authenticate/empty-scope',
    severity: 'info',
    scenario: { ...GOOD, wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}", scope=""` },
    path: ['scope'],
    // The Python SDK and FastMCP take the empty scope and send " offline_access".
    also: ['as/offline-access-alone'],
  },
  {
    id: 'www-authenticate/offline-access-in-scope',
    severity: 'warning',
    scenario: {
      ...GOOD,
      wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}", scope="files:read offline_access"`,
    },
    path: ['scope'],
  },
  {
    id: 'www-authenticate/invalid-scope-token',
    severity: 'error',
    scenario: {
      ...GOOD,
      wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}", scope="files:read café"`,
    },
    path: ['scope'],
  },
  {
    id: 'www-authenticate/resource-metadata-missing',
    severity: 'info',
    scenario: { ...GOOD, wwwAuthenticate: 'Bearer scope="files:read"' },
    path: ['resource_metadata'],
  },
  {
    id: 'www-authenticate/resource-metadata-insecure',
    severity: 'error',
    scenario: {
      ...GOOD,
      wwwAuthenticate: 'Bearer resource_metadata="javascript:alert(1)", scope="files:read"',
    },
    path: ['resource_metadata'],
  },
  { id: 'prm/not-found', severity: 'error', scenario: { ...GOOD, resourceMetadata: undefined } },
  // A document served as text that is not JSON: its JSON error, never that it is missing.
  {
    id: 'prm/invalid-json',
    severity: 'error',
    scenario: {
      ...GOOD,
      resourceMetadata: undefined,
      unparsedDocuments: { resourceMetadata: '{\n  "resource": "https://mcp.example.com/mcp",\n}' },
    },
    path: [],
  },
  {
    id: 'prm/invalid-type',
    severity: 'error',
    scenario: { ...GOOD, resourceMetadata: ['files:read'] },
    path: [],
  },
  {
    id: 'prm/resource-missing',
    severity: 'error',
    scenario: prm({ resource: undefined }),
    path: ['resource'],
  },
  {
    id: 'prm/resource-mismatch',
    severity: 'error',
    scenario: prm({ resource: 'https://mcp.example.com/' }),
    path: ['resource'],
  },
  {
    id: 'prm/missing-authorization-servers',
    severity: 'error',
    scenario: prm({ authorization_servers: [] }),
    path: ['authorization_servers'],
  },
  {
    id: 'prm/authorization-server-insecure',
    severity: 'error',
    scenario: prm({
      authorization_servers: ['https://auth.example.com', 'http://auth.example.com'],
    }),
    path: ['authorization_servers', 1],
  },
  {
    id: 'prm/scopes-supported-missing',
    severity: 'warning',
    scenario: prm({ scopes_supported: undefined }),
    path: ['scopes_supported'],
  },
  {
    id: 'prm/offline-access-in-scopes-supported',
    severity: 'warning',
    scenario: prm({ scopes_supported: ['files:read', 'offline_access'] }),
    path: ['scopes_supported', 1],
  },
  {
    id: 'prm/invalid-scope-token',
    severity: 'error',
    scenario: prm({ scopes_supported: ['files:read', 'files write'] }),
    path: ['scopes_supported', 1],
  },
  {
    id: 'prm/bearer-header-not-supported',
    severity: 'error',
    scenario: prm({ bearer_methods_supported: ['body'] }),
    path: ['bearer_methods_supported'],
  },
  { id: 'as/not-found', severity: 'error', scenario: { ...GOOD, authServerMetadata: undefined } },
  {
    id: 'as/invalid-json',
    severity: 'error',
    scenario: {
      ...GOOD,
      authServerMetadata: undefined,
      unparsedDocuments: { authServerMetadata: '' },
    },
    path: [],
  },
  {
    id: 'as/invalid-type',
    severity: 'error',
    scenario: as({ client_id_metadata_document_supported: 'yes' }),
    path: ['client_id_metadata_document_supported'],
    also: ['as/cimd-not-supported'],
  },
  {
    id: 'as/issuer-missing',
    severity: 'error',
    scenario: as({ issuer: undefined }),
    path: ['issuer'],
  },
  {
    id: 'as/issuer-mismatch',
    severity: 'error',
    scenario: as({ issuer: 'https://auth.example.com/' }),
    path: ['issuer'],
  },
  {
    id: 'as/authorization-endpoint-missing',
    severity: 'error',
    scenario: as({ authorization_endpoint: undefined }),
    path: ['authorization_endpoint'],
  },
  {
    id: 'as/authorization-endpoint-insecure',
    severity: 'error',
    scenario: as({ authorization_endpoint: 'javascript:alert(document.cookie)' }),
    path: ['authorization_endpoint'],
  },
  {
    id: 'as/code-response-type-missing',
    severity: 'error',
    scenario: as({ response_types_supported: ['token'] }),
    path: ['response_types_supported'],
  },
  {
    id: 'as/pkce-not-advertised',
    severity: 'error',
    scenario: as({ code_challenge_methods_supported: undefined }),
    path: ['code_challenge_methods_supported'],
  },
  {
    id: 'as/s256-not-supported',
    severity: 'error',
    scenario: as({ code_challenge_methods_supported: ['plain'] }),
    path: ['code_challenge_methods_supported'],
  },
  {
    id: 'as/token-endpoint-missing',
    severity: 'error',
    scenario: as({ token_endpoint: undefined }),
    path: ['token_endpoint'],
  },
  {
    id: 'as/token-endpoint-insecure',
    severity: 'error',
    scenario: as({ token_endpoint: 'http://auth.example.com/token' }),
    path: ['token_endpoint'],
  },
  {
    id: 'as/cimd-not-supported',
    severity: 'warning',
    scenario: as({ client_id_metadata_document_supported: false }),
    path: ['client_id_metadata_document_supported'],
  },
  {
    id: 'as/invalid-scope-token',
    severity: 'error',
    scenario: as({ scopes_supported: ['files:read', 'files:"write"'] }),
    path: ['scopes_supported', 1],
  },
  {
    id: 'client/invalid-json',
    severity: 'error',
    scenario: {
      ...GOOD,
      clientMetadata: undefined,
      unparsedDocuments: { clientMetadata: '{"a" 1}' },
    },
    path: [],
  },
  {
    id: 'client/invalid-type',
    severity: 'error',
    scenario: client({ redirect_uris: ['http://localhost:5173/callback', 42] }),
    path: ['redirect_uris', 1],
  },
  {
    id: 'client/redirect-uris-missing',
    severity: 'error',
    scenario: client({ redirect_uris: undefined }),
    path: ['redirect_uris'],
  },
  {
    id: 'client/redirect-uri-insecure',
    severity: 'error',
    scenario: client({ redirect_uris: ['http://app.example.com/callback'] }),
    path: ['redirect_uris', 0],
  },
  {
    id: 'client/refresh-token-grant-missing',
    severity: 'warning',
    scenario: client({ grant_types: ['authorization_code'] }),
    path: ['grant_types'],
  },
  {
    id: 'client/application-type-missing',
    severity: 'error',
    scenario: { ...GOOD, clientMetadata: REGISTRATION },
    path: ['application_type'],
  },
  {
    id: 'client/application-type-mismatch',
    severity: 'warning',
    scenario: { ...GOOD, clientMetadata: { ...REGISTRATION, application_type: 'web' } },
    path: ['application_type'],
  },
  {
    id: 'client/invalid-scope-token',
    severity: 'error',
    scenario: client({ scope: 'files:read files\\write' }),
    path: ['scope'],
  },
  {
    id: 'cimd/client-id-not-https-url',
    severity: 'error',
    scenario: client({ client_id: 'https://app.example.com' }),
    path: ['client_id'],
  },
  {
    id: 'cimd/client-name-missing',
    severity: 'error',
    scenario: client({ client_name: undefined }),
    path: ['client_name'],
  },
  // What real clients would do with the configuration (findings/client-divergence.ts).
  {
    id: 'www-authenticate/step-up-scope-ignored',
    severity: 'warning',
    scenario: {
      ...GOOD,
      wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}", error="insufficient_scope", scope="files:admin"`,
    },
  },
  {
    id: 'prm/clients-request-every-as-scope',
    severity: 'warning',
    scenario: {
      ...prm({ scopes_supported: undefined }),
      wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}"`,
    },
    path: ['scopes_supported'],
    // With nothing to select, the C# SDK requests offline_access alone.
    also: [
      'prm/scopes-supported-missing',
      'www-authenticate/scope-missing',
      'as/offline-access-alone',
    ],
  },
  {
    id: 'as/offline-access-alone',
    severity: 'warning',
    scenario: {
      ...prm({ scopes_supported: [] }),
      wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}"`,
    },
    path: ['scopes_supported', 2],
    also: ['www-authenticate/scope-missing'],
  },
];

describe('finding ids', () => {
  // The docs and outside tools group findings by the part of an id before the slash.
  const PREFIXES: Record<Finding['subject'], readonly string[]> = {
    'resource-metadata': ['prm'],
    'auth-server-metadata': ['as'],
    'client-metadata': ['client', 'cimd'],
    'www-authenticate': ['www-authenticate'],
    'server-url': ['server-url'],
  };

  it.each(FINDING_RULES.map((rule) => [rule.id, rule.subject] as const))(
    '%s starts with the prefix of its subject, %s',
    (id, subject) => {
      expect(PREFIXES[subject]).toContain(id.slice(0, id.indexOf('/')));
    },
  );
});

describe('lintScenario', () => {
  it('finds nothing in a complete, correct configuration', () => {
    expect(lintScenario(GOOD)).toEqual([]);
  });

  it.each(VECTORS.map((vector) => [vector.id, vector] as const))('%s', (id, vector) => {
    const findings = lintScenario(vector.scenario);
    expect(findings.map((finding) => finding.id).sort()).toEqual(
      [id, ...(vector.also ?? [])].sort(),
    );
    const finding = findings.find((candidate) => candidate.id === id);
    expect(finding?.severity).toBe(vector.severity);
    if (vector.path !== undefined) expect(finding?.path).toEqual(vector.path);
  });

  it('has a vector for every rule and every schema family', () => {
    const covered = new Set(VECTORS.map((vector) => vector.id));
    const missing = FINDING_RULES.map((rule) => rule.id).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
    for (const family of ['prm', 'as', 'client'])
      expect(covered).toContain(`${family}/invalid-type`);
  });

  it('writes every message as one sentence with a citation', () => {
    const findings = VECTORS.flatMap((vector) => lintScenario(vector.scenario));
    for (const finding of findings) {
      expect(finding.message).toMatch(/^[A-Z`"].*[.)]$/s);
      expect(finding.message).not.toMatch(/\n/);
      expect(finding.message.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
      expect(finding.cite?.url).toMatch(/^https:\/\//);
    }
  });

  it('says what to change with the values involved', () => {
    const [mismatch] = lintScenario(prm({ resource: 'https://mcp.example.com/' }));
    expect(mismatch?.message).toContain('"https://mcp.example.com/mcp"');
    expect(mismatch?.message).toContain('"https://mcp.example.com/"');
  });

  it('reports a document of the wrong type once, and no rule about its fields', () => {
    for (const value of [null, 'text', 12, true, ['a']]) {
      const findings = lintScenario({ ...GOOD, authServerMetadata: value });
      expect(findings.map((finding) => finding.id)).toEqual(['as/invalid-type']);
    }
  });

  it('raises no not-found finding for a document served as broken JSON, and names where it breaks', () => {
    const absent = lintScenario({
      ...GOOD,
      resourceMetadata: undefined,
      authServerMetadata: undefined,
    });
    expect(absent.map((finding) => finding.id)).toEqual(['prm/not-found', 'as/not-found']);
    const broken = lintScenario({
      ...GOOD,
      resourceMetadata: undefined,
      authServerMetadata: undefined,
      unparsedDocuments: { resourceMetadata: '{"resource": ,}', authServerMetadata: '{' },
    });
    expect(broken.map((finding) => finding.id)).toEqual(['prm/invalid-json', 'as/invalid-json']);
    expect(broken[0]?.message).toContain('at line 1, column 14');
  });

  it('reads a document given both as a value and as text as the value', () => {
    expect(lintScenario({ ...GOOD, unparsedDocuments: { resourceMetadata: '{' } })).toEqual([]);
  });

  it('lists findings document by document', () => {
    const findings = lintScenario({
      serverUrl: 'nope',
      wwwAuthenticate: 'Basic',
      resourceMetadata: {},
      authServerMetadata: {},
      clientMetadata: {},
    });
    const subjects = findings.map((finding) => finding.subject);
    const order = [
      'server-url',
      'www-authenticate',
      'resource-metadata',
      'auth-server-metadata',
      'client-metadata',
    ];
    expect([...new Set(subjects)]).toEqual(order);
  });

  it('keeps one finding per field for a huge list of bad entries', () => {
    const scopes = Array.from({ length: 10_000 }, (_, index) => (index % 2 ? `s${index}` : index));
    const findings = lintScenario(prm({ scopes_supported: scopes }));
    expect(findings.filter((finding) => finding.id === 'prm/invalid-type')).toHaveLength(1);
    expect(findings[0]?.message).toContain('4999 more');
  });
});
