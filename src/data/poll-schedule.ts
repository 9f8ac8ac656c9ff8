import { Observable, type SchedulerLike } from 'rxjs';
import { pollLoop } from './poll-loop.js';
import { producerOf, scheduleOn } from './producer.js';

export interface PollScheduleOptions {
  /** Wait (ms) after a request that succeeded. */
  intervalMs: number;
  /** Waits after failures in a row: full jitter between 0 and initialDelay·2^(n−1), never above maxDelay. */
  backoff: { initialDelay: number; maxDelay: number; random: () => number };
  /** Whether the page is visible: the current value on subscribe, then every change. */
  visible: Observable<boolean>;
  /** Each emission asks again at once (e.g. the browser's `online` event). */
  wake: Observable<unknown>;
  /** Errors worth retrying; any other error ends the stream. */
  isTransient: (error: unknown) => boolean;
  /** Told after each request: null when it succeeded, else the error and the wait before the retry. */
  onOutcome?: (failure: { error: unknown; attempt: number; delay: number } | null) => void;
  /** Runs the timers, e.g. a TestScheduler in marble tests (pass it even inside `run`). Default: setTimeout. */
  scheduler?: SchedulerLike;
}

/**
 * Runs `request` (a cold observable that emits what it got and completes, or errors) again and
 * again: `intervalMs` after a success, after a growing jittered wait after a failure. A request
 * never overlaps the previous one. Nothing is requested while the page is hidden; when it becomes
 * visible again, or on a `wake`, the next request goes out at once instead of finishing its wait.
 * An error with a `retryAfterMs` (from a `Retry-After` header) waits at least that long. `wake`
 * must not emit on subscribe. The Observable face of the plain `pollLoop` that `pollingSource` runs.
 *
 * @example
 * pollSchedule(request$, { intervalMs: 30_000, backoff, visible, wake, isTransient })
 * // visible:  t---------------------f-------t
 * // requests: r----(30s)----r---(30s)-      r   (hidden: none; visible again: at once)
 */
export function pollSchedule<T>(request: Observable<T>, options: PollScheduleOptions): Observable<T> {
  const { visible, wake, scheduler, ...rest } = options;
  const loop = pollLoop(
    producerOf(() => request),
    { ...rest, visible: producerOf(() => visible), wake: producerOf(() => wake), schedule: scheduleOn(scheduler) },
  );
  return new Observable<T>((subscriber) => loop(subscriber));
}
