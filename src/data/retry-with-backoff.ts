import { type MonoTypeOperatorFunction, Observable } from 'rxjs';
import { type BackoffOptions, withBackoff } from './backoff.js';
import { producerOf, scheduleOn } from './producer.js';

export { backoffDelay, type BackoffOptions } from './backoff.js';

/**
 * Resubscribes to the source after an error, waiting longer after each failure in a row (full
 * jitter, see `backoffDelay`). A frame that arrives resets the count, so a flaky source is retried
 * quickly again next time.
 *
 * @example
 * source.query(q).pipe(retryWithBackoff({ initialDelay: 500, onError: (e) => console.warn(e) }))
 */
export function retryWithBackoff<T>(options: BackoffOptions = {}): MonoTypeOperatorFunction<T> {
  const { scheduler, ...rest } = options;
  const schedule = scheduleOn(scheduler);
  return (source) => new Observable<T>((subscriber) => withBackoff(producerOf<T>(() => source), { ...rest, schedule })(subscriber));
}
