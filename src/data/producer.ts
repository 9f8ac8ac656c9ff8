import type { Observable, Observer, SchedulerLike, Subscribable } from 'rxjs';

/**
 * The plain push streams under the data layer's operators. They need no RxJS at runtime, so the
 * widget entries do not carry it; the exported operators wrap them in Observables.
 */

/** Receives what a producer pushes: the shape of an RxJS observer. */
export type Sink<T> = Observer<T>;

/** Stops what was started. Calling it again, or after the stream ended, does nothing. */
export type Cancel = () => void;

/** Starts pushing into `sink` and returns how to stop: what `new Observable(subscriber => …)` takes. */
export type Producer<T> = (sink: Sink<T>) => Cancel;

/** Runs `work` after `ms` milliseconds; the result cancels it. */
export type Schedule = (work: () => void, ms: number) => Cancel;

export const noop: Cancel = () => {};

/** Timers on setTimeout, the default of every core. */
export const scheduleTimeout: Schedule = (work, ms) => {
  const id = setTimeout(work, ms);
  return () => clearTimeout(id);
};

/**
 * Timers on an RxJS scheduler, so marble tests drive the cores in virtual time; on setTimeout
 * without one, as rxjs's default asyncScheduler would run them, but without loading it.
 */
export function scheduleOn(scheduler: SchedulerLike | undefined): Schedule {
  if (!scheduler) return scheduleTimeout;
  return (work, ms) => {
    const action = scheduler.schedule(() => work(), ms);
    return () => action.unsubscribe();
  };
}

/**
 * A producer that subscribes to whatever `open()` returns (an Observable or any object with
 * `subscribe(observer)`), once per start. `open()` throwing, or returning something that cannot be
 * subscribed, is an error of the stream. Nothing passes after the end or after cancel, even from a
 * source that ignores its own termination, and a cancel that comes while the source is still
 * emitting synchronously inside `subscribe` unsubscribes it as soon as `subscribe` returns.
 */
export function producerOf<T>(open: () => Observable<T> | Subscribable<T>): Producer<T> {
  return (sink) => {
    let closed = false;
    let subscription: { unsubscribe(): void } | undefined;
    const release = () => {
      const current = subscription;
      subscription = undefined;
      current?.unsubscribe();
    };
    subscription = subscribeSafely(open, {
      next: (value) => {
        if (!closed) sink.next(value);
      },
      // A source that ends later is unsubscribed all the same: a plain subscribable may keep a
      // listener or a socket until it is told.
      error: (error) => {
        if (closed) return;
        closed = true;
        release();
        sink.error(error);
      },
      complete: () => {
        if (closed) return;
        closed = true;
        release();
        sink.complete();
      },
    });
    if (closed) release();
    return () => {
      closed = true;
      release();
    };
  };
}

function subscribeSafely<T>(open: () => Observable<T> | Subscribable<T>, observer: Sink<T>): { unsubscribe(): void } | undefined {
  try {
    return open().subscribe(observer);
  } catch (error) {
    observer.error(error);
    return undefined;
  }
}

/**
 * At most one run at a time, like switchMap's inner subscription: starting a run stops the one
 * before. A run that is stopped or replaced while it still starts (a source that emits, or a
 * registry that switches, synchronously inside it) is stopped as soon as its start returns.
 */
export class SerialRun {
  #runs = 0;
  #stopCurrent: Cancel = noop;

  start(run: () => Cancel): void {
    this.stop();
    const current = ++this.#runs;
    const stop = run();
    if (current === this.#runs) this.#stopCurrent = stop;
    else stop();
  }

  stop(): void {
    this.#runs++;
    const stop = this.#stopCurrent;
    this.#stopCurrent = noop;
    stop();
  }
}
