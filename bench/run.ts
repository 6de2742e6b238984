// `npm run bench`: runs every suite listed in suites.ts, prints one table of figures against
// their targets, and writes the same rows to bench/results.json. Pass suite names to run a subset.
import { writeFileSync } from 'node:fs';
import { withinTarget, type BenchResult } from './suite.ts';
import { SUITES } from './suites.ts';

const wanted = process.argv.slice(2);
const suites = wanted.length ? SUITES.filter((suite) => wanted.includes(suite.name)) : SUITES;
if (wanted.length && suites.length === 0) {
  console.error(
    `No suite named ${wanted.join(', ')}. Suites: ${SUITES.map((s) => s.name).join(', ')}`,
  );
  process.exit(2);
}

interface Row extends BenchResult {
  suite: string;
  within?: boolean;
}

const rows: Row[] = [];
for (const suite of suites) {
  process.stderr.write(`bench: ${suite.name}…\n`);
  for (const result of await suite.run()) {
    rows.push({ suite: suite.name, ...result, within: withinTarget(result) });
  }
}

function formatValue(value: number, unit: string): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

function formatTarget(row: Row): string {
  if (!row.target) return '–';
  return 'below' in row.target
    ? `< ${formatValue(row.target.below, row.unit)}`
    : `> ${formatValue(row.target.above, row.unit)}`;
}

const table = rows.map((row) => [
  row.suite,
  row.figure,
  formatValue(row.value, row.unit),
  formatTarget(row),
  row.within === undefined ? '' : row.within ? 'within' : 'OVER',
]);
const header = ['suite', 'figure', 'value', 'target', ''];
const widths = header.map((title, column) =>
  Math.max(title.length, ...table.map((cells) => (cells[column] ?? '').length)),
);
const line = (cells: string[]) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const cells of table) console.log(line(cells));

writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2) + '\n',
);
const over = rows.filter((row) => row.within === false);
if (over.length) console.log(`\n${over.length} figure(s) over target.`);
