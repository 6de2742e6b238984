import { CITES } from '../cite.ts';
import { authServerRequestFindings } from '../findings/auth-server.ts';
import { parseAuthServerMetadata } from '../schemas/auth-server-metadata.ts';
import type { Finding, ProfileId } from '../types.ts';
import { QueryList } from '../encoding/form-urlencoded.ts';
import { promptConsentPolicy } from './prompt-consent.ts';
import { canonicalResourceUri } from './resource-uri.ts';

export interface AuthorizationRequestInput {
  /** The authorization server metadata as served; checked here before anything is built. */
  authServerMetadata: unknown;
  clientId: string;
  redirectUri: string;
  /** The decided scope; undefined or empty leaves the parameter out, as every modelled client does. */
  scope?: string;
  state: string;
  /** The S256 challenge from createPkcePair or pkceChallenge. */
  codeChallenge: string;
  /** The MCP server's URI; sent in its canonical form (RFC 8707 §2). */
  resource?: string;
  /** Whose request to build; the spec's by default. */
  profile?: ProfileId;
  /**
   * The profile's own `ScopeDecision.promptConsent`. Whether the request carries prompt=consent
   * is then core's one policy (`promptConsentPolicy`): the decision for an SDK profile, the
   * decision or offline_access in the scope for a spec profile. Left out, the scope decides.
   */
  promptConsent?: boolean;
}

export type AuthorizationRequest =
  | {
      ok: true;
      url: string;
      /** Every query parameter of `url`, in order, the endpoint's own ones included. */
      params: [string, string][];
      /** Where this profile's request departs from the spec, one sentence each. */
      deviations?: string[];
    }
  | { ok: false; findings: Finding[] };

/**
 * How a client reads `code_challenge_methods_supported` before it sends its PKCE request. The spec
 * (MCP 2026-07-28, Authorization Code Protection) says refuse when the field is absent or lacks
 * S256; real clients read less of it (spec-notes §3 and §8, from their sources):
 * - `spec`: refuses when the field is absent or has no S256;
 * - `when-listed`: refuses a list without S256, proceeds (sending S256) when the field is absent;
 * - `presence-only`: refuses when the field is absent, never looks for S256 in a list;
 * - `never`: reads neither, and always sends S256.
 */
type PkceMetadataCheck = 'spec' | 'when-listed' | 'presence-only' | 'never';

/** Where a client's request builder departs from the spec; a profile without an entry follows it. */
interface RequestQuirks {
  pkceMetadata: PkceMetadataCheck;
  /** Adds prompt=consent with `append`, so an endpoint query that has a prompt ends up with two. */
  appendsPrompt: boolean;
}

// Both TypeScript SDKs' startAuthorization check the list only when present and call
// `searchParams.append('prompt', 'consent')` (spec-notes §3).
const TYPESCRIPT_SDK: RequestQuirks = { pkceMetadata: 'when-listed', appendsPrompt: true };

const REQUEST_QUIRKS: Partial<Record<ProfileId, RequestQuirks>> = {
  'typescript-sdk-1': TYPESCRIPT_SDK,
  'typescript-sdk-2': TYPESCRIPT_SDK,
  // mcp-remote builds its request with the TypeScript SDK 1.x, so it checks PKCE as that does.
  'mcp-remote': { pkceMetadata: 'when-listed', appendsPrompt: false },
  // rmcp warns and proceeds when the field is absent and refuses a list without S256; Codex
  // authorizes through rmcp.
  'rust-sdk': { pkceMetadata: 'when-listed', appendsPrompt: false },
  codex: { pkceMetadata: 'when-listed', appendsPrompt: false },
  // The Go SDK refuses metadata without the field but never checks that S256 is in it.
  'go-sdk': { pkceMetadata: 'presence-only', appendsPrompt: false },
  // VS Code's built-in MCP authentication never reads the field.
  vscode: { pkceMetadata: 'never', appendsPrompt: false },
};

/** The PKCE findings a client with this check lets through, and the sentence that says so. */
const PKCE_FINDINGS_IGNORED: Readonly<
  Record<PkceMetadataCheck, readonly { id: string; deviation: string }[]>
> = {
  spec: [],
  'when-listed': [
    {
      id: 'as/pkce-not-advertised',
      deviation:
        'The authorization server does not advertise code_challenge_methods_supported; the spec says to refuse, but this SDK proceeds and sends S256 anyway.',
    },
  ],
  'presence-only': [
    {
      id: 'as/s256-not-supported',
      deviation:
        'The authorization server does not list S256 in code_challenge_methods_supported; the spec says to refuse, but this client never looks for S256 and sends it anyway.',
    },
  ],
  never: [
    {
      id: 'as/pkce-not-advertised',
      deviation:
        'The authorization server does not advertise code_challenge_methods_supported; the spec says to refuse, but this client never reads that field and sends S256 anyway.',
    },
    {
      id: 'as/s256-not-supported',
      deviation:
        'The authorization server does not list S256 in code_challenge_methods_supported; the spec says to refuse, but this client never reads that field and sends S256 anyway.',
    },
  ],
};

function refusal(
  id: string,
  subject: Finding['subject'],
  message: string,
  cite: Finding['cite'],
): Finding {
  return { id, severity: 'error', subject, message, cite };
}

/** RFC 7636 §4.2: BASE64URL of a SHA-256 digest is always 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The checks a client makes on its own values before sending them anywhere. Their findings are
 * about the client's side of the request, hence the `client-metadata` subject.
 */
