import {
  bearerChallenge,
  clientMetadata,
  resourceMetadata,
  SERVER_URL,
  type Preset,
  type Provenance,
} from './preset.ts';
import { publishedValue, type PublishedDocument } from './real-world/published-document.ts';
import {
  auth0Docker,
  entraIdCommonV2,
  gitlabCom,
  googleAccounts,
  googleComputeMcp,
  paypal,
  slack,
} from './real-world/published.ts';

// One preset per real configuration in the shared real-world folder. Each holds the published
// document unchanged; what the capture lacks comes from the playground's own example parties,
// and the provenance says which is which. core/test/presets/real-servers.test.ts checks every
// explanation and server-owner sentence against evaluateScenario.

/** The example PRM scope every AS-only preset uses, as the playground's default preset does. */
const EXAMPLE_SCOPE = 'files:read';

const EXAMPLE_SERVER_DEFAULTS: Provenance['defaults'] = [
  { part: 'serverUrl', note: 'The playground’s example MCP server; the capture names none.' },
  {
    part: 'wwwAuthenticate',
    note: 'The playground’s 401 challenge, naming the example PRM and no scope.',
  },
  {
    part: 'resourceMetadata',
    note: `The playground’s example PRM: it names the published issuer as its authorization server and asks for one example scope, ${EXAMPLE_SCOPE}.`,
  },
];

const EXAMPLE_CLIENT_DEFAULT: Provenance['defaults'][number] = {
  part: 'clientMetadata',
  note: 'The playground’s example public client, registered for the refresh_token grant.',
};

/** A preset on a published authorization server, with the playground's server, PRM and client. */
function authServerPreset(
  fields: Pick<Preset, 'id' | 'title' | 'explanation'>,
  document: PublishedDocument,
  serverOwner: string,
): Preset {
  const authServerMetadata = publishedValue(document);
  return {
    ...fields,
    scenario: {
      serverUrl: SERVER_URL,
      wwwAuthenticate: bearerChallenge(),
      resourceMetadata: resourceMetadata({
        authorization_servers: [authServerMetadata.issuer],
        scopes_supported: [EXAMPLE_SCOPE],
      }),
      authServerMetadata,
      clientMetadata: clientMetadata(),
    },
    provenance: {
      published: [{ part: 'authServerMetadata', document }],
      defaults: [...EXAMPLE_SERVER_DEFAULTS, EXAMPLE_CLIENT_DEFAULT],
      serverOwner,
    },
  };
}

const entraId = authServerPreset(
  {
    id: 'real-entra-id',
    title: 'Microsoft Entra ID',
    explanation:
      'Entra ID’s published configuration has no code_challenge_methods_supported, so a client cannot learn that it may use PKCE with S256, and a client following the MCP spec stops before it sends any authorization request. Nor does it offer a registration_endpoint or Client ID Metadata Documents, so every MCP client must be registered with it by hand.',
  },
  entraIdCommonV2,
  'List S256 in code_challenge_methods_supported and every modelled client goes ahead; a client cannot repair this on its own without departing from the spec.',
);

const googleResource = publishedValue(googleComputeMcp);

const googleCompute: Preset = {
  id: 'real-google-compute-mcp',
  title: 'Google Compute MCP server',
  explanation:
    'The Compute MCP server’s PRM names its authorization server https://accounts.google.com/ with a trailing slash, while Google’s metadata states the issuer without one, and a client compares the two exactly, so it must not use that metadata. Google lists no scopes_supported, so no client adds offline_access, and every client asks for the PRM’s one scope, which is a URL.',
  scenario: {
    serverUrl: googleResource.resource as string,
    wwwAuthenticate: `Bearer resource_metadata="${googleComputeMcp.fetchedFrom}"`,
    resourceMetadata: googleResource,
    authServerMetadata: publishedValue(googleAccounts),
    clientMetadata: clientMetadata(),
  },
  provenance: {
    published: [
      { part: 'resourceMetadata', document: googleComputeMcp },
      { part: 'authServerMetadata', document: googleAccounts },
    ],
    defaults: [
      {
        part: 'serverUrl',
        note: 'The resource the published PRM names.',
      },
      {
        part: 'wwwAuthenticate',
        note: 'The playground’s 401 challenge, naming the address the PRM was fetched from and no scope; the capture kept no challenge.',
      },
      EXAMPLE_CLIENT_DEFAULT,
    ],
    serverOwner:
      'Name the authorization server in the PRM exactly as the issuer reads, https://accounts.google.com, and the mismatch is gone.',
  },
};

const auth0 = authServerPreset(
  {
    id: 'real-auth0-docker',
    title: 'Auth0 (Docker’s tenant)',
    explanation:
      'Docker’s Auth0 tenant lists offline_access and S256 and has a registration_endpoint, so a spec client that registered the refresh_token grant can register itself and asks for files:read offline_access. Its issuer ends with a slash, which a PRM must copy exactly, and it offers plain beside S256, a method MCP clients never send.',
  },
  auth0Docker,
  'Nothing blocks a client here; the server owner only has to keep the PRM’s authorization_servers entry identical to the issuer, trailing slash included.',
);

const gitlab = authServerPreset(
  {
    id: 'real-gitlab',
    title: 'GitLab.com',
    explanation:
      'GitLab’s long scopes_supported has no offline_access, so no client appends it, even one registered for the refresh_token grant. Delete scopes_supported from the PRM and VS Code and the Python SDK ask for all twenty GitLab scopes, sudo and admin_mode among them.',
  },
  gitlabCom,
  'Keep scopes_supported in the PRM, with the least your MCP server needs, so clients never fall back to every scope GitLab lists.',
);

const payPal = authServerPreset(
  {
    id: 'real-paypal',
    title: 'PayPal',
    explanation:
      'PayPal’s code_challenge_methods_supported mixes the signature algorithms RS256 and ES256 in with S256, but S256 is there, so every client passes the PKCE check. Its scopes are OpenID claims and PayPal service URLs without offline_access, so the PRM’s scope goes out alone.',
  },
  paypal,
  'List only PKCE methods, here S256, in code_challenge_methods_supported; the signature algorithms belong in fields of their own.',
);

const slackOidc = authServerPreset(
  {
    id: 'real-slack',
    title: 'Slack',
    explanation:
      'Slack publishes no code_challenge_methods_supported either, so as with Entra ID a client following the MCP spec stops before the authorization request. It lists only the authorization_code grant and no offline_access, so no client asks for a refresh token.',
  },
  slack,
  'List S256 in code_challenge_methods_supported and every modelled client goes ahead.',
);

/** The presets built from real published documents, in the menu's order. */
export const REAL_SERVER_PRESETS: readonly Preset[] = [
  entraId,
  googleCompute,
  auth0,
  gitlab,
  payPal,
  slackOidc,
];
