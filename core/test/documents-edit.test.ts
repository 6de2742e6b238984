import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setJsonValue } from '../src/documents/edit.ts';

function edited(text: string, path: (string | number)[], value: unknown): string {
  const result = setJsonValue(text, path, value);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const AS = `{
  "issuer": "https://auth.example.com",
  "scopes_supported": ["openid", "mcp:read"],
  "grant_types_supported": [
    "authorization_code"
  ]
}`;

describe('setJsonValue', () => {
  it('replaces a value and keeps every other byte, including an inline list style', () => {
    expect(edited(AS, ['scopes_supported'], ['openid', 'mcp:read', 'offline_access'])).toBe(`{
  "issuer": "https://auth.example.com",
  "scopes_supported": ["openid", "mcp:read", "offline_access"],
  "grant_types_supported": [
    "authorization_code"
  ]
}`);
  });

  it('writes a list that was one item per line back one item per line', () => {
    expect(edited(AS, ['grant_types_supported'], ['authorization_code', 'refresh_token']))
      .toContain(`"grant_types_supported": [
    "authorization_code",
    "refresh_token"
  ]`);
  });

  it('adds a missing field after the last one, with the same indentation', () => {
    expect(edited('{\n    "a": 1\n}', ['scope'], 'mcp:read')).toBe(
      '{\n    "a": 1,\n    "scope": "mcp:read"\n}',
    );
  });

  it('adds to an object written on one line, on that line', () => {
    expect(edited('{"a": 1}', ['b'], ['x', 'y'])).toBe('{"a": 1, "b": ["x", "y"]}');
  });

  it('fills an empty object and an empty editor with an indented document', () => {
    expect(edited('{}', ['scopes_supported'], ['mcp:read'])).toBe(
      '{\n  "scopes_supported": [\n    "mcp:read"\n  ]\n}',
    );
    expect(edited('', ['scope'], 'mcp:read')).toBe('{\n  "scope": "mcp:read"\n}');
  });

  it('creates the missing objects along a nested path', () => {
    expect(JSON.parse(edited('{"a": {}}', ['a', 'b', 'c'], true))).toEqual({
      a: { b: { c: true } },
    });
  });

  it('removes the first, a middle, the last and the only member with their commas', () => {
    const text = '{\n  "a": 1,\n  "b": 2,\n  "c": 3\n}';
    expect(edited(text, ['a'], undefined)).toBe('{\n  "b": 2,\n  "c": 3\n}');
    expect(edited(text, ['b'], undefined)).toBe('{\n  "a": 1,\n  "c": 3\n}');
    expect(edited(text, ['c'], undefined)).toBe('{\n  "a": 1,\n  "b": 2\n}');
    expect(edited('{ "only": [] }', ['only'], undefined)).toBe('{}');
  });

  it('removes every copy of a repeated key, since JSON.parse would read the survivor', () => {
    expect(JSON.parse(edited('{"s": 1, "t": 0, "s": 2}', ['s'], undefined))).toEqual({ t: 0 });
  });

  it('leaves the text alone when removing a field that is not there', () => {
    expect(edited(AS, ['scope'], undefined)).toBe(AS);
  });

  it('appends and removes array elements', () => {
    expect(edited('["a", "b"]', [2], 'c')).toBe('["a", "b", "c"]');
    expect(edited('["a", "b"]', [0], undefined)).toBe('["b"]');
  });

  it('refuses text that is not JSON, and paths the document has no room for', () => {
    expect(setJsonValue('{"a": ', ['a'], 1)).toEqual({
      ok: false,
      reason: 'The document is not valid JSON yet; fix it in the editor first.',
    });
    expect(setJsonValue('[1]', ['scope'], 'x').ok).toBe(false);
    expect(setJsonValue('{"a": "text"}', ['a', 'b'], 1).ok).toBe(false);
    expect(setJsonValue('[1]', [5], 'x').ok).toBe(false);
  });

  it('writes __proto__ as a plain field and never touches prototypes', () => {
    const text = edited('{}', ['__proto__', 'polluted'], true);
    expect(text).toBe('{\n  "__proto__": {\n    "polluted": true\n  }\n}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('agrees with editing the parsed object, for any document and field', () => {
    const key = fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__');
    fc.assert(
      fc.property(
        fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
        fc.option(key, { nil: undefined }),
        fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
        fc.constantFrom(0, 2),
        (object, maybeKey, value, space) => {
          const keys = Object.keys(object);
          const target = maybeKey ?? keys[0] ?? 'k';
          const text = JSON.stringify(object, null, space);
          const expected: Record<string, unknown> = { ...object };
          if (value === undefined) delete expected[target];
          else expected[target] = value;
          const normalise = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
          expect(JSON.parse(edited(text, [target], value))).toEqual(normalise(expected));
        },
      ),
    );
  });
});
