import type { HttpExchange, StepName } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { EXECUTORS, StepFailure } from '@mcp-auth-playground/client';
import type { PendingAuthorization, StepContext, StepDataMap } from '@mcp-auth-playground/client';
import { discoveryFetch, stepFetch } from '../../src/flow/session/network.ts';

const {
  registration,
  'authorization-response': authorizationResponse,
  token: codeExchange,
  refresh,
} = EXECUTORS;

const ISSUER = 'http://localhost:4000/as/default';
const authServer = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/auth`,
  token_endpoint: `${ISSUER}/token`,
  registration_endpoint: `${ISSUER}/reg`,
  code_challenge_methods_supported: ['S256'],
  authorization_response_iss_parameter_supported: true,
};
const pending: PendingAuthorization = {
  phase: 'main',
  state: 'the-state',
  codeVerifier: 'v'.repeat(43),
  issuer: ISSUER,
  redirectUri: 'http://localhost:5173/callback',
  authorizationUrl: `${ISSUER}/auth?state=the-state`,
};
const data: StepDataMap = {
  'authorization-server-metadata': {
    issuer: ISSUER,
    document: authServer,
    attempts: [],
    findings: [],
  },
  registration: {
    method: 'dcr',
    reason: '',
    clientId: 'client-1',
    clientMetadata: {},
    notes: [],
  },
};

function context(
  step: StepName,
  patch: Partial<StepContext> = {},
  respond: (request: Request) => Response = () => new Response(null, { status: 500 }),
): { context: StepContext; log: HttpExchange[] } {
  const log: HttpExchange[] = [];
  let id = 0;
  const network = {
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      Promise.resolve(respond(new Request(input, init)))) as typeof fetch,
    origin: 'http://localhost:5173',
    record: (exchange: HttpExchange) => log.push(exchange),
    nextId: () => String(++id),
  };
  return {
    log,
    context: {
      step,
      config: {
        serverUrl: 'http://localhost:4000/mcp',
        registration: 'auto',
        clientId: '',
        cimdUrl: '',
        profile: 'mcp-2026-07-28',
      },
      data,
      tokens: undefined,
      pending,
      credentials: undefined,
      confidential: false,
      callbackUrl: undefined,
      redirectUri: 'http://localhost:5173/callback',
      origin: 'http://localhost:5173',
      signal: new AbortController().signal,
      fetch: (label) => stepFetch(network, step, label),
      discoveryFetch: () => discoveryFetch(network, step),
      now: () => 0,
      randomBytes: (length) => new Uint8Array(length),
      ...patch,
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<StepFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StepFailure) return error;
    throw error;
  }
  throw new Error('the step succeeded');
}

const callback = (query: string) => `http://localhost:5173/callback?${query}`;
const iss = `iss=${encodeURIComponent(ISSUER)}`;

describe('the authorization response step', () => {
  it('leaves for the authorization server when there is no response yet', async () => {
    const { context: ctx } = context('authorization-response');
    await expect(authorizationResponse(ctx)).resolves.toEqual({
      redirect: pending.authorizationUrl,
    });
  });

  it('accepts a response with the state sent and the recorded issuer, hiding the code', async () => {
    const { context: ctx } = context('authorization-response', {
      callbackUrl: callback(`code=abcdefghijklmnopqrstuvwxyz&state=the-state&${iss}`),
    });
    const output = await authorizationResponse(ctx);
    const shown = output.data?.['authorization-response'];
    expect(shown?.params).toContainEqual(['code', 'abcdef…wxyz']);
    expect(shown?.checks.join(' ')).toContain(ISSUER);
  });

  it('rejects a forged state with a message that says so and how to go on', async () => {
    const { context: ctx } = context('authorization-response', {
      callbackUrl: callback(`code=x&state=forged&${iss}`),
    });
    const failure = await failureOf(authorizationResponse(ctx));
    expect(failure.error.code).toBe('state-mismatch');
    expect(failure.error.message).toMatch(/^State mismatch: .*restart/);
    expect(failure.data?.['authorization-response']?.params.map(([name]) => name)).not.toContain(
      'code',
    );
  });

  it('rejects another issuer without repeating its error description', async () => {
    const { context: ctx } = context('authorization-response', {
      callbackUrl: callback(
        'error=access_denied&error_description=evil&state=the-state&iss=https%3A%2F%2Fevil.example',
      ),
    });
    const failure = await failureOf(authorizationResponse(ctx));
    expect(failure.error.code).toBe('issuer-mismatch');
    expect(failure.error.message).not.toContain('evil&');
    expect(failure.error.message).not.toMatch(/access_denied/);
  });

  it('names access_denied as a declined authorization', async () => {
    const { context: ctx } = context('authorization-response', {
      callbackUrl: callback(`error=access_denied&state=the-state&${iss}`),
    });
    const failure = await failureOf(authorizationResponse(ctx));
    expect(failure.error.code).toBe('access_denied');
    expect(failure.error.message).toMatch(/^Access denied: .*Restart/);
  });
});

