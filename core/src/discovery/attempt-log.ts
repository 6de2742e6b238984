import type { Cite } from '../cite.ts';
import type { AttemptOutcome, DiscoveryAttempt, DiscoveryStep } from './types.ts';

export interface AttemptStart {
  step: DiscoveryStep;
  url: string;
  method: DiscoveryAttempt['method'];
  purpose: string;
  cite?: Cite;
}

export interface AttemptSettlement {
  outcome: Exclude<AttemptOutcome, 'pending'>;
  reason: string;
  status?: number;
  relayed?: boolean;
}

/**
 * Numbers the attempts of one run and reports each as it is sent and as it settles. A listener
 * that throws is ignored: a broken progress display must not change what discovery finds.
 */
export class AttemptLog {
  private count = 0;

  constructor(private readonly listener: ((attempt: DiscoveryAttempt) => void) | undefined) {}

  start(start: AttemptStart): PendingAttempt {
    this.count += 1;
    const attempt: DiscoveryAttempt = {
      id: `${start.step}#${this.count}`,
      step: start.step,
      url: start.url,
      method: start.method,
      ms: 0,
      outcome: 'pending',
      purpose: start.purpose,
      reason: '',
    };
    if (start.cite) attempt.cite = start.cite;
    this.report(attempt);
    return new PendingAttempt(attempt, Date.now(), (settled) => this.report(settled));
  }

  private report(attempt: DiscoveryAttempt): void {
    try {
      this.listener?.({ ...attempt });
    } catch {
      // see the class comment
    }
  }
}

export class PendingAttempt {
  constructor(
    private readonly attempt: DiscoveryAttempt,
    private readonly startedAt: number,
    private readonly report: (attempt: DiscoveryAttempt) => void,
  ) {}

  settle(settlement: AttemptSettlement): DiscoveryAttempt {
    const settled: DiscoveryAttempt = {
      ...this.attempt,
      ms: Math.max(0, Date.now() - this.startedAt),
      outcome: settlement.outcome,
      reason: settlement.reason,
    };
    if (settlement.status !== undefined) settled.status = settlement.status;
    if (settlement.relayed) settled.relayed = true;
    this.report(settled);
    return settled;
  }
}
