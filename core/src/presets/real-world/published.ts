import type { PublishedDocument } from './published-document.ts';

// Copied from the project's shared real-world folder (its README and each file's `source`), so the
// build needs nothing outside this repository. `raw` is the document text exactly as the record
// quotes it; core/test/presets/real-servers.test.ts checks each one against the record's SHA-256
// and against the shared copy. Do not edit a document here: a changed one is no longer published.

export const entraIdCommonV2: PublishedDocument = {
  file: 'as-entra-id-common-v2.json',
  kind: 'as',
  service: 'Microsoft Entra ID',
  name: 'Microsoft Entra ID v2.0 (common) OpenID configuration',
  fetchedFrom: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  capturedOn: '2024-10-26',
  capturedBy: 'record-changed',
  record: {
    repository: 'panva/wellknown',
    path: 'issuers/entra-common/entra-common.mjs',
    commit: 'e88dd5e2d1c5cf40ee6358147c7b1117c4049a50',
    url: 'https://github.com/panva/wellknown/blob/e88dd5e2d1c5cf40ee6358147c7b1117c4049a50/issuers/entra-common/entra-common.mjs',
  },
  sha256: '30be1744835c35c36e23a9c0550b16193c254dd6038780c0990be9547f375f9f',
  raw: '{\n  "token_endpoint": "https://login.microsoftonline.com/common/oauth2/v2.0/token",\n  "token_endpoint_auth_methods_supported": [\n    "client_secret_post",\n    "private_key_jwt",\n    "client_secret_basic"\n  ],\n  "jwks_uri": "https://login.microsoftonline.com/common/discovery/v2.0/keys",\n  "response_modes_supported": [\n    "query",\n    "fragment",\n    "form_post"\n  ],\n  "subject_types_supported": [\n    "pairwise"\n  ],\n  "id_token_signing_alg_values_supported": [\n    "RS256"\n  ],\n  "response_types_supported": [\n    "code",\n    "id_token",\n    "code id_token",\n    "id_token token"\n  ],\n  "scopes_supported": [\n    "openid",\n    "profile",\n    "email",\n    "offline_access"\n  ],\n  "issuer": "https://login.microsoftonline.com/{tenantid}/v2.0",\n  "request_uri_parameter_supported": false,\n  "userinfo_endpoint": "https://graph.microsoft.com/oidc/userinfo",\n  "authorization_endpoint": "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",\n  "device_authorization_endpoint": "https://login.microsoftonline.com/common/oauth2/v2.0/devicecode",\n  "http_logout_supported": true,\n  "frontchannel_logout_supported": true,\n  "end_session_endpoint": "https://login.microsoftonline.com/common/oauth2/v2.0/logout",\n  "claims_supported": [\n    "sub",\n    "iss",\n    "cloud_instance_name",\n    "cloud_instance_host_name",\n    "cloud_graph_host_name",\n    "msgraph_host",\n    "aud",\n    "exp",\n    "iat",\n    "auth_time",\n    "acr",\n    "nonce",\n    "preferred_username",\n    "name",\n    "tid",\n    "ver",\n    "at_hash",\n    "c_hash",\n    "email"\n  ],\n  "kerberos_endpoint": "https://login.microsoftonline.com/common/kerberos",\n  "tenant_region_scope": null,\n  "cloud_instance_name": "microsoftonline.com",\n  "cloud_graph_host_name": "graph.windows.net",\n  "msgraph_host": "graph.microsoft.com",\n  "rbac_url": "https://pas.windows.net"\n}',
};

