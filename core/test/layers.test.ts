import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import coreLayers from '../../scripts/eslint/core-layers.mjs';

// The lint rules that keep core's layers pointing down and its imports free of cycles, run over
// a small tree on disk: the rule reads the other files' imports from there.

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = mkdtempSync(join(tmpdir(), 'core-layers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

// A miniature core: text below decision below profiles; a and b import each other by type only.
write('text/words.ts', 'export const word = 1;\n');
write('decision/step.ts', "import { word } from '../text/words.ts';\nexport const step = word;\n");
write('decision/a.ts', "import type { B } from './b.ts';\nexport type A = { b?: B };\n");
write('decision/b.ts', "import type { A } from './a.ts';\nexport type B = { a?: A };\n");
write('decision/c.ts', "import { d } from './d.ts';\nexport const c = d;\n");
write('decision/d.ts', "import { e } from './e.ts';\nexport const d = e;\n");
write('decision/e.ts', "import { c } from './c.ts';\nexport const e = () => c;\n");
write('profiles/one.ts', "import { step } from '../decision/step.ts';\nexport const one = step;\n");

const options = [
  {
    root,
    layers: [
      { name: 'text', paths: ['text/'] },
      { name: 'decision', paths: ['decision/'] },
      { name: 'profiles', paths: ['profiles/'] },
    ],
  },
];

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const at = (path: string) => join(root, path);

tester.run('core-layers/layer-order', coreLayers.rules['layer-order'], {
  valid: [
    {
      name: 'a profile imports a decision building block',
      filename: at('profiles/one.ts'),
      code: "import { step } from '../decision/step.ts';",
      options,
    },
    {
      name: 'a building block imports its own layer and the text layer',
      filename: at('decision/step.ts'),
      code: "import { word } from '../text/words.ts';\nimport type { A } from './a.ts';",
      options,
    },
  ],
  invalid: [
    {
      name: 'a building block imports a profile',
      filename: at('decision/step.ts'),
      code: "import { one } from '../profiles/one.ts';",
      options,
      errors: [{ messageId: 'upward' }],
    },
    {
      name: 'a type-only import from above is still upward',
      filename: at('text/words.ts'),
      code: "import type { A } from '../decision/a.ts';",
      options,
      errors: [{ messageId: 'upward' }],
    },
    {
      name: 'a re-export from above is upward',
      filename: at('decision/step.ts'),
      code: "export { one } from '../profiles/one.ts';",
      options,
      errors: [{ messageId: 'upward' }],
    },
    {
      name: 'a file in no layer is reported',
      filename: at('stray/file.ts'),
      code: 'export const stray = 1;',
      options,
      errors: [{ messageId: 'unlisted' }],
    },
  ],
});

tester.run('core-layers/no-cycle', coreLayers.rules['no-cycle'], {
  valid: [
    {
      name: 'imports that never come back',
      filename: at('profiles/one.ts'),
      code: "import { step } from '../decision/step.ts';",
      options,
    },
  ],
  invalid: [
    {
      name: 'two files importing each other by type only',
      filename: at('decision/a.ts'),
      code: "import type { B } from './b.ts';\nexport type A = { b?: B };",
      options,
      errors: [
        { messageId: 'cycle', data: { chain: 'decision/a.ts → decision/b.ts → decision/a.ts' } },
      ],
    },
    {
      name: 'a cycle through three files',
      filename: at('decision/c.ts'),
      code: "import { d } from './d.ts';\nexport const c = d;",
      options,
      errors: [
        {
          messageId: 'cycle',
          data: { chain: 'decision/c.ts → decision/d.ts → decision/e.ts → decision/c.ts' },
        },
      ],
    },
    {
      name: 'a re-export that comes back',
      filename: at('text/words.ts'),
      code: "export { step } from '../decision/step.ts';",
      options,
      errors: [{ messageId: 'cycle' }],
    },
  ],
});
