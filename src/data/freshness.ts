import { type Cancel, type Producer, type Schedule, scheduleTimeout } from './producer.js';

/** A value with whether it is older than the freshness limit. */
export interface Freshness<T> {
  value: T;
  stale: boolean;
}

/**
 * Pushes each value of `producer` as fresh, then the same value again marked stale when
 * `staleAfter` ms pass without a newer one. A producer that completes has said all it will: its
 * last value never goes stale. `staleAfter` of 0, NaN or Infinity never marks stale.
 *
 * Freshness is kept by timestamp: a value only notes the time it came, and one timer at a time
 * checks, when it fires, how long ago the last value came (setting it again for the rest of the
 * wait if a newer one came meanwhile). A burst of values costs no timer work per value.
 * The plain core of `markStale`; `now` is the clock of `schedule` (a TestScheduler's in marble tests).
 */
export function withFreshness<T>(producer: Producer<T>, staleAfter: number, schedule: Schedule = scheduleTimeout, now: () => number = Date.now): Producer<Freshness<T>> {
  const expires = staleAfter > 0 && Number.isFinite(staleAfter);
  return (sink) => {
    let closed = false;
    let cancelTimer: Cancel | undefined;
    let latest: { value: T } | undefined;
    let lastAt = 0;
    const clearTimer = () => {
      cancelTimer?.();
      cancelTimer = undefined;
    };
    const arm = (ms: number) => {
      cancelTimer = schedule(check, ms);
    };
    // The timer's time is up: stale if nothing came since, else wait out the rest for the newest.
    const check = () => {
      cancelTimer = undefined;
      if (closed || !latest) return;
      const left = lastAt + staleAfter - now();
      if (left > 0) return arm(left);
      sink.next({ value: latest.value, stale: true });
    };
    const stopUpstream = producer({
      next: (value) => {
        if (closed) return;
        latest = { value };
        lastAt = now();
        sink.next({ value, stale: false });
        // The sink may have cancelled us while it handled the value.
        if (expires && !closed && cancelTimer === undefined) arm(staleAfter);
      },
      error: (error) => {
        if (closed) return;
        closed = true;
        clearTimer();
        sink.error(error);
      },
      complete: () => {
        if (closed) return;
        closed = true;
        clearTimer();
        sink.complete();
      },
    });
    return () => {
      closed = true;
      clearTimer();
      stopUpstream();
    };
  };
}
