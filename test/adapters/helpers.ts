import { waitUntil } from '@open-wc/testing';
import type { Observable, Subscription } from 'rxjs';
import type { MetricFrame, MetricSource, SourceStatus } from '../../src/data/types.js';

/** Subscribes and records every frame, the error and completion. */
export function record(frames$: Observable<MetricFrame>) {
  const seen = { frames: [] as MetricFrame[], error: null as unknown, done: false, subscription: undefined as unknown as Subscription };
  seen.subscription = frames$.subscribe({
    next: (f) => seen.frames.push(f),
    error: (e) => (seen.error = e),
    complete: () => (seen.done = true),
  });
  return seen;
}

/** Records a source's status history. */
export function statuses(source: MetricSource) {
  const seen: SourceStatus['state'][] = [];
  const subscription = source.status!().subscribe((s) => seen.push(s.state));
  return { seen, now: () => seen.at(-1), stop: () => subscription.unsubscribe() };
}

/** Collects console warnings (and keeps them off the test output) while a test provokes them. */
export function captureWarnings() {
  const original = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  return { seen, restore: () => (console.warn = original) };
}

export const until = (condition: () => unknown, message: string, timeout = 5000) => waitUntil(condition, message, { timeout, interval: 20 });
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A WebSocket class (a real one) that notes when each connection attempt was made, by
 * `performance.now()`: what a test reads the backoff's waits from.
 */
export function trackedSockets() {
  const attempts: number[] = [];
  class Tracked extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      attempts.push(performance.now());
    }
  }
  const gaps = () => attempts.slice(1).map((at, i) => at - attempts[i]!);
  return { attempts, gaps, WebSocket: Tracked as typeof WebSocket };
}

/** The same for EventSource: when each stream was requested. */
export function trackedEventSources() {
  const attempts: number[] = [];
  class Tracked extends EventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      attempts.push(performance.now());
    }
  }
  const gaps = () => attempts.slice(1).map((at, i) => at - attempts[i]!);
  return { attempts, gaps, EventSource: Tracked as typeof EventSource };
}
