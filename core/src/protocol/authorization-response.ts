import { CITES, type Cite } from '../cite.ts';

export interface AuthorizationResponseInput {
  /** The URL the authorization server redirected the browser to. */
  callbackUrl: string;
  /** The `state` sent in the request, recorded with the PKCE verifier. */
  expectedState: string;
  /** The `issuer` of the validated metadata, recorded before redirecting. */
  expectedIssuer: string;
  /** `authorization_response_iss_parameter_supported` from that metadata. */
  issParameterSupported?: boolean;
}

export type AuthorizationResponseFailure =
  'state-mismatch' | 'iss-mismatch' | 'iss-missing' | 'error-response' | 'no-code';

export type AuthorizationResponseCheck =
  | { ok: true; code: string; iss?: string }
  | {
      ok: false;
      reason: AuthorizationResponseFailure;
      message: string;
      /** The rule that failed: RFC 9207 §2.4 for the issuer, RFC 6749 §4.1.2 for the rest. */
      cite: Cite;
      /** Only for an error response whose issuer and state were verified. */
      error?: { error: string; description?: string };
    };

/** A received value as shown in a message: quoted and cut short. */
function shown(value: string): string {
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}

type Single = { kind: 'absent' } | { kind: 'one'; value: string } | { kind: 'repeated' };

/** RFC 6749 §3.1: a response parameter must not appear more than once. */
function single(params: URLSearchParams, name: string): Single {
  const values = params.getAll(name);
  if (values.length === 0) return { kind: 'absent' };
  if (values.length > 1) return { kind: 'repeated' };
  return { kind: 'one', value: values[0]! };
}

function failure(
  reason: AuthorizationResponseFailure,
  message: string,
): AuthorizationResponseCheck {
  const cite =
    reason === 'iss-mismatch' || reason === 'iss-missing'
      ? CITES.issValidation
      : CITES.authorizationResponse6749;
  return { ok: false, reason, message, cite };
}

/**
 * Checks an authorization response before its code goes anywhere (MCP 2026-07-28
 * "Authorization Response Validation", CITES.authorizationResponse; RFC 9207 §2.4).
 *
 * | iss supported | iss in response | action                              |
 * |---------------|-----------------|-------------------------------------|
 * | true          | present         | compare with the recorded issuer    |
 * | true          | absent          | reject                              |
 * | false/absent  | present         | compare with the recorded issuer    |
 * | false/absent  | absent          | proceed                             |
 *
 * Comparisons are exact, after nothing but the form decoding of the query: no case folding,
 * default-port or trailing-slash normalisation. The issuer is checked first, and error
 * responses too: when it does not match (or `state` does not), the response may come from
 * another server or another request, so its `error`, `error_description` and `error_uri` are
 * neither returned nor quoted. Total on any input.
 */
export function checkAuthorizationResponse(
  input: AuthorizationResponseInput,
): AuthorizationResponseCheck {
  let url: URL;
  try {
    url = new URL(input.callbackUrl);
  } catch {
    return failure('no-code', 'The callback URL is not a valid URL, so it holds no response.');
  }
  const params = url.searchParams;

  const iss = single(params, 'iss');
  if (iss.kind === 'repeated') {
    return failure(
      'iss-mismatch',
      'The response names its issuer more than once, so it cannot be matched to the authorization server; it is ignored.',
    );
  }
  if (iss.kind === 'one' && iss.value !== input.expectedIssuer) {
    return failure(
      'iss-mismatch',
      `The response comes from issuer ${shown(iss.value)}, not ${shown(String(input.expectedIssuer))} where the request went; it may be a mix-up attack, so it is ignored.`,
    );
  }
  if (iss.kind === 'absent' && input.issParameterSupported === true) {
    return failure(
      'iss-missing',
      'The authorization server advertises authorization_response_iss_parameter_supported but sent no iss, so the response is rejected.',
    );
  }

  const state = single(params, 'state');
  const received = state.kind === 'one' ? state.value : state.kind === 'absent' ? '' : undefined;
  if (received !== input.expectedState) {
    return failure(
      'state-mismatch',
      state.kind === 'absent'
        ? 'The response has no state, so it cannot be tied to the request that was sent; it is ignored.'
        : state.kind === 'repeated'
          ? 'The response carries state more than once, so it cannot be tied to the request that was sent; it is ignored.'
          : 'The response’s state differs from the one sent, so it answers another request (or was forged); it is ignored.',
    );
  }

  const error = params.get('error');
  if (error !== null) {
    const description = params.get('error_description');
    return {
      ok: false,
      reason: 'error-response',
      message: `The authorization server refused the request with error ${shown(error)}.`,
      cite: CITES.authorizationResponse6749,
      error: description === null ? { error } : { error, description },
    };
  }

  const code = single(params, 'code');
  if (code.kind !== 'one' || code.value === '') {
    return failure(
      'no-code',
      code.kind === 'repeated'
        ? 'The response carries more than one code, so none of them is used.'
        : 'The response has neither a code nor an error.',
    );
  }
  return iss.kind === 'one'
    ? { ok: true, code: code.value, iss: iss.value }
    : { ok: true, code: code.value };
}
