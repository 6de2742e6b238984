// `npm run budget`: builds the app, prints the gzipped JavaScript each mode needs before its
// decision first paints, file by file, and exits non-zero when a mode is over its budget.
import { buildAndMeasure, kilobytes, withinBudget } from './bundle-size.ts';

const format = (bytes: number) => `${kilobytes(bytes).toFixed(1)} kB`;

const figures = await buildAndMeasure();
for (const figure of figures) {
  const verdict = withinBudget(figure) ? 'within' : 'OVER';
  console.log(
    `${figure.name}: ${format(figure.gzipBytes)} gzipped ${figure.counts ?? 'before the decision paints'} (budget < ${figure.budgetKb} kB): ${verdict}`,
  );
  for (const { file, gzipBytes } of [...figure.files].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
    console.log(`  ${format(gzipBytes).padStart(9)}  ${file}`);
  }
}

const over = figures.filter((figure) => !withinBudget(figure));
if (over.length > 0) {
  console.error(
    `Over budget: ${over.map((figure) => figure.name).join(', ')}. Move code behind a lazy import, or find what grew.`,
  );
  process.exitCode = 1;
}
