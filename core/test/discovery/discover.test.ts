import { describe, expect, it } from 'vitest';
import {
  discoverFromServer,
  INITIALIZE_REQUEST_BODY,
  type DiscoveryAttempt,
} from '../../src/discovery/index.ts';
import { json, status } from './fake-network.ts';
import {
  AS_METADATA,
  AS_OAUTH,
  AS_OIDC_APPENDED,
  AS_OIDC_INSERTED,
  CHALLENGE,
  defaultPair,
  ISSUER,
  PRM,
  PRM_FROM_CHALLENGE,
  PRM_ROOT,
  SERVER,
} from './fixtures.ts';

const ids = (findings: { id: string }[]) => findings.map((finding) => finding.id);

describe('discoverFromServer: the three steps', () => {
  it('reads the challenge, the PRM from its URL and the AS metadata, and reports each attempt', async () => {
    const network = defaultPair();
    const reported: DiscoveryAttempt[] = [];
    const result = await discoverFromServer(SERVER, {
      fetch: network.fetch,
      onAttempt: (attempt) => reported.push(attempt),
    });

    expect(result.challengeStatus).toBe(401);
    expect(result.wwwAuthenticate).toBe(CHALLENGE);
    expect(result.resourceMetadata).toEqual(PRM);
    expect(result.resourceMetadataUrl).toBe(PRM_FROM_CHALLENGE);
    expect(result.authorizationServers).toEqual([ISSUER]);
    expect(result.authorizationServer).toBe(ISSUER);
    expect(result.authServerMetadata).toEqual(AS_METADATA);
    expect(result.authServerMetadataUrl).toBe(AS_OAUTH);
    expect(result.findings).toEqual([]);
    expect(result.cancelled).toBe(false);

    expect(
      result.attempts.map(({ step, method, url, status, outcome }) => [
        step,
        method,
        url,
        status,
        outcome,
      ]),
    ).toEqual([
      ['challenge', 'POST', SERVER, 401, 'ok'],
      ['resource-metadata', 'GET', PRM_FROM_CHALLENGE, 200, 'ok'],
      ['auth-server-metadata', 'GET', AS_OAUTH, 200, 'ok'],
    ]);
    // Each attempt is reported when sent (pending) and again when settled, in order.
    expect(reported.map(({ id, outcome }) => `${id}:${outcome}`)).toEqual([
      'challenge#1:pending',
      'challenge#1:ok',
      'resource-metadata#2:pending',
      'resource-metadata#2:ok',
      'auth-server-metadata#3:pending',
      'auth-server-metadata#3:ok',
    ]);
    expect(reported[2]?.purpose).toMatch(/resource_metadata/);
    for (const attempt of result.attempts) {
      expect(attempt.ms).toBeGreaterThanOrEqual(0);
      expect(attempt.reason).not.toBe('');
    }
  });

  it('sends the fixed initialize request without credentials, and metadata GETs asking for JSON', async () => {
    const network = defaultPair();
    await discoverFromServer(SERVER, { fetch: network.fetch });
    const [probe, prm, as] = network.seen;
    expect(probe).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      body: INITIALIZE_REQUEST_BODY,
      headers: {
        accept: 'application/json, text/event-stream',
        'content-type': 'application/json',
      },
    });
    expect(JSON.parse(INITIALIZE_REQUEST_BODY)).toMatchObject({
      jsonrpc: '2.0',
      method: 'initialize',
    });
    expect(prm).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      headers: { accept: 'application/json' },
    });
    expect(as?.headers).not.toHaveProperty('authorization');
  });

  it('falls back to the well-known URLs in order when the 401 has no challenge', async () => {
    const network = defaultPair()
      .route(SERVER, status(401))
      .route(PRM_FROM_CHALLENGE, status(404))
      .route(PRM_ROOT, json(PRM));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });

    expect(result.wwwAuthenticate).toBeUndefined();
    expect(result.resourceMetadataUrl).toBe(PRM_ROOT);
    expect(network.urls).toEqual([
      `POST ${SERVER}`,
      `GET ${PRM_FROM_CHALLENGE}`, // the path-inserted well-known URL, here without a challenge
      `GET ${PRM_ROOT}`,
      `GET ${AS_OAUTH}`,
    ]);
    const [, inserted] = result.attempts;
    expect(inserted).toMatchObject({ status: 404, outcome: 'not-found' });
    expect(inserted?.reason).toBe(`Not found (404). Trying ${PRM_ROOT} next.`);
    expect(ids(result.findings)).toEqual(['discovery/challenge-missing']);
    expect(result.findings[0]?.message).toContain('WWW-Authenticate: Bearer resource_metadata=');
  });

  it('says the server does not implement RFC 9728 when every PRM URL is a 404, and what clients then do', async () => {
    const network = defaultPair().route(PRM_FROM_CHALLENGE, status(404));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });

    expect(result.resourceMetadata).toBeUndefined();
    expect(result.authServerMetadata).toBeUndefined();
    expect(network.urls).toEqual([
      `POST ${SERVER}`,
      `GET ${PRM_FROM_CHALLENGE}`,
      `GET ${PRM_ROOT}`,
    ]);
    expect(result.attempts.at(-1)?.reason).toBe('Not found (404). No URL is left to try.');
    const [finding] = result.findings;
    expect(finding).toMatchObject({ id: 'discovery/no-resource-metadata', severity: 'error' });
    expect(finding?.message).toContain('does not implement RFC 9728');
    expect(finding?.message).toContain('cannot discover your authorization server');
    expect(finding?.message).toContain('MCP TypeScript SDK');
    expect(finding?.message).toContain(
      'treating https://mcp.example.test itself as the authorization server',
    );
    expect(finding?.cite?.url).toContain('protected-resource-metadata-discovery');
  });

  it('tells the author to serve the PRM without a token when the well-known URL demands one', async () => {
    const network = defaultPair()
      .route(SERVER, status(401))
      .route(PRM_FROM_CHALLENGE, status(401))
      .route(PRM_ROOT, status(404));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(ids(result.findings)).toContain('discovery/resource-metadata-unavailable');
    const finding = result.findings.find(
      ({ id }) => id === 'discovery/resource-metadata-unavailable',
    );
    expect(finding?.message).toContain('without requiring a token');
    expect(finding?.message).toContain(`${PRM_FROM_CHALLENGE} → 401`);
  });

  it('warns when the challenge points at a metadata URL that does not work but a well-known one does', async () => {
    const broken = 'https://mcp.example.test/metadata.json';
    const network = defaultPair()
      .route(SERVER, status(401, { 'www-authenticate': `Bearer resource_metadata="${broken}"` }))
      .route(broken, status(500));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(result.resourceMetadataUrl).toBe(PRM_FROM_CHALLENGE);
    expect(result.attempts[1]).toMatchObject({ url: broken, status: 500, outcome: 'not-found' });
    expect(result.attempts[1]?.reason).toBe(`Answered 500. Trying ${PRM_FROM_CHALLENGE} next.`);
    expect(ids(result.findings)).toEqual(['discovery/challenge-url-broken']);
    expect(result.findings[0]?.message).toContain(
      `point resource_metadata at ${PRM_FROM_CHALLENGE}`,
    );
  });

  it('reports a server that does not ask for authorization', async () => {
    const network = defaultPair().route(SERVER, json({ jsonrpc: '2.0', id: 1, result: {} }));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(result.challengeStatus).toBe(200);
    expect(result.findings[0]).toMatchObject({ id: 'discovery/not-401', severity: 'warning' });
    expect(result.findings[0]?.message).toContain('does not require authorization');
    // Discovery still reads what the server publishes.
    expect(result.resourceMetadata).toEqual(PRM);
  });

  it('refuses a server URL that is not an absolute http(s) URL without any request', async () => {
    const network = defaultPair();
    for (const bad of [
      'mcp.example.test/mcp',
      'javascript:alert(1)',
      '',
      'https://mcp.example.test/#x',
    ]) {
      const result = await discoverFromServer(bad, { fetch: network.fetch });
      expect(ids(result.findings)).toEqual(['discovery/invalid-server-url']);
      expect(result.attempts).toEqual([]);
    }
    expect(network.seen).toEqual([]);
  });
});

