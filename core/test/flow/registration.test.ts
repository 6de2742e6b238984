import { describe, expect, it } from 'vitest';
import {
  cimdUrlProblem,
  clientIdMetadataDocument,
  dynamicRegistrationBody,
  isLoopbackUrl,
  planRegistration,
  readRegistrationResponse,
} from '../../src/flow/registration.ts';

const AS = {
  issuer: 'http://localhost:4000/as/default',
  registration_endpoint: 'http://localhost:4000/as/default/reg',
  client_id_metadata_document_supported: true,
};
const CIMD_URL = 'https://client.example.com/mcp-client.json';

describe('planRegistration in automatic mode follows the spec order', () => {
  it('uses a pre-registered client id first', () => {
    const plan = planRegistration({
      choice: 'auto',
      authServerMetadata: AS,
      preRegisteredClientId: ' playground ',
      clientMetadataUrl: CIMD_URL,
    });
    expect(plan).toMatchObject({ ok: true, method: 'pre-registered', clientId: 'playground' });
  });

  it('then a Client ID Metadata Document when the server supports them', () => {
    const plan = planRegistration({
      choice: 'auto',
      authServerMetadata: AS,
      clientMetadataUrl: CIMD_URL,
    });
    expect(plan).toMatchObject({ ok: true, method: 'cimd', clientId: CIMD_URL });
  });

  it('then Dynamic Client Registration', () => {
    const noCimd = { ...AS, client_id_metadata_document_supported: false };
    expect(
      planRegistration({ choice: 'auto', authServerMetadata: noCimd, clientMetadataUrl: CIMD_URL }),
    ).toMatchObject({
      ok: true,
      method: 'dcr',
      registrationEndpoint: AS.registration_endpoint,
    });
    // Supported, but the client has no document to offer.
    expect(planRegistration({ choice: 'auto', authServerMetadata: AS })).toMatchObject({
      method: 'dcr',
    });
  });

  it('and otherwise asks the user for a client id', () => {
    const plan = planRegistration({ choice: 'auto', authServerMetadata: { issuer: AS.issuer } });
    expect(plan).toMatchObject({ ok: false, code: 'ask-user' });
  });

  it('reads hostile metadata without trusting wrong types', () => {
    const plan = planRegistration({
      choice: 'auto',
      authServerMetadata: {
        registration_endpoint: 42,
        client_id_metadata_document_supported: 'yes',
      },
      clientMetadataUrl: CIMD_URL,
    });
    expect(plan).toMatchObject({ ok: false, code: 'ask-user' });
    expect(planRegistration({ choice: 'auto', authServerMetadata: 'not json' }).ok).toBe(false);
  });
});

describe('planRegistration with an explicit choice', () => {
  it('refuses what the server does not offer, saying what is missing', () => {
    expect(planRegistration({ choice: 'dcr', authServerMetadata: { issuer: 'x' } })).toMatchObject({
      ok: false,
      code: 'dcr-not-supported',
      message: expect.stringMatching(/registration_endpoint/) as unknown,
    });
    expect(
      planRegistration({
        choice: 'cimd',
        authServerMetadata: { issuer: 'x' },
        clientMetadataUrl: CIMD_URL,
      }),
    ).toMatchObject({ ok: false, code: 'cimd-not-supported' });
    expect(planRegistration({ choice: 'pre-registered', authServerMetadata: AS })).toMatchObject({
      ok: false,
      code: 'missing-client-id',
    });
  });

  it('refuses a CIMD URL that is not https with a path', () => {
    for (const url of [
      'http://client.example.com/doc.json',
      'https://client.example.com',
      'nope',
    ]) {
      expect(cimdUrlProblem(url)).toBeDefined();
      expect(
        planRegistration({ choice: 'cimd', authServerMetadata: AS, clientMetadataUrl: url }),
      ).toMatchObject({
        ok: false,
        code: 'invalid-cimd-url',
      });
    }
    expect(cimdUrlProblem(CIMD_URL)).toBeUndefined();
  });
});

describe('client metadata', () => {
  it('asks for refresh tokens and names the application type from the redirect URI', () => {
    const native = dynamicRegistrationBody({
      redirectUri: 'http://localhost:5173/callback',
      clientName: 'P',
    });
    expect(native).toEqual({
      client_name: 'P',
      redirect_uris: ['http://localhost:5173/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      application_type: 'native',
    });
    const web = dynamicRegistrationBody({
      redirectUri: 'https://play.example.com/callback',
      clientName: 'P',
    });
    expect(web.application_type).toBe('web');
  });

  it('recognises loopback hosts only', () => {
    for (const url of ['http://localhost:1/', 'http://127.0.0.1:8/cb', 'http://[::1]:9/cb']) {
      expect(isLoopbackUrl(url)).toBe(true);
    }
    for (const url of [
      'http://localhost.example.com/',
      'http://10.0.0.1/',
      'javascript:alert(1)',
      '',
    ]) {
      expect(isLoopbackUrl(url)).toBe(false);
    }
  });

  it('builds a metadata document whose client_id is its own URL', () => {
    const doc = clientIdMetadataDocument(CIMD_URL, {
      redirectUri: 'http://localhost:5173/callback',
      clientName: 'P',
    });
    expect(doc).toMatchObject({
      client_id: CIMD_URL,
      token_endpoint_auth_method: 'none',
      redirect_uris: ['http://localhost:5173/callback'],
    });
  });
});

describe('readRegistrationResponse', () => {
  const requested = dynamicRegistrationBody({
    redirectUri: 'http://localhost:5173/callback',
    clientName: 'P',
  });

  it('returns the client id and the registered metadata without secrets', () => {
    const result = readRegistrationResponse(
      201,
      { ...requested, client_id: 'c1', client_secret: 's', registration_access_token: 't' },
      requested,
    );
    expect(result).toMatchObject({ ok: true, clientId: 'c1' });
    if (!result.ok) return;
    expect(result.clientMetadata).not.toHaveProperty('client_secret');
    expect(result.clientMetadata).not.toHaveProperty('registration_access_token');
    expect(result.notes.join(' ')).toMatch(/client_secret/);
  });

  it('notes a registration that dropped the refresh_token grant', () => {
    const result = readRegistrationResponse(
      201,
      { client_id: 'c1', grant_types: ['authorization_code'] },
      requested,
    );
    expect(result.ok && result.notes.join(' ')).toMatch(/refresh_token grant/);
  });

  it('explains a refusal and a response without client_id', () => {
    const refused = readRegistrationResponse(
      400,
      { error: 'invalid_redirect_uri', error_description: 'bad uri' },
      requested,
    );
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/400 invalid_redirect_uri: bad uri/) as unknown,
    });
    expect(readRegistrationResponse(201, { client_name: 'x' }, requested).ok).toBe(false);
    expect(readRegistrationResponse(201, null, requested).ok).toBe(false);
  });
});
