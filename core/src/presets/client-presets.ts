import {
  authServerMetadata,
  bearerChallenge,
  clientMetadata,
  resourceMetadata,
  SERVER_URL,
  type Preset,
} from './preset.ts';

// One preset per real client, each opening on that client's profile with the configuration that
// shows what it does differently from the spec. core/test/client-preset-claims.ts checks every
// explanation against the decisions.

const vscodeEveryAuthServerScope: Preset = {
  id: 'vscode-every-as-scope',
  title: 'VS Code asks for every AS scope',
  explanation:
    'The Protected Resource Metadata has no scopes_supported and the challenge names no scope, so VS Code falls back to every scope the authorization server lists, admin included. The spec would send no scope at all, and the findings name every client that over-asks like this.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata(),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['openid', 'files:read', 'files:write', 'admin'],
    }),
    clientMetadata: clientMetadata(),
    profile: 'vscode',
  },
};

const rustSdkUnion: Preset = {
  id: 'rust-sdk-union',
  title: 'Rust SDK unions challenge and PRM',
  explanation:
    'The challenge asks for files:read, but rmcp adds every scope of the Protected Resource Metadata to it and then offline_access, which the authorization server lists. The spec requests files:read alone, plus offline_access for a client that wants refresh tokens.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge('scope="files:read"'),
    resourceMetadata: resourceMetadata({
      scopes_supported: ['files:read', 'files:write', 'admin'],
    }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'admin', 'offline_access'],
    }),
    clientMetadata: clientMetadata(),
    profile: 'rust-sdk',
  },
};

const goSdkUnorderedUnion: Preset = {
  id: 'go-sdk-unordered-union',
  title: 'Go SDK keeps old scopes, in any order',
  explanation:
    'On this 401 the Go SDK adds the files:read it was granted before to the challenge’s files:write, collecting both in a Go map. The order of the scope parameter then changes from run to run, so the server must compare scopes as a set.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge('scope="files:write"'),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read', 'files:write'] }),
    authServerMetadata: authServerMetadata({ scopes_supported: ['files:read', 'files:write'] }),
    clientMetadata: clientMetadata(),
    previousScope: 'files:read',
    profile: 'go-sdk',
  },
};

const csharpOfflineAccessAlone: Preset = {
  id: 'csharp-offline-access-alone',
  title: 'C# SDK requests offline_access alone',
  explanation:
    'The Protected Resource Metadata lists no scopes and the challenge names none, so the C# SDK has nothing to request, yet it appends offline_access because the authorization server offers it. It sends scope=offline_access alone, a refresh token without any MCP scope, where the spec sends no scope.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: [] }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'offline_access'],
    }),
    clientMetadata: clientMetadata(),
    profile: 'csharp-sdk',
  },
};

const springRegisteredScope: Preset = {
  id: 'spring-registered-scope',
  title: 'Spring keeps its registered scope',
  explanation:
    'This client registered earlier with files:read, so on a new 401 Spring AI mcp-security re-authorizes with that scope and ignores the challenge’s files:write. It never adds offline_access either, although the authorization server offers it and the client asks for refresh tokens.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge('scope="files:write"'),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read', 'files:write'] }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'offline_access'],
    }),
    clientMetadata: clientMetadata(),
    previousScope: 'files:read',
    profile: 'spring-ai-mcp-security',
  },
};

const fastmcpScopesOverwritten: Preset = {
  id: 'fastmcp-scopes-overwritten',
  title: 'FastMCP overwrites your scopes',
  explanation:
    'FastMCP stores the scopes you configured in its client metadata, but the Python SDK replaces them with the Protected Resource Metadata’s files:read. It also registers the refresh_token grant whatever you set, so offline_access and prompt=consent follow.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read'] }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'offline_access'],
    }),
    clientMetadata: clientMetadata({
      scope: 'files:read files:write',
      grant_types: ['authorization_code'],
    }),
    profile: 'fastmcp',
  },
};

const mcpRemoteOpenidFallback: Preset = {
  id: 'mcp-remote-openid-fallback',
  title: 'mcp-remote falls back to openid email profile',
  explanation:
    'No document names a scope and the challenge has none, so mcp-remote falls back to openid email profile. An authorization server that is not an OpenID provider answers invalid_scope, where the spec would have sent no scope.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge(),
    resourceMetadata: resourceMetadata(),
    authServerMetadata: authServerMetadata(),
    clientMetadata: clientMetadata(),
    profile: 'mcp-remote',
  },
};

const codexIgnoresChallenge: Preset = {
  id: 'codex-ignores-challenge',
  title: 'Codex ignores the challenge',
  explanation:
    'Codex never reads the challenge: its login asks for every scope the authorization server lists, admin included. The spec requests only the challenge’s files:read.',
  scenario: {
    serverUrl: SERVER_URL,
    wwwAuthenticate: bearerChallenge('scope="files:read"'),
    resourceMetadata: resourceMetadata({ scopes_supported: ['files:read'] }),
    authServerMetadata: authServerMetadata({
      scopes_supported: ['files:read', 'files:write', 'admin'],
    }),
    clientMetadata: clientMetadata(),
    profile: 'codex',
  },
};

/** Presets that show each real client's characteristic behaviour, SDKs then applications. */
export const CLIENT_PRESETS: readonly Preset[] = [
  rustSdkUnion,
  goSdkUnorderedUnion,
  csharpOfflineAccessAlone,
  springRegisteredScope,
  fastmcpScopesOverwritten,
  vscodeEveryAuthServerScope,
  mcpRemoteOpenidFallback,
  codexIgnoresChallenge,
];
