import { type Cancel, type Producer, noop, producerOf } from './producer.js';
import type { MetricSource, SourceStatus } from './types.js';

/** Whether widgets should mark their numbers stale: the link is down, or the server ended it. */
export function isConnectionDown(status: SourceStatus | null | undefined): boolean {
  return status?.state === 'reconnecting' || status?.state === 'closed';
}

/** Whether a source's connection is down, and why. */
export interface ConnectionChange {
  down: boolean;
  reason: string | null;
}

/**
 * The connection of `source` going down and coming back, each change once, for sources that report
 * their status; nothing for those that do not. A status that cannot be read (not an object) ends
 * the stream with an error, like an error of the status channel itself.
 */
export function connectionChanges(source: MetricSource): Producer<ConnectionChange> {
  if (typeof source.status !== 'function') return () => noop;
  const statuses = producerOf<SourceStatus>(() => source.status!());
  return (sink) => {
    let closed = false;
    let last: ConnectionChange | undefined;
    let stop: Cancel | undefined;
    const fail = (error: unknown) => {
      if (closed) return;
      closed = true;
      stop?.();
      sink.error(error);
    };
    stop = statuses({
      next: (status) => {
        if (closed) return;
        let change: ConnectionChange;
        try {
          change = { down: isConnectionDown(status), reason: status.error ?? null };
        } catch (error) {
          fail(error);
          return;
        }
        if (last && last.down === change.down && last.reason === change.reason) return;
        last = change;
        sink.next(change);
      },
      error: fail,
      complete: () => {
        if (closed) return;
        closed = true;
        sink.complete();
      },
    });
    // It may have failed while it still emitted synchronously, before `stop` was known.
    if (closed) stop();
    return () => {
      closed = true;
      stop!();
    };
  };
}
