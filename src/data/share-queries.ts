import { Observable, ReplaySubject, share } from 'rxjs';
import { queryKey } from './query-key.js';
import type { MetricFrame, MetricQuery, MetricSource } from './types.js';

const shared = new WeakMap<MetricSource, MetricSource>();

/**
 * Wraps a source so that identical queries share one upstream subscription, ref-counted: the first
 * subscriber opens it, later ones get the latest frame at once, and the last to leave closes it.
 * The wrapper is cached per source object, so every widget on a page shares through the same one.
 *
 * @example
 * const crm = shareQueries(myAdapter);
 * crm.query({ metric: 'revenue' }).subscribe(a);
 * crm.query({ metric: 'revenue' }).subscribe(b); // no second request upstream
 */
export function shareQueries(source: MetricSource): MetricSource {
  if (isShared(source)) return source;
  let wrapper = shared.get(source);
  if (!wrapper) {
    const streams = new Map<string, Observable<MetricFrame>>();
    wrapper = {
      query(q: MetricQuery): Observable<MetricFrame> {
        const key = queryKey(q);
        let stream = streams.get(key);
        if (!stream) {
          stream = new Observable<MetricFrame>((subscriber) => source.query(q).subscribe(subscriber)).pipe(
            share({
              connector: () => new ReplaySubject<MetricFrame>(1),
              resetOnError: true,
              resetOnComplete: true,
              resetOnRefCountZero: true,
            }),
          );
          streams.set(key, stream);
        }
        return stream;
      },
      // The connection's status belongs to the source, not to a query: pass it through.
      ...(source.status ? { status: () => source.status!() } : {}),
    };
    sharedWrappers.add(wrapper);
    shared.set(source, wrapper);
  }
  return wrapper;
}

const sharedWrappers = new WeakSet<MetricSource>();
function isShared(source: MetricSource): boolean {
  return sharedWrappers.has(source);
}
