import { describe, expect, it } from 'vitest';
import {
  exchangeLane,
  sequenceArrows,
  type HttpExchange,
  type SequenceParties,
} from '../../src/index.ts';

// The testbed's default pair: one origin for the MCP server and the authorization server, told
// apart by path, as on many single-gateway deployments.
const TESTBED = 'http://localhost:4000';
const TESTBED_PARTIES: SequenceParties = {
  serverUrl: `${TESTBED}/mcp`,
  wwwAuthenticate: `Bearer resource_metadata="${TESTBED}/.well-known/oauth-protected-resource/mcp", scope="mcp:read"`,
  resourceMetadataUrl: `${TESTBED}/.well-known/oauth-protected-resource/mcp`,
  authServers: [
    {
      issuer: `${TESTBED}/as/default`,
      metadataUrl: `${TESTBED}/.well-known/oauth-authorization-server/as/default`,
      metadata: {
        issuer: `${TESTBED}/as/default`,
        authorization_endpoint: `${TESTBED}/as/default/auth`,
        token_endpoint: `${TESTBED}/as/default/token`,
        registration_endpoint: `${TESTBED}/as/default/reg`,
        jwks_uri: `${TESTBED}/as/default/jwks`,
      },
    },
  ],
  clientOrigin: 'http://localhost:5173',
};

let counter = 0;
function exchange(
  method: string,
  url: string,
  result: Partial<Pick<HttpExchange, 'response' | 'failure' | 'kind'>> = {},
): HttpExchange {
  counter += 1;
  return {
    id: `x${counter}`,
    step: 'probe',
    kind: result.kind ?? 'fetch',
    startedAt: counter,
    request: { method, url, headers: [] },
    ...(result.response ? { response: result.response } : {}),
    ...(result.failure ? { failure: result.failure } : {}),
  };
}

const status = (code: number, headers: [string, string][] = []) => ({
  response: { status: code, statusText: '', headers },
});

describe('exchangeLane', () => {
  it.each([
    [`${TESTBED}/mcp`, 'mcp-server'],
    [`${TESTBED}/mcp?session=1`, 'mcp-server'],
    [`${TESTBED}/.well-known/oauth-protected-resource/mcp`, 'mcp-server'],
    [`${TESTBED}/.well-known/oauth-protected-resource`, 'mcp-server'],
    [`${TESTBED}/.well-known/oauth-authorization-server/as/default`, 'authorization-server'],
    [`${TESTBED}/.well-known/openid-configuration/as/default`, 'authorization-server'],
    [`${TESTBED}/as/default/.well-known/openid-configuration`, 'authorization-server'],
    [`${TESTBED}/as/default/auth?client_id=playground&state=s`, 'authorization-server'],
    [`${TESTBED}/as/default/token`, 'authorization-server'],
    [`${TESTBED}/as/default/interaction/abc`, 'authorization-server'],
    ['http://localhost:5173/callback?code=c&state=s', 'client'],
    [`${TESTBED}/health`, 'mcp-server'],
    ['https://elsewhere.example/doc', undefined],
    ['not a url', undefined],
  ] as const)('%s belongs to %s', (url, lane) => {
    expect(exchangeLane(url, TESTBED_PARTIES)).toBe(lane);
  });

  it('does not take a sibling path for the issuer’s own (/as/default-2 is not under /as/default)', () => {
    expect(exchangeLane(`${TESTBED}/as/default-2/token`, TESTBED_PARTIES)).toBe('mcp-server');
  });

  it('finds an endpoint the metadata puts on another host', () => {
    const parties: SequenceParties = {
      serverUrl: 'https://mcp.example.com/mcp',
      authServers: [
        {
          issuer: 'https://auth.example.com',
          metadata: { token_endpoint: 'https://tokens.example.net/oauth/token', issuer: 7 },
        },
      ],
    };
    expect(exchangeLane('https://tokens.example.net/oauth/token', parties)).toBe(
      'authorization-server',
    );
    expect(exchangeLane('https://auth.example.com/authorize', parties)).toBe(
      'authorization-server',
    );
    expect(exchangeLane('https://mcp.example.com/other', parties)).toBe('mcp-server');
  });

  it('reads hostile metadata without trusting its shape', () => {
    const parties: SequenceParties = {
      authServers: [
        { issuer: 'not a url', metadata: JSON.parse('{"__proto__": {"token_endpoint": 1}}') },
        { issuer: 'https://auth.example.com', metadata: ['token_endpoint'] },
      ],
    };
    expect(exchangeLane('https://auth.example.com/token', parties)).toBe('authorization-server');
    expect(exchangeLane('https://mcp.example.com/mcp', {})).toBeUndefined();
  });
});

