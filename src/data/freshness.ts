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
 * The plain core of `markStale`.
 */
export function withFreshness<T>(producer: Producer<T>, staleAfter: number, schedule: Schedule = scheduleTimeout): Producer<Freshness<T>> {
  const expires = staleAfter > 0 && Number.isFinite(staleAfter);
  return (sink) => {
    let closed = false;
    let cancelTimer: Cancel | undefined;
    let emitted = 0;
    const clearTimer = () => {
      cancelTimer?.();
      cancelTimer = undefined;
    };
    const stopUpstream = producer({
      next: (value) => {
        if (closed) return;
        clearTimer();
        const generation = ++emitted;
        sink.next({ value, stale: false });
        // The sink may have cancelled us while it handled the fresh value, or made the upstream
        // emit a newer one, whose timer is the one that counts.
        if (expires && !closed && generation === emitted) {
          cancelTimer = schedule(() => {
            cancelTimer = undefined;
            sink.next({ value, stale: true });
          }, staleAfter);
        }
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
