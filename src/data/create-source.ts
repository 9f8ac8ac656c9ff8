import { Observable } from 'rxjs';
import type { MetricFrame, MetricQuery, MetricSource } from './types.js';

export interface CreateSourceOptions {
  /** Fetch again this long (ms) after each answer; omit to fetch once. */
  intervalMs?: number;
}

/**
 * Turns a plain async function into a live source: the quickest adapter for a CRM with a REST API.
 * Each subscription fetches, emits, and (with `intervalMs`) fetches again after the interval; a
 * request never overlaps the previous one, and unsubscribing aborts the one in flight through
 * `signal`. A rejected promise errors the stream; widgets retry it with backoff.
 *
 * @example
 * const crm = createSource(async (q, signal) => {
 *   const res = await fetch(`/api/metrics/${q.metric}?range=${q.range ?? ''}`, { signal });
 *   if (!res.ok) throw new Error(`HTTP ${res.status}`);
 *   const body = await res.json();
 *   return { rows: body.items, asOf: Date.parse(body.updatedAt) };
 * }, { intervalMs: 30_000 });
 */
export function createSource(
  fetchFrame: (query: MetricQuery, signal: AbortSignal) => Promise<MetricFrame> | MetricFrame,
  options: CreateSourceOptions = {},
): MetricSource {
  const { intervalMs } = options;
  return {
    query(q: MetricQuery): Observable<MetricFrame> {
      return new Observable<MetricFrame>((subscriber) => {
        const controller = new AbortController();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const fetchOnce = () => {
          Promise.resolve()
            .then(() => fetchFrame(q, controller.signal))
            .then(
              (frame) => {
                if (controller.signal.aborted) return;
                subscriber.next(frame);
                // The subscriber may have left inside next() (take(1)): then the teardown has already
                // run, and a timer set now would fetch once more for nobody.
                if (subscriber.closed) return;
                if (intervalMs && intervalMs > 0) timer = setTimeout(fetchOnce, intervalMs);
                else subscriber.complete();
              },
              (error) => {
                if (!controller.signal.aborted) subscriber.error(error);
              },
            );
        };
        fetchOnce();
        return () => {
          clearTimeout(timer);
          controller.abort();
        };
      });
    },
  };
}
