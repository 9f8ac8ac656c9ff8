import { Observable, Subject } from 'rxjs';
import type { FrameValue, MetricFrame, MetricQuery, MetricSource } from '../../src/data/types.js';

export type Row = Record<string, FrameValue>;
export const frame = (rows: Row[], asOf = Date.now()): MetricFrame => ({ rows, asOf });

/**
 * A source the test drives by hand: `emit` sends a frame to every open subscription, and the
 * counters tell how many upstream subscriptions were opened and are still open.
 */
export class ManualSource implements MetricSource {
  opened = 0;
  active = 0;
  readonly queries: MetricQuery[] = [];
  private readonly frames = new Subject<MetricFrame>();
  private last: MetricFrame | undefined;

  constructor(initial?: MetricFrame) {
    this.last = initial;
  }

  query(q: MetricQuery): Observable<MetricFrame> {
    return new Observable<MetricFrame>((subscriber) => {
      this.opened++;
      this.active++;
      this.queries.push(q);
      if (this.last) subscriber.next(this.last);
      const sub = this.frames.subscribe(subscriber);
      return () => {
        this.active--;
        sub.unsubscribe();
      };
    });
  }

  emit(rows: Row[] | MetricFrame): void {
    this.last = Array.isArray(rows) ? frame(rows) : rows;
    this.frames.next(this.last);
  }

  fail(error: unknown): void {
    this.frames.error(error);
  }
}

/** Waits for `n` animation frames: the controller renders at most once per frame. */
export const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : resolve());
    step(n);
  });
