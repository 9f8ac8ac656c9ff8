import { BehaviorSubject, type Observable, distinctUntilChanged } from 'rxjs';
import type { SourceStatus } from './types.js';

// Kept apart from RxJS so that widgets, which read statuses, do not load it.
export { isConnectionDown } from './connection-changes.js';

/**
 * An adapter's connection status as an observable: the current value at once, then each change.
 * Setting the same state and reason again emits nothing, so widgets do not re-render for it.
 */
export class StatusChannel {
  private readonly subject = new BehaviorSubject<SourceStatus>({ state: 'idle' });
  private readonly changes = this.subject.pipe(
    distinctUntilChanged((a, b) => a.state === b.state && a.error === b.error && a.retryAt === b.retryAt),
  );

  get value(): SourceStatus {
    return this.subject.value;
  }

  set(state: SourceStatus['state'], details: Omit<SourceStatus, 'state'> = {}): void {
    this.subject.next({ state, ...details });
  }

  observe(): Observable<SourceStatus> {
    return this.changes;
  }
}
