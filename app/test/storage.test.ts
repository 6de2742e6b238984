import { PROFILES, type ProfileId } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { draftsOf } from '../src/views/playground/state/scenario.ts';
import { parseStoredDrafts, withoutSecrets } from '../src/views/playground/state/storage.ts';

const isProfile = (id: string): id is ProfileId => PROFILES.some((profile) => profile.id === id);

function withClientText(text: string) {
  const drafts = draftsOf({ clientMetadata: {} });
  return { ...drafts, documents: { ...drafts.documents, clientMetadata: { text, served: true } } };
}

describe('stored drafts', () => {
  it('come back exactly as stored, invalid JSON included', () => {
    const drafts = withClientText('{ "client_name": ');
    expect(parseStoredDrafts(JSON.stringify(drafts), isProfile)).toEqual(drafts);
  });

  it('are ignored when unreadable, and an unknown profile falls back to the default', () => {
    expect(parseStoredDrafts('not json', isProfile)).toBeUndefined();
    expect(parseStoredDrafts('{"documents": {}}', isProfile)).toBeUndefined();
    const drafts = { ...withClientText('{}'), profile: 'retired-profile' };
    expect(parseStoredDrafts(JSON.stringify(drafts), isProfile)?.profile).toBe('mcp-2026-07-28');
  });

  it('never hold a client secret: valid JSON is stored as core sanitizes it', () => {
    const drafts = withClientText('{"client_name": "x", "client_secret": "s3cr3t"}');
    const stored = withoutSecrets(drafts, () => undefined);
    expect(stored.documents.clientMetadata.text).toBe('{\n  "client_name": "x"\n}');
    expect(JSON.stringify(stored)).not.toContain('s3cr3t');
  });

  it('keep the copy stored before when text that is not JSON yet names a secret', () => {
    const previous = { text: '{"client_name": "before"}', served: true };
    const drafts = withClientText('{"client_name": "x", "client_secret": "s3cr3t", ');
    expect(withoutSecrets(drafts, () => previous).documents.clientMetadata).toBe(previous);
    const privateKey = withClientText('{"jwks": {"keys": [{"kty": "EC", "d": "private"');
    expect(withoutSecrets(privateKey, () => undefined).documents.clientMetadata.text).toBe('');
  });

  it('leave text without secrets as typed', () => {
    const drafts = withClientText('{ "client_name": "x",   "scope": "a" ');
    expect(withoutSecrets(drafts, () => undefined)).toBe(drafts);
  });
});
