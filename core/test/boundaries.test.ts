import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const coreRoot = resolve(import.meta.dirname, '..');
const sourceRoot = join(coreRoot, 'src');

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

// Static imports and re-exports start a statement; dynamic imports are calls. Matching only those
// keeps prose such as 'read from "#"' in a string or comment from counting as an import.
const IMPORT_SPECIFIER =
  /(?:^[ \t]*(?:import|export)\b[^;'"]*?\bfrom\s*|^[ \t]*import\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/gm;

function importViolations(file: string, text: string): string[] {
  const violations: string[] = [];
  for (const match of text.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1] ?? '';
    if (specifier === 'zod' || specifier.startsWith('zod/')) continue;
    if (specifier.startsWith('.')) {
      const target = resolve(file, '..', specifier);
      if (target === sourceRoot || target.startsWith(sourceRoot + sep)) continue;
    }
    violations.push(`${relative(coreRoot, file)} imports '${specifier}'`);
  }
  return violations;
}

describe('core boundaries', () => {
  it('imports nothing but zod and its own source files', () => {
    const violations = listSources(sourceRoot).flatMap((file) =>
      importViolations(file, readFileSync(file, 'utf8')),
    );
    expect(violations).toEqual([]);
  });

  it('flags React, app code and node built-ins', () => {
    const file = join(sourceRoot, 'decide.ts');
    expect(importViolations(file, `import { useState } from 'react';`)).toHaveLength(1);
    expect(importViolations(file, `import x from '../../app/src/App.tsx';`)).toHaveLength(1);
    expect(importViolations(file, `import { readFile } from 'node:fs';`)).toHaveLength(1);
    expect(importViolations(file, `export { x } from 'react';`)).toHaveLength(1);
    expect(importViolations(file, `import 'react';`)).toHaveLength(1);
    expect(importViolations(file, `const m = await import('react');`)).toHaveLength(1);
    expect(importViolations(file, `import {\n  a,\n  b,\n} from 'react';`)).toHaveLength(1);
    expect(importViolations(file, `const reason = 'the path read from "#"';`)).toEqual([]);
    expect(
      importViolations(file, `import { z } from 'zod';\nimport { CITES } from './cite.ts';`),
    ).toEqual([]);
  });
});
