import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readYamlList } from '../../scripts/conformance/yaml-list.ts';

const require = createRequire(import.meta.url);

describe('the lists npm run conformance reads', () => {
  it('reads a top-level list, skipping comments, other keys and nested mappings', () => {
    const text = [
      '# a comment',
      'server:',
      '  - tools-list',
      'client:',
      '  - auth/metadata-default # why',
      "  - 'auth/basic-cimd'",
      'not_scored:',
      '  - scenario: auth/dpop',
      '    leg: client',
    ].join('\n');
    expect(readYamlList(text, 'client')).toEqual(['auth/metadata-default', 'auth/basic-cimd']);
    expect(readYamlList(text, 'server')).toEqual(['tools-list']);
    expect(readYamlList(text, 'not_scored')).toEqual([]);
    expect(readYamlList('client: []\n', 'client')).toEqual([]);
  });

  it('finds the 25 auth client scenarios the pinned suite requires for 2026-07-28', () => {
    const file = require.resolve('@modelcontextprotocol/conformance/requirements/2026-07-28.yaml');
    const auth = readYamlList(readFileSync(file, 'utf8'), 'client').filter((name) =>
      name.startsWith('auth/'),
    );
    expect(auth).toHaveLength(25);
    expect(auth).toContain('auth/scope-step-up');
    expect(auth).toContain('auth/iss-wrong-issuer');
  });

  it('has an expected-failures file in the suite’s baseline format', () => {
    const text = readFileSync(
      new URL('../../scripts/conformance/expected-failures.yaml', import.meta.url),
      'utf8',
    );
    expect(() => readYamlList(text, 'client')).not.toThrow();
  });
});
