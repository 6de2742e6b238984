import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isStringArray } from '../../src/schemas/lenient.ts';
import {
  AUTH_SERVER_METADATA_FIELDS,
  AuthServerMetadataSchema,
  CLIENT_METADATA_FIELDS,
  parseAuthServerMetadata,
  parseClientMetadata,
  parseResourceMetadata,
  RESOURCE_METADATA_FIELDS,
} from '../../src/index.ts';

describe('lenient document readers', () => {
  it('keep unknown fields exactly as served', () => {
    const { document, findings } = parseResourceMetadata({
      resource: 'https://mcp.example.com',
      'x-vendor': { nested: [1, 2] },
    });
    expect(findings).toEqual([]);
    expect(document).toEqual({
      resource: 'https://mcp.example.com',
      'x-vendor': { nested: [1, 2] },
    });
  });

  it('report a field of the wrong type at its path and keep the rest', () => {
    const { document, findings } = parseAuthServerMetadata({
      issuer: 42,
      authorization_endpoint: 'https://auth.example.com/authorize',
    });
    expect(document).toEqual({ authorization_endpoint: 'https://auth.example.com/authorize' });
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'as/invalid-type',
        subject: 'auth-server-metadata',
        path: ['issuer'],
        severity: 'error',
      }),
    ]);
    expect(findings[0]?.message).toMatch(/^Make `issuer` a string instead of a number/);
  });

  it('keep the good entries of an array and point at the first bad one', () => {
    const { document, findings } = parseClientMetadata({
      redirect_uris: ['http://localhost/cb', null, 'https://app.example.com/cb', 3],
    });
    expect(document.redirect_uris).toEqual(['http://localhost/cb', 'https://app.example.com/cb']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'client/invalid-type', path: ['redirect_uris', 1] });
    expect(findings[0]?.message).toContain('and 1 more entry like it');
  });

  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['{}', 'a string'],
    [7, 'a number'],
    [false, 'false'],
  ])('turn %j into one finding at the root', (value, described) => {
    const result = parseResourceMetadata(value);
    expect(result.isObject).toBe(false);
    expect(result.document).toEqual({});
    expect(result.findings).toEqual([
      expect.objectContaining({ id: 'prm/invalid-type', path: [] }),
    ]);
    expect(result.findings[0]?.message).toContain(described);
  });

  it('never let __proto__ or constructor keys reach a prototype', () => {
    const hostile: unknown = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "scopes_supported": ["a"]}',
    );
    const { document } = parseAuthServerMetadata(hostile);
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(Object.keys(document)).toEqual(['__proto__', 'constructor', 'scopes_supported']);
    expect((document as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(AuthServerMetadataSchema.safeParse(hostile).success).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('read known fields only from own properties', () => {
    const inherited = Object.create({ scopes_supported: ['inherited'] }) as object;
    expect(parseAuthServerMetadata(inherited).document.scopes_supported).toBeUndefined();
  });

  it('cover every registered field of RFC 9728, RFC 8414 and RFC 7591', () => {
    expect(Object.keys(RESOURCE_METADATA_FIELDS)).toEqual(
      expect.arrayContaining([
        'resource',
        'authorization_servers',
        'jwks_uri',
        'scopes_supported',
        'bearer_methods_supported',
        'resource_signing_alg_values_supported',
        'resource_name',
        'resource_documentation',
        'resource_policy_uri',
        'resource_tos_uri',
        'tls_client_certificate_bound_access_tokens',
        'authorization_details_types_supported',
        'dpop_signing_alg_values_supported',
        'dpop_bound_access_tokens_required',
      ]),
    );
    expect(Object.keys(AUTH_SERVER_METADATA_FIELDS)).toEqual(
      expect.arrayContaining([
        'issuer',
        'authorization_endpoint',
        'token_endpoint',
        'jwks_uri',
        'registration_endpoint',
        'scopes_supported',
        'response_types_supported',
        'response_modes_supported',
        'grant_types_supported',
        'token_endpoint_auth_methods_supported',
        'token_endpoint_auth_signing_alg_values_supported',
        'service_documentation',
        'ui_locales_supported',
        'op_policy_uri',
        'op_tos_uri',
        'revocation_endpoint',
        'revocation_endpoint_auth_methods_supported',
        'revocation_endpoint_auth_signing_alg_values_supported',
        'introspection_endpoint',
        'introspection_endpoint_auth_methods_supported',
        'introspection_endpoint_auth_signing_alg_values_supported',
        'code_challenge_methods_supported',
        'client_id_metadata_document_supported',
        'authorization_response_iss_parameter_supported',
      ]),
    );
    expect(Object.keys(CLIENT_METADATA_FIELDS)).toEqual(
      expect.arrayContaining([
        'redirect_uris',
        'token_endpoint_auth_method',
        'grant_types',
        'response_types',
        'client_name',
        'client_uri',
        'logo_uri',
        'scope',
        'contacts',
        'tos_uri',
        'policy_uri',
        'jwks_uri',
        'jwks',
        'software_id',
        'software_version',
        'application_type',
        'client_id',
      ]),
    );
  });

  it('type the flags and objects as well as the strings', () => {
    const { findings } = parseClientMetadata({ jwks: [], client_name: { en: 'x' } });
    expect(findings.map((finding) => finding.path)).toEqual([['jwks'], ['client_name']]);
    const as = parseAuthServerMetadata({ authorization_response_iss_parameter_supported: 'true' });
    expect(as.findings[0]?.message).toContain('true or false');
  });
});

describe('isStringArray', () => {
  it('gives the verdict of z.array(z.string()) on any value, sparse arrays included', () => {
    const schema = z.array(z.string());
    const value = fc.oneof(
      fc.anything(),
      fc.array(fc.string()),
      fc.sparseArray(fc.string()),
      fc.array(fc.oneof(fc.string(), fc.anything())),
    );
    fc.assert(
      fc.property(value, (candidate) => {
        expect(isStringArray(candidate)).toBe(schema.safeParse(candidate).success);
      }),
      { numRuns: 500 },
    );
  });
});
