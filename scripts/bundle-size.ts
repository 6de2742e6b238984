import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Manifest } from 'vite';
import type { BenchResult, BenchSuite } from '../bench/suite.ts';

// The JavaScript a browser must download before the scope decision first paints: the page's
// script, the chunk that draws the mode (the app or the embed), and every chunk those import
// statically. Chunks loaded on demand (the editors, other routes) come after the first paint,
// so they are not counted. The figures come from a production build's manifest, gzipped here.

/** kB as Vite prints them: 1000 bytes. */
const KB = 1000;

export interface FirstPaint {
  name: string;
  /** Manifest keys (source paths) whose chunks run before this mode paints its decision. */
  roots: readonly string[];
  /** Gzipped kilobytes the issue allows. */
  budgetKb: number;
  /**
   * Roots already loaded when these chunks are asked for; their files are not counted again.
   * Set for code loaded on demand after a view has painted (the pictures).
   */
  after?: readonly string[];
  /** What the figure counts, in the report's words; the JavaScript before the decision paints when absent. */
  counts?: string;
}

const PAGE = 'index.html';

export const FIRST_PAINTS: readonly FirstPaint[] = [
  { name: 'playground', roots: [PAGE, 'app/src/main.tsx'], budgetKb: 150 },
  // Both built-in embed views (decision, ?view=compare) ship in the embed's own chunk.
  { name: 'embed', roots: [PAGE, 'app/src/embed/main.ts'], budgetKb: 90 },
  // Issue 11: the flowchart, the sequence diagram and the SVG export together, each loaded on
  // demand once its view (the playground, the flow runner) is on screen.
  {
    name: 'pictures',
    counts: 'for the flowchart, the sequence diagram and their SVG export, loaded on demand',
    roots: [
      'app/src/pictures/flowchart/Flowchart.tsx',
      'app/src/pictures/sequence/SequenceDiagram.tsx',
      'app/src/pictures/export/svg-export.ts',
    ],
    after: [PAGE, 'app/src/main.tsx', 'app/src/flow/FlowView.tsx'],
    budgetKb: 30,
  },
];

export interface BundleFigure extends FirstPaint {
  /** Gzipped size of every JavaScript file counted, in bytes. */
  gzipBytes: number;
  files: { file: string; gzipBytes: number }[];
}

/** The JavaScript files of `roots` and of everything they import statically, each once. */
export function staticClosure(manifest: Manifest, roots: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest has no chunk for ${key}.`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  roots.forEach(visit);
  return [...files];
}

/** Measures each first paint in a build's output directory. */
export function measureFirstPaints(
  outDir: string,
  firstPaints: readonly FirstPaint[] = FIRST_PAINTS,
): BundleFigure[] {
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(outDir, file))).length;
      gzipped.set(file, size);
    }
    return size;
  };
  return firstPaints.map((firstPaint) => {
    const loaded = new Set(staticClosure(manifest, firstPaint.after ?? []));
    const files = staticClosure(manifest, firstPaint.roots)
      .filter((file) => !loaded.has(file))
      .map((file) => ({
        file,
        gzipBytes: sizeOf(file),
      }));
    const gzipBytes = files.reduce((total, entry) => total + entry.gzipBytes, 0);
    return { ...firstPaint, gzipBytes, files };
  });
}

/** Builds the app for production into a temporary directory and measures it there. */
export async function buildAndMeasure(): Promise<BundleFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'mcp-auth-playground-budget-'));
  try {
    await build({
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    });
    return measureFirstPaints(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function kilobytes(bytes: number): number {
  return bytes / KB;
}

export function withinBudget(figure: BundleFigure): boolean {
  return figure.gzipBytes < figure.budgetKb * KB;
}

/** The same figures as a benchmark suite, for `npm run bench`. */
export const bundleSuite: BenchSuite = {
  name: 'bundle',
  async run(): Promise<BenchResult[]> {
    const figures = await buildAndMeasure();
    return figures.map((figure) => ({
      figure: `JavaScript ${figure.counts ?? 'before the decision paints'}, ${figure.name} (gzipped)`,
      value: kilobytes(figure.gzipBytes),
      unit: 'kB',
      target: { below: figure.budgetKb },
    }));
  },
};