function inputFindings(
  input: AuthorizationRequestInput,
  canonicalResource: string | undefined,
): Finding[] {
  const findings: Finding[] = [];
  if (typeof input.clientId !== 'string' || input.clientId === '') {
    findings.push(
      refusal(
        'request/client-id-missing',
        'client-metadata',
        'Register the client first: an authorization request needs a client_id.',
        CITES.authorizationRequest,
      ),
    );
  }
  if (!isAbsoluteUriWithoutFragment(input.redirectUri)) {
    findings.push(
      refusal(
        'request/redirect-uri-invalid',
        'client-metadata',
        'Use an absolute redirect URI without a fragment, such as http://localhost:5173/callback.',
        CITES.redirectionEndpoint,
      ),
    );
  }
  if (typeof input.codeChallenge !== 'string' || !S256_CHALLENGE.test(input.codeChallenge)) {
    findings.push(
      refusal(
        'request/code-challenge-invalid',
        'client-metadata',
        'Derive the code_challenge with S256 from a fresh code verifier: it must be 43 base64url characters.',
        CITES.pkce,
      ),
    );
  }
  if (input.resource !== undefined && canonicalResource === undefined) {
    const checked = canonicalResourceUri(input.resource);
    findings.push(
      refusal(
        'request/resource-invalid',
        'server-url',
        checked.ok ? 'The resource is not a valid URI.' : checked.reason,
        CITES.canonicalServerUri,
      ),
    );
  }
  return findings;
}

function isAbsoluteUriWithoutFragment(value: unknown): boolean {
  if (typeof value !== 'string' || value.includes('#')) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The authorization request of the authorization code flow with PKCE (RFC 6749 §4.1.1,
 * RFC 7636 §4.3, RFC 8707 §2), as `profile` would send it, or the findings that stop it.
 *
 * It refuses, with the findings of authServerRequestFindings, an authorization server whose
 * metadata lacks `code` in `response_types_supported`, lacks `code_challenge_methods_supported`
 * or `S256` in it, or has no https (or loopback http) `authorization_endpoint`. A profile whose
 * client reads less of `code_challenge_methods_supported` proceeds where its client does (see
 * `PkceMetadataCheck`), and the TypeScript SDK profiles append `prompt=consent` even when the
 * endpoint's own query already has a `prompt`; each departure is reported in `deviations`.
 *
 * The endpoint's query is kept (RFC 6749 §3.1) and each parameter set here replaces one of the
 * same name in it, so the request carries it once; its fragment is dropped, as a fetch would.
 */
export function buildAuthorizationUrl(input: AuthorizationRequestInput): AuthorizationRequest {
  const quirks = input.profile === undefined ? undefined : REQUEST_QUIRKS[input.profile];
  const deviations: string[] = [];

  let blocking = authServerRequestFindings(input.authServerMetadata);
  for (const ignored of PKCE_FINDINGS_IGNORED[quirks?.pkceMetadata ?? 'spec']) {
    if (!blocking.some((finding) => finding.id === ignored.id)) continue;
    blocking = blocking.filter((finding) => finding.id !== ignored.id);
    deviations.push(ignored.deviation);
  }
  const resource = input.resource === undefined ? undefined : canonicalResourceUri(input.resource);
  const canonicalResource = resource?.ok ? resource.value : undefined;
  const findings = [...blocking, ...inputFindings(input, canonicalResource)];
  if (findings.length > 0) return { ok: false, findings };

  // The findings above guarantee an absolute https (or loopback http) endpoint.
  const endpoint = parseAuthServerMetadata(input.authServerMetadata).document
    .authorization_endpoint as string;
  const url = new URL(endpoint);
  url.hash = '';
  const query = new QueryList(url.searchParams);

  query.set('response_type', 'code');
  query.set('client_id', input.clientId);
  query.set('code_challenge', input.codeChallenge);
  query.set('code_challenge_method', 'S256');
  query.set('redirect_uri', input.redirectUri);
  if (typeof input.state === 'string' && input.state !== '') query.set('state', input.state);
  const scope = typeof input.scope === 'string' && input.scope !== '' ? input.scope : undefined;
  if (scope !== undefined) query.set('scope', scope);

  const prompt = promptConsentPolicy(input.profile, {
    ...(scope === undefined ? {} : { scope }),
    ...(input.promptConsent === undefined ? {} : { promptConsent: input.promptConsent }),
  });
  if (prompt.send) {
    if (quirks?.appendsPrompt && query.has('prompt')) {
      query.append('prompt', 'consent');
      deviations.push(
        'The request carries prompt twice, the endpoint’s own and consent appended by this SDK; a parameter must not be sent more than once (RFC 6749 §3.1).',
      );
    } else {
      query.set('prompt', 'consent');
    }
  }

  if (canonicalResource !== undefined) {
    query.set('resource', canonicalResource);
  } else {
    deviations.push(
      'The request has no resource parameter; MCP clients must name the MCP server in it (RFC 8707).',
    );
  }

  const base = url.href.slice(0, url.href.length - url.search.length);
  const serialized = query.serialize();
  const params = query.entries;
  const result: AuthorizationRequest = {
    ok: true,
    url: serialized === '' ? base : `${base}?${serialized}`,
    params,
  };
  if (deviations.length > 0) result.deviations = deviations;
  return result;
}
