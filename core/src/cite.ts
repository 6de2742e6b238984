/**
 * Every spec section the playground cites, defined once. Decision steps and findings refer to
 * these entries by key so a URL is never retyped.
 */
export interface Cite {
  readonly title: string;
  readonly url: string;
}

const MCP_2025 = 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization';
const MCP_2026 = 'https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization';

export const CITES = {
  scopeSelection: {
    title: 'MCP 2026-07-28 Authorization: Scope Selection Strategy',
    url: `${MCP_2026}#scope-selection-strategy`,
  },
  scopeSelection2025: {
    title: 'MCP 2025-11-25 Authorization: Scope Selection Strategy',
    url: `${MCP_2025}#scope-selection-strategy`,
  },
  stepUp: {
    title: 'MCP 2026-07-28 Authorization: Step-Up Authorization Flow',
    url: `${MCP_2026}#step-up-authorization-flow`,
  },
  stepUp2025: {
    title: 'MCP 2025-11-25 Authorization: Step-Up Authorization Flow',
    url: `${MCP_2025}#step-up-authorization-flow`,
  },
  refreshTokens: {
    title: 'MCP 2026-07-28 Authorization: Refresh Tokens (SEP-2207)',
    url: `${MCP_2026}#refresh-tokens`,
  },
  authServerDiscovery: {
    title: 'MCP 2026-07-28: Authorization Server Discovery',
    url: `${MCP_2026}/authorization-server-discovery`,
  },
  clientRegistration: {
    title: 'MCP 2026-07-28: Client Registration',
    url: `${MCP_2026}/client-registration`,
  },
  authorizationResponse: {
    title: 'MCP 2026-07-28 Authorization: Authorization Response Validation',
    url: `${MCP_2026}#authorization-response-validation`,
  },
  canonicalServerUri: {
    title: 'MCP 2026-07-28 Authorization: Canonical Server URI',
    url: `${MCP_2026}#canonical-server-uri`,
  },
  flowSteps: {
    title: 'MCP 2026-07-28 Authorization: Authorization Flow Steps',
    url: `${MCP_2026}#authorization-flow-steps`,
  },
  securityConsiderations: {
    title: 'MCP 2026-07-28: Authorization Security Considerations',
    url: `${MCP_2026}/security-considerations`,
  },
  authorizationCodeProtection: {
    title: 'MCP 2026-07-28 Security Considerations: Authorization Code Protection (PKCE)',
    url: `${MCP_2026}/security-considerations#authorization-code-protection`,
  },
  communicationSecurity: {
    title: 'MCP 2026-07-28 Security Considerations: Communication Security',
    url: `${MCP_2026}/security-considerations#communication-security`,
  },
  authServerMetadataFields: {
    title: 'RFC 8414 §2: Authorization Server Metadata',
    url: 'https://www.rfc-editor.org/rfc/rfc8414.html#section-2',
  },
  authServerLocation: {
    title: 'MCP 2026-07-28: Authorization Server Location',
    url: `${MCP_2026}/authorization-server-discovery#authorization-server-location`,
  },
  runtimeInsufficientScope: {
    title: 'MCP 2026-07-28 Authorization: Runtime Insufficient Scope Errors',
    url: `${MCP_2026}#runtime-insufficient-scope-errors`,
  },
  clientIdMetadataDocuments: {
    title: 'MCP 2026-07-28 Client Registration: Client ID Metadata Documents',
    url: `${MCP_2026}/client-registration#client-id-metadata-documents`,
  },
  applicationType: {
    title: 'MCP 2026-07-28 Client Registration: Application Type and Redirect URI Constraints',
    url: `${MCP_2026}/client-registration#application-type-and-redirect-uri-constraints`,
  },
  protectedResourceMetadataFields: {
    title: 'RFC 9728 §2: Protected Resource Metadata',
    url: 'https://www.rfc-editor.org/rfc/rfc9728.html#section-2',
  },
  protectedResourceMetadataValidation: {
    title: 'RFC 9728 §3.3: Protected Resource Metadata Validation',
    url: 'https://www.rfc-editor.org/rfc/rfc9728.html#section-3.3',
  },
  scopeSyntax: {
    title: 'RFC 6749 §3.3: Access Token Scope',
    url: 'https://www.rfc-editor.org/rfc/rfc6749.html#section-3.3',
  },
  jsonSyntax: {
    title: 'RFC 8259: The JavaScript Object Notation (JSON) Data Interchange Format',
    url: 'https://www.rfc-editor.org/rfc/rfc8259.html',
  },
  tokenRequirements: {
    title: 'MCP 2026-07-28 Authorization: Token Requirements',
    url: `${MCP_2026}#token-requirements`,
  },
  oidcOfflineAccess: {
    title: 'OpenID Connect Core 1.0 §11: Offline Access',
    url: 'https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess',
  },
  protectedResourceMetadata: {
    title: 'RFC 9728: OAuth 2.0 Protected Resource Metadata',
    url: 'https://www.rfc-editor.org/rfc/rfc9728.html',
  },
  authServerMetadata: {
    title: 'RFC 8414: OAuth 2.0 Authorization Server Metadata',
    url: 'https://www.rfc-editor.org/rfc/rfc8414.html',
  },
  clientMetadata: {
    title: 'RFC 7591 §2: Client Metadata',
    url: 'https://www.rfc-editor.org/rfc/rfc7591.html#section-2',
  },
  wwwAuthenticate: {
    title: 'RFC 9110 §11.6.1: WWW-Authenticate',
    url: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-11.6.1',
  },
  bearerChallenge: {
    title: 'RFC 6750 §3: The WWW-Authenticate Response Header Field',
    url: 'https://www.rfc-editor.org/rfc/rfc6750.html#section-3',
  },
  pkce: {
    title: 'RFC 7636: Proof Key for Code Exchange',
    url: 'https://www.rfc-editor.org/rfc/rfc7636.html',
  },
  resourceIndicators: {
    title: 'RFC 8707: Resource Indicators for OAuth 2.0',
    url: 'https://www.rfc-editor.org/rfc/rfc8707.html',
  },
  issParameter: {
    title: 'RFC 9207: OAuth 2.0 Authorization Server Issuer Identification',
    url: 'https://www.rfc-editor.org/rfc/rfc9207.html',
  },
  prmDiscovery: {
    title: 'MCP 2026-07-28: Protected Resource Metadata Discovery Requirements',
    url: `${MCP_2026}/authorization-server-discovery#protected-resource-metadata-discovery-requirements`,
  },
  prmWellKnown: {
    title: 'RFC 9728 §3.1: Protected Resource Metadata Request',
    url: 'https://www.rfc-editor.org/rfc/rfc9728.html#section-3.1',
  },
  prmChallenge: {
    title: 'RFC 9728 §5.1: WWW-Authenticate Response',
    url: 'https://www.rfc-editor.org/rfc/rfc9728.html#section-5.1',
  },
  authServerWellKnown: {
    title: 'RFC 8414 §3.1: Authorization Server Metadata Request',
    url: 'https://www.rfc-editor.org/rfc/rfc8414.html#section-3.1',
  },
  authServerCompatibility: {
    title: 'RFC 8414 §5: Compatibility Notes',
    url: 'https://www.rfc-editor.org/rfc/rfc8414.html#section-5',
  },
  oidcDiscovery: {
    title: 'OpenID Connect Discovery 1.0 §4: Obtaining OpenID Provider Configuration Information',
    url: 'https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig',
  },
  corsProtocol: {
    title: 'Fetch Standard §3.2: CORS protocol',
    url: 'https://fetch.spec.whatwg.org/#http-cors-protocol',
  },
  authorizationRequest: {
    title: 'RFC 6749 §4.1.1: Authorization Request',
    url: 'https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.1',
  },
  redirectionEndpoint: {
    title: 'RFC 6749 §3.1.2: Redirection Endpoint',
    url: 'https://www.rfc-editor.org/rfc/rfc6749.html#section-3.1.2',
  },
  issValidation: {
    title: 'RFC 9207 §2.4: Validating the Issuer Identifier',
    url: 'https://www.rfc-editor.org/rfc/rfc9207.html#section-2.4',
  },
  authorizationResponse6749: {
    title: 'RFC 6749 §4.1.2: Authorization Response',
    url: 'https://www.rfc-editor.org/rfc/rfc6749.html#section-4.1.2',
  },
} as const satisfies Record<string, Cite>;

export type CiteKey = keyof typeof CITES;
