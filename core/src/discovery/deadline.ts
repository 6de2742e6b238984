/** Why a request stopped before it settled. */
export type StopReason = 'cancelled' | 'timeout';

/** Thrown inside discovery only, and always caught there: a request was stopped. */
export class Stopped extends Error {
  constructor(readonly why: StopReason) {
    super(why);
    this.name = 'Stopped';
  }
}

/**
 * One request's time budget joined with the caller's cancel signal. Its own timer (rather than
 * `AbortSignal.timeout`) can be cleared as soon as the request settles, and a fake clock in a
 * test can drive it.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private reason: StopReason | undefined;
  private readonly onOuterAbort = (): void => this.stop('cancelled');

  constructor(
    ms: number,
    private readonly outer: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => this.stop('timeout'), ms);
    if (outer?.aborted) this.stop('cancelled');
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the request was stopped, or undefined while it may still run. */
  get stopped(): StopReason | undefined {
    return this.reason;
  }

  private stop(reason: StopReason): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller.abort(new Stopped(reason));
  }

  /**
   * Settles with `promise`, or rejects with `Stopped` as soon as the deadline passes or the
   * caller cancels, even when whatever produced the promise ignores its signal.
   */
  race<T>(promise: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    if (this.reason) {
      promise.catch(() => undefined);
      return Promise.reject(new Stopped(this.reason));
    }
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(new Stopped(this.reason ?? 'cancelled'));
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}
