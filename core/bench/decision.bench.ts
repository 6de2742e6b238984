import { opsPerSecond, percentile, sampleDurations, type BenchSuite } from '../../bench/suite.ts';
import { sharingWork } from '../src/text/shared-work.ts';
import {
  determineScope,
  evaluateScenario,
  findProfile,
  type Profile,
  type Scenario,
  type ScopeInput,
} from '../src/index.ts';
import { realServerResults } from './real-servers.bench.ts';

/** The five profiles the decision engine started with; later profiles are timed with them in evaluateScenario. */
const FIRST_FIVE = (
  [
    'mcp-2026-07-28',
    'mcp-2025-11-25',
    'typescript-sdk-2',
    'typescript-sdk-1',
    'python-sdk',
  ] as const
).map((id) => findProfile(id) as Profile);

const PRM_URL = 'https://mcp.example.com/.well-known/oauth-protected-resource/mcp';

/** The configuration most servers have: a challenge with a scope and three small documents. */
const TYPICAL: Scenario = {
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
    registration_endpoint: 'https://auth.example.com/register',
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'files:read', 'files:write', 'offline_access'],
    client_id_metadata_document_supported: true,
  },
  clientMetadata: {
    client_id: 'https://app.example.com/oauth/client.json',
    client_name: 'Example MCP Client',
    redirect_uris: ['http://127.0.0.1:3000/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  },
};

/**
 * A protected resource metadata document of at least 1 MiB of JSON, all in `scopes_supported`:
 * the field every profile reads, so the whole document is on the decision's path. No challenge
 * scope, so every profile falls through to it.
 */
function oneMegabyteScenario(): Scenario {
  const scopes: string[] = [];
  let size = 2;
  for (let index = 0; size < 1024 * 1024; index++) {
    const scope = `files:${index.toString(36)}:read`;
    scopes.push(scope);
    size += scope.length + 3;
  }
  return {
    ...TYPICAL,
    wwwAuthenticate: `Bearer resource_metadata="${PRM_URL}"`,
    resourceMetadata: { ...(TYPICAL.resourceMetadata as object), scopes_supported: scopes },
  };
}

function inputOf(scenario: Scenario, scope: string | undefined): ScopeInput {
  return {
    challengeScope: scope,
    resourceMetadata: scenario.resourceMetadata,
    authServerMetadata: scenario.authServerMetadata,
    clientMetadata: scenario.clientMetadata,
  };
}

export const decisionSuite: BenchSuite = {
  name: 'decision',
  run() {
    const large = oneMegabyteScenario();
    const typicalInput = inputOf(TYPICAL, 'files:read');
    const largeInput = inputOf(large, undefined);
    const results = [
      {
        figure: 'determineScope, typical input (ops/s)',
        value: opsPerSecond(() => determineScope(typicalInput)),
        unit: 'ops/s',
      },
      {
        figure: 'evaluateScenario, typical scenario (median)',
        value: percentile(
          sampleDurations(() => evaluateScenario(TYPICAL)),
          50,
        ),
        unit: 'ms',
        target: { below: 0.05 },
      },
      {
        figure: 'determineScope, 1 MB PRM (ops/s)',
        value: opsPerSecond(() => determineScope(largeInput), { minMs: 2000 }),
        unit: 'ops/s',
      },
      {
        // Where the 1 MB time goes: the five original profiles alone, sharing their reads.
        figure: 'the first five profiles, 1 MB PRM (median)',
        value: percentile(
          sampleDurations(
            () => sharingWork(() => FIRST_FIVE.map((profile) => profile.decide(largeInput))),
            { minMs: 2000, minRuns: 20 },
          ),
          50,
        ),
        unit: 'ms',
      },
      {
        figure: 'evaluateScenario, 1 MB PRM (median)',
        value: percentile(
          sampleDurations(() => evaluateScenario(large), { minMs: 3000, minRuns: 20 }),
          50,
        ),
        unit: 'ms',
        target: { below: 50 },
      },
      ...realServerResults(),
    ];
    return Promise.resolve(results);
  },
};
