import { Observable, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { type Freshness, withFreshness } from './freshness.js';
import { producerOf, scheduleOn } from './producer.js';

export type { Freshness } from './freshness.js';

/**
 * Emits each value as fresh, then the same value again marked stale when `staleAfter` ms pass
 * without a newer one. The last numbers stay on screen; only their status changes. A source that
 * completes has said all it will (a static source, a one-off fetch): its last value never goes
 * stale, and the result completes with it. `staleAfter` of 0, NaN or Infinity never marks stale.
 * Its timer runs on `scheduler` (e.g. a TestScheduler), else on setTimeout.
 *
 * @example
 * frames.pipe(markStale(30_000)) // -f-----------s  (f: {stale: false}, s: {stale: true})
 */
export function markStale<T>(staleAfter: number, scheduler?: SchedulerLike): OperatorFunction<T, Freshness<T>> {
  return (source) =>
    new Observable<Freshness<T>>((subscriber) =>
      withFreshness(producerOf<T>(() => source), staleAfter, scheduleOn(scheduler), scheduler ? () => scheduler.now() : Date.now)(subscriber),
    );
}
