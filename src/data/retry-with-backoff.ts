import { type MonoTypeOperatorFunction, Observable } from 'rxjs';
import { type BackoffOptions, withBackoff } from './backoff.js';
import { producerOf, scheduleOn } from './producer.js';

export { backoffDelay, type BackoffOptions } from './backoff.js';

/**
 * Resubscribes to the source after an error, waiting longer after each failure in a row (full
 * jitter, see `backoffDelay`), and no sooner than an error's `retryAfterMs` (up to 10 minutes). A
 * frame that arrives resets the count, so a flaky source is retried quickly again next time. An
 * error that is not `retryable` (by default: 401, 403, 404 and other 4xx but 408, 425, 429) passes
 * on at once: asking again would not heal it.
 *
 * @example
 * source.query(q).pipe(retryWithBackoff({ initialDelay: 500, onError: (e) => console.warn(e) }))
 */
export function retryWithBackoff<T>(options: BackoffOptions = {}): MonoTypeOperatorFunction<T> {
  const { scheduler, ...rest } = options;
  const schedule = scheduleOn(scheduler);
  return (source) => new Observable<T>((subscriber) => withBackoff(producerOf<T>(() => source), { ...rest, schedule })(subscriber));
}
