import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/api/determine.ts';
import {
  initialScopeInput,
  isInsufficientScope,
  stepUpDecision,
} from '../../src/flow/scope-input.ts';
import type { Challenge } from '../../src/types.ts';

const resourceMetadata = {
  resource: 'http://localhost:4000/mcp',
  authorization_servers: ['http://localhost:4000/as/default'],
  scopes_supported: ['mcp:read', 'mcp:write'],
};
const authServerMetadata = {
  issuer: 'http://localhost:4000/as/default',
  scopes_supported: ['openid', 'offline_access', 'mcp:read', 'mcp:write'],
};
const clientMetadata = { grant_types: ['authorization_code', 'refresh_token'] };
const documents = { resourceMetadata, authServerMetadata, clientMetadata };

const bearer = (params: Record<string, string>): Challenge => ({ scheme: 'Bearer', params });
const forbidden = bearer({ error: 'insufficient_scope', scope: 'mcp:write' });

describe('initialScopeInput', () => {
  it('takes the challenge scope and the documents, and nothing else', () => {
    expect(initialScopeInput(bearer({ scope: 'mcp:read' }), documents)).toEqual({
      ...documents,
      challengeScope: 'mcp:read',
    });
    expect(initialScopeInput(undefined, documents)).not.toHaveProperty('challengeScope');
  });
});

describe('stepUpDecision', () => {
  it('is exactly what determineScope decides for the 403, for every profile', () => {
    for (const profile of [
      'mcp-2026-07-28',
      'mcp-2025-11-25',
      'typescript-sdk-2',
      'typescript-sdk-1',
      'python-sdk',
    ] as const) {
      const stepUp = stepUpDecision({
        profile,
        challenge: forbidden,
        previousScope: 'mcp:read offline_access',
        ...documents,
      });
      expect(stepUp.decision).toEqual(
        determineScope(
          {
            ...documents,
            challengeScope: 'mcp:write',
            challengeError: 'insufficient_scope',
            previousScope: 'mcp:read offline_access',
          },
          profile,
        ),
      );
    }
  });

  it('keeps the previous scope under the 2026-07-28 spec and replaces it under 2025-11-25', () => {
    const union = stepUpDecision({
      profile: 'mcp-2026-07-28',
      challenge: forbidden,
      previousScope: 'mcp:read',
      ...documents,
    });
    expect(union.combination).toBe('union');
    expect(union.decision.scope?.split(' ')).toEqual(
      expect.arrayContaining(['mcp:read', 'mcp:write']),
    );
    const replaced = stepUpDecision({
      profile: 'mcp-2025-11-25',
      challenge: forbidden,
      previousScope: 'mcp:read',
      ...documents,
    });
    expect(replaced.combination).toBe('replacement');
    expect(replaced.decision.scope?.split(' ')).not.toContain('mcp:read');
  });

  it('recognises an insufficient_scope challenge only', () => {
    expect(isInsufficientScope(forbidden)).toBe(true);
    expect(isInsufficientScope(bearer({ error: 'invalid_token' }))).toBe(false);
    expect(isInsufficientScope(undefined)).toBe(false);
  });
});
