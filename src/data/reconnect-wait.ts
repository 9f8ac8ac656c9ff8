import { backoffDelay } from './backoff.js';
import { wakeEvents } from './page-signals.js';
import type { Cancel } from './producer.js';
import { waitBeforeRetry } from './source-errors.js';

/** A push source's `backoff` option: each setting defaults (30 s at most, `Math.random`). */
export interface ReconnectBackoff {
  initialDelay?: number;
  maxDelay?: number;
  random?: () => number;
}

/**
 * The waits of a push connection between attempts: full jitter between 0 and
 * initialDelay·2^(n−1), capped at maxDelay, at least an error's `retryAfterMs`; cut short when the
 * browser comes back online or the page is shown again. The count of failures in a row only
 * starts over when a connection has *proved itself* (`proven()`: a first valid message, or long
 * enough open), not when it merely opened: a server that accepts and closes at once is backed off
 * like one that refuses.
 */
export class ReconnectWait {
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopWake: Cancel | undefined;
  readonly #options: Required<ReconnectBackoff>;

  /** `backoff` as the source's user gave it; `initialDelay` is the source's own first wait. */
  constructor({ initialDelay, maxDelay = 30_000, random = Math.random }: ReconnectBackoff = {}, defaultInitialDelay: number) {
    this.#options = { initialDelay: initialDelay ?? defaultInitialDelay, maxDelay, random };
  }

  /** Failures in a row since the last connection that proved itself. */
  get failures(): number {
    return this.#failures;
  }

  get waiting(): boolean {
    return this.#timer !== undefined;
  }

  /** Counts a failure and calls `attempt` after the wait; returns the epoch ms it is due. */
  schedule(attempt: () => void, error?: unknown): number {
    this.cancel();
    this.#failures++;
    const { initialDelay, maxDelay, random } = this.#options;
    const delay = waitBeforeRetry(error, backoffDelay(this.#failures, initialDelay, maxDelay, random));
    const run = () => {
      this.cancel();
      attempt();
    };
    this.#timer = setTimeout(run, delay);
    this.#stopWake = wakeEvents()({ next: run, error: () => {}, complete: () => {} });
    return Date.now() + delay;
  }

  /** The connection proved itself: the next failure waits the shortest time again. */
  proven(): void {
    this.#failures = 0;
  }

  /** Forgets a pending attempt. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#stopWake?.();
    this.#stopWake = undefined;
  }

  /** No connection is wanted any more: forget the pending attempt and the count. */
  reset(): void {
    this.cancel();
    this.#failures = 0;
  }
}