export const googleAccounts: PublishedDocument = {
  file: 'as-google-accounts-rfc8414.json',
  kind: 'as',
  service: 'Google',
  name: 'Google accounts RFC 8414 metadata (served at /.well-known/oauth-authorization-server)',
  fetchedFrom: 'https://accounts.google.com/.well-known/oauth-authorization-server',
  capturedOn: '2026-01-31',
  capturedBy: 'http-date',
  record: {
    repository: 'authprobe/authprobe',
    path: 'examples/scan-google-compute-mcp-verbose.md',
    commit: 'b8ab947d7023c7b94936c8c59764e85b61cd9168',
    url: 'https://github.com/authprobe/authprobe/blob/b8ab947d7023c7b94936c8c59764e85b61cd9168/examples/scan-google-compute-mcp-verbose.md',
  },
  sha256: 'faa36b7e07d392422a28b7e28a35573dcdd21cc93a1323fb6887716612fdb040',
  raw: '{\n  "issuer": "https://accounts.google.com",\n  "authorization_endpoint": "https://accounts.google.com/o/oauth2/v2/auth",\n  "device_authorization_endpoint": "https://oauth2.googleapis.com/device/code",\n  "token_endpoint": "https://oauth2.googleapis.com/token",\n  "userinfo_endpoint": "https://openidconnect.googleapis.com/v1/userinfo",\n  "revocation_endpoint": "https://oauth2.googleapis.com/revoke",\n  "jwks_uri": "https://www.googleapis.com/oauth2/v3/certs",\n  "response_types_supported": [\n    "code",\n    "token",\n    "id_token",\n    "code token",\n    "code id_token",\n    "token id_token",\n    "code token id_token",\n    "none"\n  ],\n  "subject_types_supported": [\n    "public"\n  ],\n  "id_token_signing_alg_values_supported": [\n    "RS256"\n  ],\n  "token_endpoint_auth_methods_supported": [\n    "client_secret_post",\n    "client_secret_basic"\n  ],\n  "claims_supported": [\n    "aud",\n    "email",\n    "email_verified",\n    "exp",\n    "family_name",\n    "given_name",\n    "iat",\n    "iss",\n    "name",\n    "picture",\n    "sub"\n  ],\n  "code_challenge_methods_supported": [\n    "plain",\n    "S256"\n  ],\n  "grant_types_supported": [\n    "authorization_code",\n    "refresh_token",\n    "urn:ietf:params:oauth:grant-type:device_code",\n    "urn:ietf:params:oauth:grant-type:jwt-bearer"\n  ],\n  "service_documentation": "https://developers.google.com/identity/protocols/oauth2",\n  "response_modes_supported": [\n    "query",\n    "fragment",\n    "form_post"\n  ],\n  "op_policy_uri": "https://developers.google.com/terms/api-services-user-data-policy",\n  "op_tos_uri": "https://developers.google.com/terms"\n}',
};

export const googleComputeMcp: PublishedDocument = {
  file: 'prm-google-compute-mcp.json',
  kind: 'prm',
  service: 'Google Compute Engine MCP server',
  name: 'Google Compute Engine MCP protected resource metadata',
  fetchedFrom: 'https://compute.googleapis.com/.well-known/oauth-protected-resource/mcp',
  capturedOn: '2026-01-31',
  capturedBy: 'http-date',
  record: {
    repository: 'authprobe/authprobe',
    path: 'examples/scan-google-compute-mcp-verbose.md',
    commit: 'b8ab947d7023c7b94936c8c59764e85b61cd9168',
    url: 'https://github.com/authprobe/authprobe/blob/b8ab947d7023c7b94936c8c59764e85b61cd9168/examples/scan-google-compute-mcp-verbose.md',
  },
  sha256: '2963acd34ce99613c51cd8255cf7402734a7e91e53d6be08371f07714763528d',
  raw: '{"authorization_servers":["https://accounts.google.com/"],"bearer_methods_supported":["header"],"resource":"https://compute.googleapis.com/mcp","scopes_supported":["https://www.googleapis.com/auth/compute"]}',
};

export const auth0Docker: PublishedDocument = {
  file: 'as-auth0-login-docker-com.json',
  kind: 'as',
  service: 'Docker (an Auth0 tenant)',
  name: 'Auth0 tenant (login.docker.com) OpenID configuration',
  fetchedFrom: 'https://login.docker.com/.well-known/openid-configuration',
  capturedOn: '2024-10-01',
  capturedBy: 'record-changed',
  record: {
    repository: 'panva/wellknown',
    path: 'issuers/docker/docker.mjs',
    commit: 'e88dd5e2d1c5cf40ee6358147c7b1117c4049a50',
    url: 'https://github.com/panva/wellknown/blob/e88dd5e2d1c5cf40ee6358147c7b1117c4049a50/issuers/docker/docker.mjs',
  },
  sha256: 'c7d9b5832b2b9d95bf3d16677f84086702617079ea29078253700fee28ef9f5f',
  raw: '{\n  "issuer": "https://login.docker.com/",\n  "authorization_endpoint": "https://login.docker.com/authorize",\n  "token_endpoint": "https://login.docker.com/oauth/token",\n  "device_authorization_endpoint": "https://login.docker.com/oauth/device/code",\n  "userinfo_endpoint": "https://login.docker.com/userinfo",\n  "mfa_challenge_endpoint": "https://login.docker.com/mfa/challenge",\n  "jwks_uri": "https://login.docker.com/.well-known/jwks.json",\n  "registration_endpoint": "https://login.docker.com/oidc/register",\n  "revocation_endpoint": "https://login.docker.com/oauth/revoke",\n  "scopes_supported": [\n    "openid",\n    "profile",\n    "offline_access",\n    "name",\n    "given_name",\n    "family_name",\n    "nickname",\n    "email",\n    "email_verified",\n    "picture",\n    "created_at",\n    "identities",\n    "phone",\n    "address"\n  ],\n  "response_types_supported": [\n    "code",\n    "token",\n    "id_token",\n    "code token",\n    "code id_token",\n    "token id_token",\n    "code token id_token"\n  ],\n  "code_challenge_methods_supported": [\n    "S256",\n    "plain"\n  ],\n  "response_modes_supported": [\n    "query",\n    "fragment",\n    "form_post"\n  ],\n  "subject_types_supported": [\n    "public"\n  ],\n  "token_endpoint_auth_methods_supported": [\n    "client_secret_basic",\n    "client_secret_post",\n    "private_key_jwt"\n  ],\n  "claims_supported": [\n    "aud",\n    "auth_time",\n    "created_at",\n    "email",\n    "email_verified",\n    "exp",\n    "family_name",\n    "given_name",\n    "iat",\n    "identities",\n    "iss",\n    "name",\n    "nickname",\n    "phone_number",\n    "picture",\n    "sub"\n  ],\n  "request_uri_parameter_supported": false,\n  "request_parameter_supported": false,\n  "id_token_signing_alg_values_supported": [\n    "HS256",\n    "RS256",\n    "PS256"\n  ],\n  "token_endpoint_auth_signing_alg_values_supported": [\n    "RS256",\n    "RS384",\n    "PS256"\n  ],\n  "backchannel_logout_supported": true,\n  "backchannel_logout_session_supported": true\n}',
};

