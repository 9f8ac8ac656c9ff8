import { withBackoff } from '../data/backoff.js';
import { producerOf } from '../data/producer.js';
import { shareQueries } from '../data/share-queries.js';
import { problemKind, retryable } from '../data/source-errors.js';
import type { MetricFrame, MetricQuery, MetricSource } from '../data/types.js';
import type { ConnectionTracker } from './connection-tracker.js';
import { describe, sleep } from './contract-watch.js';

/**
 * A failure mode your test server can be switched into, for the resilience checks:
 *
 * - `unauthorized`: every request is refused as unauthorized (HTTP 401; a WebSocket server closes
 *   with code 4401, since a browser cannot see the status of a refused upgrade);
 * - `unavailable`: every request fails with HTTP 503 (a WebSocket server refuses the upgrade);
 * - `rate-limited`: every request is answered `429` with `Retry-After: 1`;
 * - `accept-then-close`: connections are accepted and closed at once (a WebSocket closed with 1011,
 *   an event stream ended right after its headers);
 * - `none`: back to normal.
 *
 * Return `false` for a mode your server or transport cannot do: its check is skipped.
 */
export type SourceFault = 'none' | 'unauthorized' | 'unavailable' | 'rate-limited' | 'accept-then-close';

export interface ResilienceOptions {
  faults?: (fault: SourceFault) => boolean | void | Promise<boolean | void>;
  /** How long (ms) a fault is watched. Default 3000. */
  resilienceMs: number;
  /** With it, a live source must confirm its data (a new frame, or the same rows with a newer `asOf`) at least this often (ms). */
  confirmWithinMs?: number;
  timeoutMs: number;
}

/** Thrown by a check that cannot run here: it is reported as skipped, with its message. */
export class SkipCheck extends Error {}

type Check = (name: string, query: MetricQuery | undefined, body: (source: MetricSource, tracker: ConnectionTracker) => Promise<string>) => Promise<void>;
type Skip = (name: string, message: string) => void;

/** More connection attempts than this in 3 s is a storm, not a backoff. */
const STORM = 12;

/** Attempts, as the most connections of one kind (an event stream and the request that asks why it failed are one attempt). */
function attempts(tracker: ConnectionTracker, since = 0): number {
  const count = (kind: string) => tracker.log.slice(since).filter((c) => c.kind === kind).length;
  return Math.max(count('socket'), count('stream'), count('fetch'));
}

/** The shortest time between two connections of the same kind (Infinity with fewer than two). */
function soonestRetry(tracker: ConnectionTracker, since = 0): number {
  let soonest = Number.POSITIVE_INFINITY;
  for (const kind of ['socket', 'stream', 'fetch']) {
    const at = tracker.log.slice(since).filter((c) => c.kind === kind).map((c) => c.at);
    for (let i = 1; i < at.length; i++) soonest = Math.min(soonest, at[i]! - at[i - 1]!);
  }
  return soonest;
}

/** The query as widgets run it: shared, and retried with backoff (short waits, to keep checks quick) while errors are retryable. */
function asWidgets(source: MetricSource, q: MetricQuery) {
  const seen = { frames: [] as MetricFrame[], errors: [] as unknown[], ended: null as unknown };
  const stop = withBackoff(producerOf(() => shareQueries(source).query(q)), { initialDelay: 250, maxDelay: 2000, onError: (e) => seen.errors.push(e) })({
    next: (frame) => seen.frames.push(frame),
    error: (error) => (seen.ended = error ?? new Error('(no error)')),
    complete: () => {},
  });
  return { seen, stop };
}

/**
 * The checks of how a source behaves when its server does not: 401 stops with the reason, 5xx and
 * 429 are retried with backoff (no sooner than Retry-After), an accept-then-close server is not
 * stormed, and a live source keeps confirming its data.
 */
