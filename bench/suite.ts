/** A figure a benchmark reports, with the target an issue sets for it. */
export interface BenchResult {
  /** What was measured, e.g. 'evaluateScenario, typical scenario (median)'. */
  figure: string;
  value: number;
  unit: string;
  /** The figure must stay below (or above) this value. */
  target?: { below: number } | { above: number };
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Runs `fn` until `minMs` has passed (after a warm-up) and returns each call's duration in ms. */
export function sampleDurations(fn: () => unknown, { minMs = 1000, minRuns = 50 } = {}): number[] {
  for (let i = 0; i < 20; i++) fn();
  const samples: number[] = [];
  const end = performance.now() + minMs;
  while (samples.length < minRuns || performance.now() < end) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function sampleDurationsAsync(
  fn: () => Promise<unknown>,
  { minMs = 1000, minRuns = 20 } = {},
): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  const end = performance.now() + minMs;
  while (samples.length < minRuns || performance.now() < end) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Operations per second from a batch timing: runs `fn` in batches to keep timer overhead out. */
export function opsPerSecond(fn: () => unknown, { minMs = 1000 } = {}): number {
  for (let i = 0; i < 100; i++) fn();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 100; i++) fn();
    runs += 100;
    elapsed = performance.now() - start;
  }
  return (runs / elapsed) * 1000;
}

export function withinTarget(result: BenchResult): boolean | undefined {
  if (!result.target) return undefined;
  return 'below' in result.target
    ? result.value < result.target.below
    : result.value > result.target.above;
}
