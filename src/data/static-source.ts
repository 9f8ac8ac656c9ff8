import { Observable } from 'rxjs';
import type { FrameField, FrameValue, MetricFrame, MetricQuery, MetricSource } from './types.js';

type Rows = ReadonlyArray<Record<string, FrameValue>>;
/** Per metric: rows, a whole frame, or a function of the query. */
export type StaticData = Record<string, Rows | MetricFrame | ((q: MetricQuery) => Rows | MetricFrame)>;

/**
 * A source that answers from fixed data, keyed by metric: for tests, stories, and pages whose
 * numbers come from the server-rendered HTML. An unknown metric answers an empty frame.
 *
 * @example
 * registerSource('crm', staticSource({ revenue: [{ value: 1234567, previous: 1000000 }] }));
 */
export function staticSource(data: StaticData, options: { fields?: Record<string, FrameField[]>; asOf?: number } = {}): MetricSource {
  return {
    query(q: MetricQuery): Observable<MetricFrame> {
      const entry = data[q.metric];
      const answer = typeof entry === 'function' ? entry(q) : entry;
      const asOf = options.asOf ?? Date.now();
      if (answer && !Array.isArray(answer) && 'rows' in (answer as object)) return just(answer as MetricFrame);
      const fields = options.fields?.[q.metric];
      return just({ rows: (answer as Rows | undefined) ?? [], asOf, ...(fields ? { fields } : {}) });
    },
  };
}

/** One frame to each subscriber, then complete: rxjs's `of`, without its scheduling code. */
function just(frame: MetricFrame): Observable<MetricFrame> {
  return new Observable((subscriber) => {
    subscriber.next(frame);
    subscriber.complete();
  });
}
