import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_CHARS, parseJsonDocument } from '../../src/index.ts';

describe('parseJsonDocument', () => {
  it('parses JSON text, a byte order mark included', () => {
    expect(parseJsonDocument('\uFEFF{"a": [1, true, null]}', 'resource-metadata')).toEqual({
      ok: true,
      value: { a: [1, true, null] },
    });
  });

  it.each([
    ['{"a": }', 1, 7, 'expected a value but found "}"'],
    ['{\n  "a": 1,\n  "b" 2\n}', 3, 7, 'expected a colon after the property name'],
    ['{\n  "a": 1,\n}', 3, 1, 'expected a property name in double quotes'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['[1, 2', 1, 6, 'expected a comma or "]" but found the end of the text'],
    ['{"a": "b}', 1, 7, 'this string is never closed'],
    ['{"a": 01}', 1, 8, 'expected a comma or "}"'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": "\\x"}', 1, 8, 'this backslash starts no valid escape'],
    ['{"a": 1} x', 1, 10, 'expected the end of the document'],
    ['{"a": 1.}', 1, 9, 'a number needs a digit after "."'],
  ])('locates the error in %j at line %i, column %i', (text, line, column, problem) => {
    const result = parseJsonDocument(text, 'auth-server-metadata');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.finding).toMatchObject({
      id: 'as/invalid-json',
      subject: 'auth-server-metadata',
      severity: 'error',
    });
    expect(result.finding.message).toContain(`line ${line}, column ${column}`);
    expect(result.finding.message).toContain(problem);
    expect(result.finding.message).toMatch(/^Fix the JSON of the authorization server metadata/);
  });

  it('uses the document kind in the id', () => {
    const result = parseJsonDocument('nope', 'client-metadata');
    expect(!result.ok && result.finding.id).toBe('client/invalid-json');
  });

  it('explains an empty document', () => {
    const result = parseJsonDocument('  \n', 'resource-metadata');
    expect(!result.ok && result.finding.message).toBe(
      'The protected resource metadata is empty; paste a JSON object.',
    );
  });

  it('refuses a document beyond the size limit without parsing it', () => {
    const result = parseJsonDocument(`"${'x'.repeat(MAX_DOCUMENT_CHARS)}"`, 'resource-metadata');
    expect(!result.ok && result.finding.id).toBe('prm/too-large');
  });

  it('survives hostile nesting', () => {
    const deep = '['.repeat(200_000);
    const result = parseJsonDocument(deep, 'resource-metadata');
    expect(!result.ok && result.finding.message).toContain('found the end of the text');
  });

  it('accepts what JSON.parse accepts', () => {
    for (const text of ['0', '-1.5e+3', '"\\u00e9\\n"', '[]', '{}', ' { "a" : [ { } ] } ']) {
      expect(parseJsonDocument(text, 'client-metadata')).toEqual({
        ok: true,
        value: JSON.parse(text) as unknown,
      });
    }
  });
});