describe('sequenceArrows', () => {
  it('draws the main flow against the testbed, one arrow per exchange in the log’s order', () => {
    const log = [
      exchange(
        'POST',
        `${TESTBED}/mcp`,
        status(401, [['www-authenticate', 'Bearer scope="mcp:read"']]),
      ),
      exchange('GET', `${TESTBED}/.well-known/oauth-protected-resource/mcp`, status(200)),
      exchange('GET', `${TESTBED}/.well-known/oauth-authorization-server/as/default`, status(200)),
      exchange('GET', `${TESTBED}/as/default/auth?scope=mcp%3Aread&state=s`, {
        kind: 'navigation',
      }),
      exchange('GET', 'http://localhost:5173/callback?code=secret&state=s', { kind: 'navigation' }),
      exchange('POST', `${TESTBED}/as/default/token`, status(200)),
      exchange('POST', `${TESTBED}/mcp`, status(200)),
      exchange(
        'POST',
        `${TESTBED}/mcp`,
        status(403, [['WWW-Authenticate', 'Bearer error="insufficient_scope"']]),
      ),
    ];
    const arrows = sequenceArrows(log, TESTBED_PARTIES);
    expect(
      arrows.map((arrow) => [
        arrow.from,
        arrow.to,
        arrow.method,
        arrow.path,
        arrow.status,
        arrow.outcome,
      ]),
    ).toEqual([
      ['client', 'mcp-server', 'POST', '/mcp', '401', 'challenge'],
      ['client', 'mcp-server', 'GET', '/.well-known/oauth-protected-resource/mcp', '200', 'ok'],
      [
        'client',
        'authorization-server',
        'GET',
        '/.well-known/oauth-authorization-server/as/default',
        '200',
        'ok',
      ],
      ['client', 'authorization-server', 'GET', '/as/default/auth', 'navigation', 'navigation'],
      ['authorization-server', 'client', 'GET', '/callback', 'navigation', 'navigation'],
      ['client', 'authorization-server', 'POST', '/as/default/token', '200', 'ok'],
      ['client', 'mcp-server', 'POST', '/mcp', '200', 'ok'],
      ['client', 'mcp-server', 'POST', '/mcp', '403', 'challenge'],
    ]);
    expect(arrows.map((arrow) => arrow.id)).toEqual(log.map((entry) => entry.id));
    // The path never carries the query: a callback's code stays out of the picture.
    expect(JSON.stringify(arrows)).not.toContain('secret');
  });

  it('marks failures and error statuses as errors, and a 401 without a Bearer challenge too', () => {
    const arrows = sequenceArrows(
      [
        exchange('GET', `${TESTBED}/.well-known/oauth-protected-resource`, status(404)),
        exchange('POST', `${TESTBED}/as/default/token`, status(400)),
        exchange('POST', `${TESTBED}/mcp`, status(401)),
        exchange(
          'POST',
          `${TESTBED}/as/default/token`,
          status(401, [['www-authenticate', 'Bearer']]),
        ),
        exchange('GET', `${TESTBED}/as/default/jwks`, {
          failure: { kind: 'cors', message: 'blocked' },
        }),
        exchange('GET', `${TESTBED}/mcp`),
        exchange('GET', `${TESTBED}/mcp`, status(0)),
      ],
      TESTBED_PARTIES,
    );
    expect(arrows.map((arrow) => [arrow.status, arrow.outcome])).toEqual([
      ['404', 'error'],
      ['400', 'error'],
      ['401', 'error'],
      ['401', 'error'],
      ['CORS', 'error'],
      ['…', 'pending'],
      ['opaque', 'ok'],
    ]);
  });

  it('keeps a request to an unknown party on the client’s lane, naming its host', () => {
    const [arrow] = sequenceArrows(
      [exchange('GET', 'https://cimd.example.org/client.json?x=1', status(200))],
      TESTBED_PARTIES,
    );
    expect(arrow).toMatchObject({
      from: 'client',
      to: 'client',
      path: 'cimd.example.org/client.json',
      unknownParty: true,
    });
  });
});
