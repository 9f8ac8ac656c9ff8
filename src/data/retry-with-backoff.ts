import { type MonoTypeOperatorFunction, type SchedulerLike, asyncScheduler, retry, timer } from 'rxjs';

export interface BackoffOptions {
  /** The first retry waits up to this long (ms). Default 1000. */
  initialDelay?: number;
  /** No wait is longer than this (ms). Default 60000. */
  maxDelay?: number;
  /** Give up after this many retries in a row. Default: never. */
  maxRetries?: number;
  /** Called with each error before its retry is scheduled, e.g. to show an error or stale state. */
  onError?: (error: unknown, attempt: number) => void;
  /** Random source in [0, 1): tests pass a fixed one. */
  random?: () => number;
  scheduler?: SchedulerLike;
}

/**
 * The wait before retry `attempt` (1-based): "full jitter" — a uniform pick between 0 and
 * min(maxDelay, initialDelay·2^(attempt−1)). Jitter spreads the retries of many widgets so a
 * recovering server is not hit by all of them at the same instant.
 */
export function backoffDelay(attempt: number, initialDelay: number, maxDelay: number, random: () => number): number {
  const ceiling = Math.min(maxDelay, initialDelay * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Resubscribes to the source after an error, waiting longer after each failure in a row. A frame
 * that arrives resets the count, so a flaky source is retried quickly again next time.
 *
 * @example
 * source.query(q).pipe(retryWithBackoff({ initialDelay: 500, onError: (e) => console.warn(e) }))
 */
export function retryWithBackoff<T>(options: BackoffOptions = {}): MonoTypeOperatorFunction<T> {
  const {
    initialDelay = 1000,
    maxDelay = 60_000,
    maxRetries = Infinity,
    onError,
    random = Math.random,
    scheduler = asyncScheduler,
  } = options;
  return (source) =>
    source.pipe(
      retry({
        count: maxRetries,
        resetOnSuccess: true,
        delay: (error, attempt) => {
          onError?.(error, attempt);
          return timer(backoffDelay(attempt, initialDelay, maxDelay, random), scheduler);
        },
      }),
    );
}
