import { EMPTY, type OperatorFunction, type SchedulerLike, asyncScheduler, concat, endWith, map, of, switchMap, timer } from 'rxjs';

/** A value with whether it is older than the freshness limit. */
export interface Freshness<T> {
  value: T;
  stale: boolean;
}

/** Marks the source's completion inside the stream, so switchMap can cancel a pending stale timer. */
const DONE = Symbol('done');

/**
 * Emits each value as fresh, then the same value again marked stale when `staleAfter` ms pass
 * without a newer one. The last numbers stay on screen; only their status changes. A source that
 * completes has said all it will (a static source, a one-off fetch): its last value never goes
 * stale, and the result completes with it. `staleAfter` of 0, NaN or Infinity never marks stale.
 *
 * @example
 * frames.pipe(markStale(30_000)) // -f-----------s  (f: {stale: false}, s: {stale: true})
 */
export function markStale<T>(staleAfter: number, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<T, Freshness<T>> {
  const expires = staleAfter > 0 && Number.isFinite(staleAfter);
  return (source) =>
    source.pipe(
      endWith(DONE),
      switchMap((value) => {
        if (value === DONE) return EMPTY;
        const fresh = of({ value: value as T, stale: false });
        return expires ? concat(fresh, timer(staleAfter, scheduler).pipe(map(() => ({ value: value as T, stale: true })))) : fresh;
      }),
    );
}
