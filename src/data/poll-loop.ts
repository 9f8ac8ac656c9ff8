import { backoffDelay } from './backoff.js';
import { type Cancel, type Producer, type Schedule, SerialRun, noop } from './producer.js';
import { waitBeforeRetry } from './source-errors.js';

export interface PollLoopOptions {
  /** Wait (ms) after a request that succeeded. */
  intervalMs: number;
  /** Waits after failures in a row: full jitter between 0 and initialDelay·2^(n−1), never above maxDelay. */
  backoff: { initialDelay: number; maxDelay: number; random: () => number };
  /** Whether the page is visible: the current value on start, then every change. */
  visible: Producer<boolean>;
  /** Each value asks again at once (e.g. the browser's `online` event). */
  wake: Producer<unknown>;
  /** Errors worth retrying; any other error ends the stream. */
  isTransient: (error: unknown) => boolean;
  /** Told after each request: null when it succeeded, else the error and the wait before the retry. */
  onOutcome?: (failure: { error: unknown; attempt: number; delay: number } | null) => void;
  schedule: Schedule;
}

/**
 * Runs `request` (a producer that pushes what it got and completes, or errors) again and again:
 * `intervalMs` after a success, after a growing jittered wait after a failure (never above
 * `maxDelay`, but at least an error's `retryAfterMs`, up to 10 minutes: the server said when). A request never overlaps the previous one. Nothing is
 * requested while the page is hidden; when it turns visible again, or on a wake, the next request
 * goes out at once instead of finishing its wait. The plain core of `pollSchedule`.
 */
export function pollLoop<T>(request: Producer<T>, options: PollLoopOptions): Producer<T> {
  const { intervalMs, backoff, isTransient, onOutcome } = options;
  return (sink) => {
    let closed = false;
    let failures = 0;
    // A wait or a request, one at a time; either may end synchronously and start the next.
    const step = new SerialRun();
    const wait = (ms: number) => step.start(() => waitFor(ms, options, run));
    const run = () =>
      step.start(() =>
        request({
          next: (value) => {
            if (!closed) sink.next(value);
          },
          complete: () => {
            if (closed) return;
            failures = 0;
            onOutcome?.(null);
            if (!closed) wait(intervalMs);
          },
          error: (error) => {
            if (closed) return;
            if (!isTransient(error)) {
              closed = true;
              sink.error(error);
              return;
            }
            failures++;
            const jitter = backoffDelay(failures, backoff.initialDelay, backoff.maxDelay, backoff.random);
            const delay = waitBeforeRetry(error, jitter);
            onOutcome?.({ error, attempt: failures, delay });
            if (!closed) wait(delay);
          },
        }),
      );
    wait(0);
    return () => {
      closed = true;
      step.stop();
    };
  };
}

/**
 * Calls `done` once after `ms` of visible time, or at once when the page turns visible again (it
 * was hidden when the wait began) or on a wake. The visibility is read afresh for every wait, so a
 * page hidden from the start asks nothing until it is shown.
 */
function waitFor(ms: number, { visible, wake, schedule }: PollLoopOptions, done: () => void): Cancel {
  let finished = false;
  let shownBefore: boolean | undefined;
  let cancelTimer: Cancel = noop;
  let stopVisible: Cancel = noop;
  let stopWake: Cancel = noop;
  const stop = () => {
    cancelTimer();
    stopVisible();
    stopWake();
  };
  const finish = () => {
    if (finished) return;
    finished = true;
    stop();
    done();
  };
  // Errors and completions of these signals only mean no further changes come from them.
  stopVisible = visible({
    next: (shown) => {
      if (finished || shown === shownBefore) return;
      const first = shownBefore === undefined;
      shownBefore = shown;
      cancelTimer();
      cancelTimer = noop;
      if (!shown) return;
      if (first) cancelTimer = schedule(finish, ms);
      else finish();
    },
    error: noop,
    complete: noop,
  });
  if (!finished) stopWake = wake({ next: finish, error: noop, complete: noop });
  // Either may have fired while it still started, before its own cancel was known.
  if (finished) stop();
  return () => {
    finished = true;
    stop();
  };
}