export async function runResilienceChecks(q: MetricQuery, o: ResilienceOptions, check: Check, skip: Skip): Promise<void> {
  const faults = o.faults;
  const perWindow = Math.max(3, Math.round((STORM * o.resilienceMs) / 3000));
  /** Switches the fault on for the body, and off again whatever happens. */
  // The switch may itself use fetch (a test server's control route): only what comes after it counts.
  const withFault = (fault: SourceFault, name: string, body: (source: MetricSource, tracker: ConnectionTracker, since: number) => Promise<string>) =>
    check(name, q, async (source, tracker) => {
      if ((await faults!(fault)) === false) throw new SkipCheck(`the server cannot do ${fault}`);
      try {
        return await body(source, tracker, tracker.log.length);
      } finally {
        await faults!('none');
      }
    });

  if (!faults) {
    for (const name of ['401 stops, with the reason', '5xx is retried with backoff', '429 waits for Retry-After', 'accept-then-close is backed off'])
      skip(name, 'pass { faults } (a switch for your test server’s failure modes) to check how the source behaves when its server does not');
  } else {
    await withFault('unauthorized', '401 stops, with the reason', async (source, tracker, since) => {
      const run = asWidgets(source, q);
      try {
        await until(() => run.seen.ended !== null || run.seen.errors.length > 0, o.timeoutMs, () => `no error within ${o.timeoutMs} ms (${run.seen.frames.length} frame(s), ${attempts(tracker, since)} connection(s)); a 401 must end the stream`);
        const error = run.seen.ended ?? run.seen.errors[0];
        if (retryable(error)) throw new Error(`it errored with ${describe(error)}, which is retryable; a 401 must not be: give the error status 401 (e.g. HttpError) or retryable: false`);
        if (problemKind(error) !== 'unauthorized') throw new Error(`it errored with ${describe(error)}; give it status 401 (e.g. HttpError) so the tile says "Session expired — sign in again"`);
        const opened = tracker.opened;
        await sleep(o.resilienceMs / 2);
        if (tracker.opened > opened) throw new Error(`after the 401 it opened ${tracker.opened - opened} more connection(s); it must stop asking`);
        return `ended with ${describe(error)} after ${attempts(tracker, since)} connection(s), then asked nothing`;
      } finally {
        run.stop();
      }
    });

    await withFault('unavailable', '5xx is retried with backoff', async (source, tracker, since) => {
      const run = asWidgets(source, q);
      try {
        await sleep(o.resilienceMs);
        if (run.seen.ended !== null) throw new Error(`it ended with ${describe(run.seen.ended)}, which widgets do not retry; a 503 must be retried`);
        const tries = attempts(tracker, since);
        if (tries < 2) throw new Error(`${tries} attempt(s) in ${o.resilienceMs} ms of 503s: it must try again`);
        if (tries > perWindow) throw new Error(`${tries} attempts in ${o.resilienceMs} ms of 503s: a storm; back off exponentially, with jitter`);
        await faults('none');
        // As when a laptop's network comes back: a source waiting out its backoff should try at once.
        if (typeof window !== 'undefined') window.dispatchEvent(new Event('online'));
        await until(() => run.seen.frames.length > 0, o.timeoutMs + 2000, () => `no frame within ${o.timeoutMs + 2000} ms after the server recovered and the browser said it is online; try again at once on the window's online event`);
        return `${tries} attempts in ${o.resilienceMs} ms, then live again`;
      } finally {
        run.stop();
      }
    });

    await withFault('rate-limited', '429 waits for Retry-After', async (source, tracker, since) => {
      const run = asWidgets(source, q);
      try {
        await sleep(Math.max(o.resilienceMs, 2500));
        if (run.seen.ended !== null) throw new Error(`it ended with ${describe(run.seen.ended)}, which widgets do not retry; a 429 must be retried`);
        const tries = attempts(tracker, since);
        if (tries < 2) throw new Error(`${tries} attempt(s) while rate limited: it must try again after the Retry-After`);
        const soonest = soonestRetry(tracker, since);
        // A little slack for timers; a second is what the server asked for.
        if (soonest < 900) throw new Error(`it asked again ${Math.round(soonest)} ms after a 429 with Retry-After: 1; wait at least that long (HttpError's retryAfterMs)`);
        return `${tries} attempts, at least ${Math.round(soonest)} ms apart`;
      } finally {
        run.stop();
      }
    });

    await withFault('accept-then-close', 'accept-then-close is backed off', async (source, tracker, since) => {
      const run = asWidgets(source, q);
      try {
        await sleep(o.resilienceMs);
        const tries = attempts(tracker, since);
        if (tries > perWindow)
          throw new Error(`${tries} connections in ${o.resilienceMs} ms to a server that accepts and closes at once: reset the backoff only after a connection proved itself (a first message), not on open`);
        return `${tries} connection(s) in ${o.resilienceMs} ms`;
      } finally {
        run.stop();
      }
    });
  }

  if (o.confirmWithinMs === undefined) {
    skip('confirms unchanged data', 'pass { confirmWithinMs } (how often your server sends data, a heartbeat or answers 304) to check that fresh data is confirmed');
    return;
  }
  const within = o.confirmWithinMs;
  await check('confirms unchanged data', q, async (source) => {
    const run = asWidgets(source, q);
    try {
      await until(() => run.seen.frames.length > 0, o.timeoutMs, () => `no frame within ${o.timeoutMs} ms`);
      const first = run.seen.frames[0]!;
      const deadline = within * 1.5 + 500;
      await until(() => run.seen.frames.some((f) => f.asOf > first.asOf), deadline, () =>
        `no frame with a newer asOf within ${deadline} ms; confirm unchanged data: emit the last frame again with a newer asOf after a 304 or a heartbeat, so widgets do not show it stale`);
      const next = run.seen.frames.find((f) => f.asOf > first.asOf)!;
      return next.rows === first.rows ? 'confirmed: the same rows with a newer asOf' : 'a newer frame came';
    } finally {
      run.stop();
    }
  });
}

async function until(condition: () => boolean, timeoutMs: number, why: () => string): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > end) throw new Error(why());
    await sleep(20);
  }
}
