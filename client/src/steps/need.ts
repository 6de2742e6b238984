import type { StepName } from '@mcp-auth-playground/core';
import type { StepContext } from '../flow/context.ts';
import { StepFailure } from '../flow/types.ts';
import type { StepDataMap, StepDataOf } from '../flow/types.ts';

/** The result of an earlier step; its absence means the flow was not run in order. */
export function need<S extends StepName & keyof StepDataMap>(
  context: StepContext,
  step: S,
): StepDataOf<S> {
  const data = context.data[step];
  if (data === undefined) {
    throw new StepFailure({
      code: 'step-out-of-order',
      message: `This step needs the result of “${step}”, which this tab no longer has. Restart the flow.`,
    });
  }
  return data as StepDataOf<S>;
}

/** The output of a step, filed under its own name. */
export function dataFor<S extends keyof StepDataMap>(step: S, value: StepDataOf<S>): StepDataMap {
  return { [step]: value };
}