describe('discoverFromServer: the authorization server', () => {
  it('uses a document only when its issuer is the identical string, trying the next URL otherwise', async () => {
    const network = defaultPair()
      .route(AS_OAUTH, json({ ...AS_METADATA, issuer: `${ISSUER}/` }))
      .route(AS_OIDC_INSERTED, status(404))
      .route(AS_OIDC_APPENDED, json(AS_METADATA));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });

    expect(result.authServerMetadataUrl).toBe(AS_OIDC_APPENDED);
    expect(result.attempts[2]).toMatchObject({ url: AS_OAUTH, outcome: 'invalid' });
    expect(result.attempts[2]?.reason).toContain(`Its issuer "${ISSUER}/" is not "${ISSUER}"`);
    // The mismatch no longer blocks discovery, but a client that stops at the first URL fails.
    expect(result.findings).toMatchObject([
      { id: 'discovery/issuer-mismatch', severity: 'warning' },
    ]);
  });

  it('leaves the AS metadata out and names the mismatch when no URL serves the right issuer', async () => {
    const network = defaultPair().route(
      AS_OAUTH,
      json({ ...AS_METADATA, issuer: 'https://evil.example.test' }),
    );
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(result.authServerMetadata).toBeUndefined();
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      id: 'discovery/issuer-mismatch',
      severity: 'error',
      url: AS_OAUTH,
    });
    expect(finding?.message).toContain('"issuer": "https://evil.example.test"');
    expect(finding?.message).toContain(`fetched for the issuer "${ISSUER}"`);
  });

  it('treats a document without an issuer as a mismatch', async () => {
    const { issuer: _issuer, ...withoutIssuer } = AS_METADATA;
    const network = defaultPair().route(AS_OAUTH, json(withoutIssuer));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(result.findings[0]?.message).toContain('has no "issuer" string');
  });

  it('lists every AS URL when none serves metadata', async () => {
    const network = defaultPair().route(AS_OAUTH, status(404));
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(
      result.attempts.filter(({ step }) => step === 'auth-server-metadata').map(({ url }) => url),
    ).toEqual([AS_OAUTH, AS_OIDC_INSERTED, AS_OIDC_APPENDED]);
    expect(ids(result.findings)).toEqual(['discovery/no-auth-server-metadata']);
  });

  it('reads the chosen authorization server, or the first when the choice is not listed', async () => {
    const second = 'https://login.example.test';
    const network = defaultPair()
      .route(PRM_FROM_CHALLENGE, json({ ...PRM, authorization_servers: [ISSUER, second] }))
      .route(
        'https://login.example.test/.well-known/oauth-authorization-server',
        json({ ...AS_METADATA, issuer: second }),
      );

    const chosen = await discoverFromServer(SERVER, {
      fetch: network.fetch,
      chooseAuthorizationServer: (servers) => servers[1],
    });
    expect(chosen.authorizationServers).toEqual([ISSUER, second]);
    expect(chosen.authorizationServer).toBe(second);
    expect(chosen.authServerMetadata).toMatchObject({ issuer: second });

    const unlisted = await discoverFromServer(SERVER, {
      fetch: network.fetch,
      chooseAuthorizationServer: () => 'https://not-listed.example.test',
    });
    expect(unlisted.authorizationServer).toBe(ISSUER);

    const throwing = await discoverFromServer(SERVER, {
      fetch: network.fetch,
      chooseAuthorizationServer: () => {
        throw new Error('picker broke');
      },
    });
    expect(throwing.authorizationServer).toBe(ISSUER);
  });

  it('stops after the PRM when it lists no usable authorization server', async () => {
    const network = defaultPair().route(
      PRM_FROM_CHALLENGE,
      json({ ...PRM, authorization_servers: [42, null] }),
    );
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(result.authorizationServers).toEqual([]);
    expect(ids(result.findings)).toEqual(['discovery/no-authorization-servers']);
    expect(network.seen).toHaveLength(2);
  });

  it('names an authorization server that is not an http(s) URL', async () => {
    const network = defaultPair().route(
      PRM_FROM_CHALLENGE,
      json({ ...PRM, authorization_servers: ['javascript:alert(1)'] }),
    );
    const result = await discoverFromServer(SERVER, { fetch: network.fetch });
    expect(ids(result.findings)).toEqual(['discovery/unusable-issuer']);
    expect(network.seen).toHaveLength(2);
  });
});
