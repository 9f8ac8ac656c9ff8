import { Observable } from 'rxjs';
import { queryHub, shareHubAs } from './query-hub.js';
import type { MetricFrame, MetricQuery, MetricSource } from './types.js';

const wrappers = new WeakMap<MetricSource, MetricSource>();
const sharedWrappers = new WeakSet<MetricSource>();

/**
 * Wraps a source so that identical queries share one upstream subscription, ref-counted: the first
 * subscriber opens it, later ones get the latest frame at once, and the last to leave closes it.
 * The wrapper is cached per source object, so every widget on a page shares through the same one
 * (widgets share through the same `queryHub` too).
 *
 * @example
 * const crm = shareQueries(myAdapter);
 * crm.query({ metric: 'revenue' }).subscribe(a);
 * crm.query({ metric: 'revenue' }).subscribe(b); // no second request upstream
 */
export function shareQueries(source: MetricSource): MetricSource {
  if (sharedWrappers.has(source)) return source;
  let wrapper = wrappers.get(source);
  if (!wrapper) {
    const hub = queryHub(source);
    wrapper = {
      query: (q: MetricQuery) => new Observable<MetricFrame>((subscriber) => hub.query(q)(subscriber)),
      // The connection's status belongs to the source, not to a query: pass it through.
      ...(source.status ? { status: () => source.status!() } : {}),
    };
    shareHubAs(wrapper, hub);
    sharedWrappers.add(wrapper);
    wrappers.set(source, wrapper);
  }
  return wrapper;
}