export const gitlabCom: PublishedDocument = {
  file: 'as-gitlab-com.json',
  kind: 'as',
  service: 'GitLab.com',
  name: 'GitLab.com OpenID configuration',
  fetchedFrom: 'https://gitlab.com/.well-known/openid-configuration',
  capturedOn: '2024-08-16',
  capturedBy: 'record-changed',
  record: {
    repository: 'panva/wellknown',
    path: 'issuers/gitlab/gitlab.mjs',
    commit: 'e88dd5e2d1c5cf40ee6358147c7b1117c4049a50',
    url: 'https://github.com/panva/wellknown/blob/e88dd5e2d1c5cf40ee6358147c7b1117c4049a50/issuers/gitlab/gitlab.mjs',
  },
  sha256: '1e63fbaec0709d406e79ed2d0c2c60754ade02a5ca56ce25d081f2221d9d6273',
  raw: '{\n  "issuer": "https://gitlab.com",\n  "authorization_endpoint": "https://gitlab.com/oauth/authorize",\n  "token_endpoint": "https://gitlab.com/oauth/token",\n  "revocation_endpoint": "https://gitlab.com/oauth/revoke",\n  "introspection_endpoint": "https://gitlab.com/oauth/introspect",\n  "userinfo_endpoint": "https://gitlab.com/oauth/userinfo",\n  "jwks_uri": "https://gitlab.com/oauth/discovery/keys",\n  "scopes_supported": [\n    "api",\n    "read_api",\n    "read_user",\n    "create_runner",\n    "manage_runner",\n    "k8s_proxy",\n    "read_repository",\n    "write_repository",\n    "read_registry",\n    "write_registry",\n    "read_observability",\n    "write_observability",\n    "ai_features",\n    "sudo",\n    "admin_mode",\n    "read_service_ping",\n    "openid",\n    "profile",\n    "email",\n    "ai_workflows"\n  ],\n  "response_types_supported": [\n    "code"\n  ],\n  "response_modes_supported": [\n    "query",\n    "fragment",\n    "form_post"\n  ],\n  "grant_types_supported": [\n    "authorization_code",\n    "password",\n    "client_credentials",\n    "device_code",\n    "refresh_token"\n  ],\n  "token_endpoint_auth_methods_supported": [\n    "client_secret_basic",\n    "client_secret_post"\n  ],\n  "subject_types_supported": [\n    "public"\n  ],\n  "id_token_signing_alg_values_supported": [\n    "RS256"\n  ],\n  "claim_types_supported": [\n    "normal"\n  ],\n  "claims_supported": [\n    "iss",\n    "sub",\n    "aud",\n    "exp",\n    "iat",\n    "sub_legacy",\n    "name",\n    "nickname",\n    "preferred_username",\n    "email",\n    "email_verified",\n    "website",\n    "profile",\n    "picture",\n    "groups",\n    "groups_direct",\n    "https://gitlab.org/claims/groups/owner",\n    "https://gitlab.org/claims/groups/maintainer",\n    "https://gitlab.org/claims/groups/developer"\n  ],\n  "code_challenge_methods_supported": [\n    "plain",\n    "S256"\n  ]\n}',
};

