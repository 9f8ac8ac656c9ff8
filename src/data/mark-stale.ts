import { type OperatorFunction, type SchedulerLike, asyncScheduler, concat, map, of, switchMap, timer } from 'rxjs';

/** A value with whether it is older than the freshness limit. */
export interface Freshness<T> {
  value: T;
  stale: boolean;
}

/**
 * Emits each value as fresh, then the same value again marked stale when `staleAfter` ms pass
 * without a newer one. The last numbers stay on screen; only their status changes.
 *
 * @example
 * frames.pipe(markStale(30_000)) // -f-----------s  (f: {stale: false}, s: {stale: true})
 */
export function markStale<T>(staleAfter: number, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<T, Freshness<T>> {
  return (source) =>
    source.pipe(
      switchMap((value) =>
        !(staleAfter > 0) || !Number.isFinite(staleAfter)
          ? of({ value, stale: false })
          : concat(
              of({ value, stale: false }),
              timer(staleAfter, scheduler).pipe(map(() => ({ value, stale: true }))),
            ),
      ),
    );
}