describe('the token steps', () => {
  it('sends the code, the verifier and resource, and keeps the tokens out of the step data', async () => {
    const { context: ctx, log } = context(
      'token',
      { callbackUrl: callback(`code=the-code&state=the-state&${iss}`) },
      () =>
        Response.json({
          access_token: 'at-123',
          token_type: 'Bearer',
          expires_in: 60,
          scope: 'mcp:read',
        }),
    );
    const output = await codeExchange(ctx);
    expect(output.tokens).toMatchObject({ accessToken: 'at-123', scope: 'mcp:read' });
    expect(output.pending).toBeNull();
    expect(JSON.stringify(output.data)).not.toContain('at-123');
    expect(output.data?.token?.refreshTokenIssued).toBe(false);
    const sent = new URLSearchParams(log[0]?.request.body);
    expect(sent.get('code')).toBe('the-code');
    expect(sent.get('code_verifier')).toBe(pending.codeVerifier);
    expect(sent.get('resource')).toBe('http://localhost:4000/mcp');
    expect(log[0]?.label).toBe('Token request (authorization_code)');
  });

  it('explains invalid_grant and quotes the server only as its description', async () => {
    const { context: ctx } = context(
      'token',
      { callbackUrl: callback(`code=the-code&state=the-state&${iss}`) },
      () =>
        Response.json(
          { error: 'invalid_grant', error_description: 'grant request is invalid' },
          { status: 400 },
        ),
    );
    const failure = await failureOf(codeExchange(ctx));
    expect(failure.error.code).toBe('invalid_grant');
    expect(failure.error.message).toMatch(/rejected the grant \(invalid_grant\).*Restart/);
    expect(failure.error.message).toContain('“grant request is invalid”');
  });

  it('says why there is nothing to refresh with', async () => {
    const { context: ctx } = context('refresh', {
      data: {
        ...data,
        token: {
          tokenType: 'bearer',
          refreshTokenIssued: false,
          missingRefreshToken: {
            message: 'No refresh token: the client did not ask for offline_access.',
            cite: { title: 't', url: 'https://x' },
          },
        },
      },
    });
    const failure = await failureOf(refresh(ctx));
    expect(failure.error).toMatchObject({
      code: 'no-refresh-token',
      message: 'No refresh token: the client did not ask for offline_access.',
    });
  });
});

describe('the registration step', () => {
  it('registers by DCR with refresh_token and application_type native, and reads the client id', async () => {
    const { context: ctx, log } = context('registration', {}, () =>
      Response.json(
        { client_id: 'registered-1', grant_types: ['authorization_code', 'refresh_token'] },
        { status: 201 },
      ),
    );
    const output = await registration(ctx);
    expect(output.data?.registration).toMatchObject({ method: 'dcr', clientId: 'registered-1' });
    expect(JSON.parse(log[0]?.request.body ?? '{}')).toMatchObject({
      grant_types: ['authorization_code', 'refresh_token'],
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://localhost:5173/callback'],
    });
  });

  it('uses a pre-registered client id without any request', async () => {
    const { context: ctx, log } = context('registration', {
      config: {
        serverUrl: 'http://localhost:4000/mcp',
        registration: 'auto',
        clientId: 'playground',
        cimdUrl: '',
        profile: 'mcp-2026-07-28',
      },
    });
    const output = await registration(ctx);
    expect(output.data?.registration).toMatchObject({
      method: 'pre-registered',
      clientId: 'playground',
    });
    expect(log).toEqual([]);
  });
});
