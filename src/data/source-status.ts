import { Observable } from 'rxjs';
import type { SourceStatus } from './types.js';

// Kept apart from RxJS so that widgets, which read statuses, do not load it.
export { isConnectionDown } from './connection-changes.js';

/**
 * An adapter's connection status as an observable: the current value at once, then each change.
 * Setting the same state and reason again emits nothing, so widgets do not re-render for it.
 */
export class StatusChannel {
  #current: SourceStatus = { state: 'idle' };
  readonly #listeners = new Set<(status: SourceStatus) => void>();

  get value(): SourceStatus {
    return this.#current;
  }

  set(state: SourceStatus['state'], details: Omit<SourceStatus, 'state'> = {}): void {
    const status = (this.#current = { state, ...details });
    // Those listening when it was set, minus any that left while an earlier one handled it.
    for (const listener of [...this.#listeners]) if (this.#listeners.has(listener)) listener(status);
  }

  observe(): Observable<SourceStatus> {
    return new Observable<SourceStatus>((subscriber) => {
      let last: SourceStatus | undefined;
      const listener = (status: SourceStatus) => {
        if (last && last.state === status.state && last.error === status.error && last.retryAt === status.retryAt) return;
        last = status;
        subscriber.next(status);
      };
      this.#listeners.add(listener);
      listener(this.#current);
      return () => this.#listeners.delete(listener);
    });
  }
}
