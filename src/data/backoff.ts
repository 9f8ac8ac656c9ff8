import type { SchedulerLike } from 'rxjs';
import { type Cancel, type Producer, type Schedule, scheduleTimeout } from './producer.js';

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
 * row; a value resets the count. After `maxRetries` failures in a row the error passes on.
 * The plain core of `retryWithBackoff`; its timers run on `schedule`.
 */
export function withBackoff<T>(producer: Producer<T>, options: Omit<BackoffOptions, 'scheduler'> & { schedule?: Schedule } = {}): Producer<T> {
  const { initialDelay = 1000, maxDelay = 60_000, maxRetries = Infinity, onError, random = Math.random, schedule = scheduleTimeout } = options;
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
          if (!(failures < maxRetries)) {
            closed = true;
            sink.error(error);
            return;
          }
          failures++;
          try {
            onError?.(error, failures);
          } catch (thrown) {
            // A broken onError ends the stream with its error rather than leaving it hanging.
            closed = true;
            sink.error(thrown);
            return;
          }
          // onError may have cancelled us.
          if (!closed) cancelWait = schedule(attempt, backoffDelay(failures, initialDelay, maxDelay, random));
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
