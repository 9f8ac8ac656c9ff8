import { NEVER, Observable, type SchedulerLike, Subscription, asyncScheduler, distinctUntilChanged, merge, of, switchMap, take, timer } from 'rxjs';
import { backoffDelay } from './retry-with-backoff.js';

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
  scheduler?: SchedulerLike;
}

/**
 * Runs `request` (a cold observable that emits what it got and completes, or errors) again and
 * again: `intervalMs` after a success, after a growing jittered wait after a failure. A request
 * never overlaps the previous one. Nothing is requested while the page is hidden; when it becomes
 * visible again, or on a `wake`, the next request goes out at once instead of finishing its wait.
 * An error with a `retryAfterMs` (from a `Retry-After` header) waits at least that long. `wake`
 * must not emit on subscribe.
 *
 * @example
 * pollSchedule(request$, { intervalMs: 30_000, backoff, visible, wake, isTransient })
 * // visible:  t---------------------f-------t
 * // requests: r----(30s)----r---(30s)-      r   (hidden: none; visible again: at once)
 */
export function pollSchedule<T>(request: Observable<T>, options: PollScheduleOptions): Observable<T> {
  const { intervalMs, backoff, visible, wake, isTransient, onOutcome, scheduler = asyncScheduler } = options;
  /** Completes after `ms` of visible time, or at once when the page turns visible again or on a wake. */
  const waitFor = (ms: number) =>
    merge(
      visible.pipe(
        distinctUntilChanged(),
        switchMap((shown, i) => (!shown ? NEVER : i === 0 ? timer(ms, scheduler) : of(0))),
      ),
      wake,
    ).pipe(take(1));

  return new Observable<T>((subscriber) => {
    let failures = 0;
    // Waits and requests follow each other and may finish synchronously: each is added to one
    // parent, which drops finished ones and closes whichever is current on unsubscribe.
    const steps = new Subscription();
    const next = (ms: number) => {
      steps.add(waitFor(ms).subscribe(() => run()));
    };
    const run = () => {
      steps.add(request.subscribe({
        next: (value) => subscriber.next(value),
        complete: () => {
          failures = 0;
          onOutcome?.(null);
          next(intervalMs);
        },
        error: (error) => {
          if (!isTransient(error)) return subscriber.error(error);
          failures++;
          const jitter = backoffDelay(failures, backoff.initialDelay, backoff.maxDelay, backoff.random);
          const delay = Math.min(backoff.maxDelay, Math.max(jitter, retryAfterOf(error)));
          onOutcome?.({ error, attempt: failures, delay });
          next(delay);
        },
      }));
    };
    next(0);
    return steps;
  });
}

function retryAfterOf(error: unknown): number {
  const ms = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' && ms > 0 ? ms : 0;
}