export const paypal: PublishedDocument = {
  file: 'as-paypal.json',
  kind: 'as',
  service: 'PayPal',
  name: 'PayPal OpenID configuration',
  fetchedFrom: 'https://www.paypal.com/.well-known/openid-configuration',
  capturedOn: '2024-08-16',
  capturedBy: 'record-changed',
  record: {
    repository: 'panva/wellknown',
    path: 'issuers/paypal/paypal.mjs',
    commit: 'e88dd5e2d1c5cf40ee6358147c7b1117c4049a50',
    url: 'https://github.com/panva/wellknown/blob/e88dd5e2d1c5cf40ee6358147c7b1117c4049a50/issuers/paypal/paypal.mjs',
  },
  sha256: '92b307d5367885f342086fb210265291a45a40899228e4aabf20a9567f26b727',
  raw: '{\n  "issuer": "https://www.paypal.com",\n  "authorization_endpoint": "https://www.paypal.com/signin/authorize",\n  "registration_endpoint": "https://api.paypal.com/v1/oauth2/applications",\n  "token_endpoint": "https://api.paypal.com/v1/oauth2/token",\n  "userinfo_endpoint": "https://api.paypal.com/v1/oauth2/token/userinfo",\n  "jwks_uri": "https://api.paypal.com/v1/oauth2/certs",\n  "revocation_endpoint": "https://api.paypal.com/v1/oauth2/revoke",\n  "token_endpoint_auth_methods_supported": [\n    "client_secret_basic"\n  ],\n  "response_types_supported": [\n    "code",\n    "code id_token"\n  ],\n  "response_modes_supported": [\n    "query"\n  ],\n  "grant_types_supported": [\n    "authorization_code",\n    "refresh_token"\n  ],\n  "subject_types_supported": [\n    "pairwise"\n  ],\n  "scopes_supported": [\n    "email",\n    "address",\n    "phone",\n    "openid",\n    "profile",\n    "https://uri.paypal.com/services/wallet/sendmoney",\n    "https://uri.paypal.com/services/payments/futurepayments",\n    "https://uri.paypal.com/services/expresscheckout"\n  ],\n  "id_token_signing_alg_values_supported": [\n    "HS256",\n    "RS256"\n  ],\n  "claims_supported": [\n    "aud",\n    "iss",\n    "iat",\n    "exp",\n    "auth_time",\n    "nonce",\n    "sessionIndex",\n    "user_id"\n  ],\n  "code_challenge_methods_supported": [\n    "RS256",\n    "ES256",\n    "S256"\n  ]\n}',
};

export const slack: PublishedDocument = {
  file: 'as-slack-oidc.json',
  kind: 'as',
  service: 'Slack',
  name: 'Slack (slack.com) OpenID configuration',
  fetchedFrom: 'https://slack.com/.well-known/openid-configuration',
  capturedOn: '2024-08-16',
  capturedBy: 'record-changed',
  record: {
    repository: 'panva/wellknown',
    path: 'issuers/slack/slack.mjs',
    commit: 'e88dd5e2d1c5cf40ee6358147c7b1117c4049a50',
    url: 'https://github.com/panva/wellknown/blob/e88dd5e2d1c5cf40ee6358147c7b1117c4049a50/issuers/slack/slack.mjs',
  },
  sha256: '8851d440c7c013c41bcce986d05b466968d63505e2e4ce6d045bfe4a6f21b281',
  raw: '{\n  "issuer": "https://slack.com",\n  "authorization_endpoint": "https://slack.com/openid/connect/authorize",\n  "token_endpoint": "https://slack.com/api/openid.connect.token",\n  "userinfo_endpoint": "https://slack.com/api/openid.connect.userInfo",\n  "jwks_uri": "https://slack.com/openid/connect/keys",\n  "scopes_supported": [\n    "openid",\n    "profile",\n    "email"\n  ],\n  "response_types_supported": [\n    "code"\n  ],\n  "response_modes_supported": [\n    "query"\n  ],\n  "grant_types_supported": [\n    "authorization_code"\n  ],\n  "subject_types_supported": [\n    "public"\n  ],\n  "id_token_signing_alg_values_supported": [\n    "RS256"\n  ],\n  "claims_supported": [\n    "sub",\n    "auth_time",\n    "iss"\n  ],\n  "claims_parameter_supported": false,\n  "request_parameter_supported": false,\n  "request_uri_parameter_supported": true,\n  "token_endpoint_auth_methods_supported": [\n    "client_secret_post",\n    "client_secret_basic"\n  ]\n}',
};
