import { z } from 'zod';
import { PHASE_STEPS } from './steps.ts';
import type { FlowPhase, StepName } from './steps.ts';
import type { FlowState } from './machine.ts';

const phases = Object.keys(PHASE_STEPS) as [FlowPhase, ...FlowPhase[]];
const stepNames = [...new Set(Object.values(PHASE_STEPS).flat())] as [StepName, ...StepName[]];

const citeSchema = z.object({ title: z.string(), url: z.string() });

const findingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  subject: z.enum([
    'resource-metadata',
    'auth-server-metadata',
    'client-metadata',
    'www-authenticate',
    'server-url',
  ]),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  message: z.string(),
  cite: citeSchema.optional(),
});

const stepStateSchema = z.object({
  name: z.enum(stepNames),
  phase: z.enum(phases),
  status: z.enum(['pending', 'running', 'paused', 'done', 'error']),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      cite: citeSchema.optional(),
      findings: z.array(findingSchema).optional(),
    })
    .optional(),
});

const flowStateSchema = z.object({
  runId: z.number().int().nonnegative(),
  mode: z.enum(['step', 'run-all']),
  steps: z.array(stepStateSchema).max(64),
});

/**
 * Reads a flow state back from storage. Anything that is not a state this machine could have
 * written (another version, a hand-edited value) gives undefined, and the caller starts afresh.
 */
export function parseFlowState(value: unknown): FlowState | undefined {
  const parsed = flowStateSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const state = parsed.data;
  const active = state.steps.filter((s) => s.status === 'running' || s.status === 'paused');
  if (active.length > 1) return undefined;
  return state;
}
