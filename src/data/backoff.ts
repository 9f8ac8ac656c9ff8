import type { SchedulerLike } from 'rxjs';
import { type Cancel, type Producer, type Schedule, scheduleTimeout } from './producer.js';
import { classifiedRetryable, retryable as defaultRetryable, waitBeforeRetry } from './source-errors.js';

export interface BackoffOptions {
  /** The first retry waits up to this long (ms). Default 1000. */
  initialDelay?: number;
  /** No wait is longer than this (ms). Default 60000. */
  maxDelay?: number;
  /** Give up after this many retries in a row. Default: never. */
  maxRetries?: number;
  /** Called with each error before its retry is scheduled (and the wait before it), e.g. to show an error or stale state. */
  onError?: (error: unknown, attempt: number, delay: number) => void;
  /** Whether an error is worth a retry; any other passes on at once. Default: `retryable` (408, 425, 429, 5xx and network errors retry; 401, 403, 404 stop). */
  retryable?: (error: unknown) => boolean;
  /** Random source in [0, 1): tests pass a fixed one. */
  random?: () => number;
  /** Runs the timers, e.g. a TestScheduler in marble tests (pass it even inside `run`). Default: setTimeout. */
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
 * Starts `producer` again after each error, waiting `backoffDelay` longer after each failure in a
 * row, and at least as long as an error's `retryAfterMs` (a `Retry-After` header, up to 10 minutes);
 * a value resets the count. An error that is not `retryable` (a 401, 403, 404) passes on at once,
 * and so does the error after `maxRetries` failures in a row.
 * The plain core of `retryWithBackoff`; its timers run on `schedule`.
 */
export function withBackoff<T>(producer: Producer<T>, options: Omit<BackoffOptions, 'scheduler'> & { schedule?: Schedule } = {}): Producer<T> {
  const { initialDelay = 1000, maxDelay = 60_000, maxRetries = Infinity, onError, random = Math.random, schedule = scheduleTimeout, retryable = defaultRetryable } = options;
  return (sink) => {
    let closed = false;
    let failures = 0;
    let attempts = 0;
    let stopAttempt: Cancel | undefined;
    let cancelWait: Cancel | undefined;
    const attempt = () => {
      cancelWait = undefined;
      const current = ++attempts;
      const stop = producer({
        next: (value) => {
          if (closed) return;
          failures = 0;
          sink.next(value);
        },
        error: (error) => {
          if (closed) return;
          // Written as rxjs's retry writes it, so a maxRetries of NaN gives up at once too.
          if (!(failures < maxRetries) || !classifiedRetryable(retryable, error)) {
            closed = true;
            sink.error(error);
            return;
          }
          failures++;
          const delay = waitBeforeRetry(error, backoffDelay(failures, initialDelay, maxDelay, random));
          try {
            onError?.(error, failures, delay);
          } catch (thrown) {
            // A broken onError ends the stream with its error rather than leaving it hanging.
            closed = true;
            sink.error(thrown);
            return;
          }
          // onError may have cancelled us.
          if (!closed) cancelWait = schedule(attempt, delay);
        },
        complete: () => {
          if (closed) return;
          closed = true;
          sink.complete();
        },
      });
      // A cancel, or another attempt, may have come while this one still ran synchronously.
      if (closed || current !== attempts) stop();
      else stopAttempt = stop;
    };
    attempt();
    return () => {
      closed = true;
      cancelWait?.();
      stopAttempt?.();
    };
  };
}
