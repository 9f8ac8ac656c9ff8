import { Observable } from 'rxjs';
import { readCatalog } from './read-catalog.js';
import { staticCatalog } from './static-catalog.js';
import type { CatalogEntry, FrameField, FrameValue, MetricFrame, MetricQuery, MetricSource } from './types.js';

type Rows = ReadonlyArray<Record<string, FrameValue>>;
/** Per metric: rows, a whole frame, or a function of the query. */
export type StaticData = Record<string, Rows | MetricFrame | ((q: MetricQuery) => Rows | MetricFrame)>;

/** Options of `staticSource`. */
export interface StaticSourceOptions {
  /** Fields per metric, for frames given as rows. */
  fields?: Record<string, FrameField[]>;
  /** The `asOf` of frames given as rows; default: when each is asked for. */
  asOf?: number;
  /** What `catalog()` lists; default: read from the data (see `staticCatalog`). */
  catalog?: readonly CatalogEntry[];
}

/**
 * A source that answers from fixed data, keyed by metric: for tests, stories, and pages whose
 * numbers come from the server-rendered HTML. An unknown metric answers an empty frame.
 * `catalog()` lists the metrics with the widgets their rows fit (a `stage` column → funnel,
 * `campaign` → campaign ROI, `name`/`id` → leaderboard, `category` → forecast, a `value` → KPI),
 * or the `catalog` option as given.
 *
 * @example
 * registerSource('crm', staticSource({ revenue: [{ value: 1234567, previous: 1000000 }] }));
 */
export function staticSource(data: StaticData, options: StaticSourceOptions = {}): MetricSource {
  return {
    catalog: async () => (options.catalog ? readCatalog(options.catalog, 'the catalog option of staticSource') : staticCatalog(data, options.fields)),
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
