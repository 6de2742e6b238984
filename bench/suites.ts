import { decisionSuite } from '../core/bench/decision.bench.ts';
import { protocolSuite } from '../core/bench/protocol.bench.ts';
import { bundleSuite } from '../scripts/bundle-size.ts';
import { cliSuite } from './cli.bench.ts';
import { flowSuite } from './flow.bench.ts';
import type { BenchSuite } from './suite.ts';
import { testbedFloodSuite } from './testbed-flood.bench.ts';
import { uiSuite } from './ui.bench.ts';

/** Every suite `npm run bench` runs, in order. Add a suite by listing it here. */
export const SUITES: readonly BenchSuite[] = [
  decisionSuite,
  protocolSuite,
  flowSuite,
  uiSuite,
  bundleSuite,
  cliSuite,
  testbedFloodSuite,
];
