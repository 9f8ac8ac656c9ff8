import { type Cancel, type Producer, noop, producerOf } from './producer.js';
import type { ProblemKind } from './source-errors.js';
import type { MetricSource, SourceStatus } from './types.js';

/** Whether widgets should mark their numbers stale: the link is down, or the server ended it. */
export function isConnectionDown(status: SourceStatus | null | undefined): boolean {
  return status?.state === 'reconnecting' || status?.state === 'closed';
}

/** Whether a source's connection is down, and why. */
export interface ConnectionChange {
  down: boolean;
  reason: string | null;
  /** What kind of failure took it down (`unreachable` when the source does not say). */
  kind: ProblemKind;
  /** Whether the source is trying again by itself (`reconnecting`), rather than stopped (`closed`). */
  retrying: boolean;
  retryAt: number | undefined;
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
          const down = isConnectionDown(status);
          const retryAt = typeof status.retryAt === 'number' && Number.isFinite(status.retryAt) ? status.retryAt : undefined;
          change = { down, reason: status.error ?? null, kind: status.kind ?? (status.state === 'closed' ? 'failed' : 'unreachable'), retrying: status.state !== 'closed', retryAt };
        } catch (error) {
          fail(error);
          return;
        }
        if (last && last.down === change.down && last.reason === change.reason && last.kind === change.kind && last.retryAt === change.retryAt) return;
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
