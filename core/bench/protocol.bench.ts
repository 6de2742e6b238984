import {
  opsPerSecond,
  percentile,
  sampleDurations,
  sampleDurationsAsync,
  type BenchSuite,
} from '../../bench/suite.ts';
import { decodeScenario, encodeScenario, parseWwwAuthenticate } from '../src/index.ts';
import type { Scenario } from '../src/index.ts';

/** Ten challenges of the kinds a real 401 carries: parameters, escapes, token68. */
const TEN_CHALLENGES = [
  'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read files:write"',
  'Bearer error="insufficient_scope", scope="files:write", error_description="File write permission \\"required\\""',
  'DPoP algs="ES256 PS256", realm="mcp"',
  'Basic realm="simple", charset=UTF-8',
  'Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg==',
  'Newauth realm="apps", type=1, title="Login to \\"apps\\""',
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  'HOBA max-age="180", challenge="16:MTEyMzEyMzEyMw==1:028:https://www.example.com:8080:3:MTI48:NjgxNDdjOTctNDYxYi00MzEwLWJlOWItNGM3MDcyMzdhYjUz"',
  'Mutual realm="login", vkey="abcdef", version=1',
  'Bearer realm="fallback"',
].join(', ');

/** About 1 MB of challenges: a hostile header must cost linear time, not more. */
const ONE_MEGABYTE_HEADER = Array.from(
  { length: 8000 },
  (_, i) =>
    `Bearer realm="r${i}", scope="a b \\"c\\"", error=invalid_token, x${i}=${'y'.repeat(60)}`,
).join(', ');

const TYPICAL: Scenario = {
  serverUrl: 'https://mcp.example.com/mcp',
  wwwAuthenticate:
    'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="files:read"',
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
    registration_endpoint: 'https://auth.example.com/register',
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'offline_access', 'files:read', 'files:write'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic'],
    authorization_response_iss_parameter_supported: true,
  },
  clientMetadata: {
    client_name: 'MCP Auth Playground',
    redirect_uris: ['http://localhost:5173/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  },
  profile: 'mcp-2026-07-28',
};

export const protocolSuite: BenchSuite = {
  name: 'protocol',
  async run() {
    if (parseWwwAuthenticate(TEN_CHALLENGES).length !== 10) {
      throw new Error('The benchmark header no longer parses into 10 challenges.');
    }
    const parseOps = opsPerSecond(() => parseWwwAuthenticate(TEN_CHALLENGES));
    const hostile = sampleDurations(() => parseWwwAuthenticate(ONE_MEGABYTE_HEADER), {
      minMs: 1000,
      minRuns: 10,
    });
    const link = await encodeScenario(TYPICAL);
    const encode = await sampleDurationsAsync(() => encodeScenario(TYPICAL));
    const decode = await sampleDurationsAsync(() => decodeScenario(link));
    return [
      {
        figure: 'parseWwwAuthenticate, 10-challenge header',
        value: parseOps,
        unit: 'ops/s',
        target: { above: 20_000 },
      },
      {
        figure: `parseWwwAuthenticate, ${Math.round(ONE_MEGABYTE_HEADER.length / 1024)} KB header (median)`,
        value: percentile(hostile, 50),
        unit: 'ms',
        target: { below: 200 },
      },
      {
        figure: `encodeScenario, typical scenario (median; ${link.length}-character link)`,
        value: percentile(encode, 50),
        unit: 'ms',
        target: { below: 5 },
      },
      {
        figure: 'decodeScenario, typical scenario (median)',
        value: percentile(decode, 50),
        unit: 'ms',
        target: { below: 5 },
      },
    ];
  },
};
