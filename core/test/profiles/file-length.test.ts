import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A profile is meant to be read in one sitting: over 150 lines, its first line must say why.
const profiles = resolve(import.meta.dirname, '../../src/profiles');

describe('profile files', () => {
  it('are at most 150 lines, or say at their top why they are longer', () => {
    const unexplained = readdirSync(profiles)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => {
        const lines = readFileSync(join(profiles, name), 'utf8').split('\n');
        const length = lines.at(-1) === '' ? lines.length - 1 : lines.length;
        return length > 150 && !/^\/\/ Over 150 lines because \S/.test(lines[0] ?? '');
      });
    expect(unexplained).toEqual([]);
  });
});
