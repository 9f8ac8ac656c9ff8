/**
 * The live CRM behind every transport: one simulated stream per distinct query, started when the
 * first client asks and stopped when the last one leaves, so REST, SSE and WebSocket clients of
 * the same query see the same numbers. Every frame gets an id `<boot>.<n>`, increasing across all
 * queries: SSE sends it as the event id, REST as the ETag.
 */
import { randomUUID } from 'node:crypto';

/** How long a query stays live after its last REST read: polling clients come back within it. */
const REST_KEEPALIVE_MS = 60_000;

export class MetricHub {
  /**
   * @param {Awaited<ReturnType<typeof import('./demo-logic.js').loadDemoLogic>>} demo
   * @param {{ seed: number; intervalMs: number; epoch?: number }} options `epoch`: when the simulated
   *   CRM started; its numbers derive from the time since, so a restarted server continues where it was.
   */
  constructor(demo, { seed, intervalMs, epoch }) {
    this.demo = demo;
    this.source = demo.demoSource({ seed, intervalMs, epoch });
    /** Identifies this run of the server: event ids and ETags from another run are not resumable. */
    this.bootId = randomUUID().slice(0, 8);
    this.counter = 0;
    /** @type {Map<string, { query: object; listeners: Set<(entry: Entry) => void>; latest: Entry | null; subscription: import('rxjs').Subscription; idle?: NodeJS.Timeout }>} */
    this.streams = new Map();
  }

  /** The metrics this CRM knows, and the records behind each (`funnel_records`); anything else is answered with an error. */
  knows(metric) {
    if (typeof metric !== 'string') return false;
    const base = metric.endsWith('_records') ? metric.slice(0, -'_records'.length) : metric;
    return base in this.demo.DEMO_KPIS || ['funnel', 'campaigns', 'agents', 'forecast'].includes(base);
  }

  keyOf(query) {
    return this.demo.queryKey(query);
  }

  /** Calls `listener` with the latest frame of `query` now (if any) and on every change; returns the unwatch. */
  watch(query, listener) {
    const stream = this.stream(query);
    clearTimeout(stream.idle);
    stream.listeners.add(listener);
    if (stream.latest) listener(stream.latest);
    return () => {
      stream.listeners.delete(listener);
      this.release(this.keyOf(query), stream, 0);
    };
  }

  /** The current frame of `query` for a one-off read, keeping the query live for a while. */
  async read(query) {
    const stream = this.stream(query);
    clearTimeout(stream.idle);
    const entry = stream.latest ?? (await new Promise((resolve) => {
      const once = (e) => (stream.listeners.delete(once), resolve(e));
      stream.listeners.add(once);
    }));
    this.release(this.keyOf(query), stream, REST_KEEPALIVE_MS);
    return entry;
  }

  /** How many queries are live now. */
  get size() {
    return this.streams.size;
  }

  close() {
    for (const stream of this.streams.values()) {
      clearTimeout(stream.idle);
      stream.subscription.unsubscribe();
    }
    this.streams.clear();
  }

  stream(query) {
    const key = this.keyOf(query);
    let stream = this.streams.get(key);
    if (!stream) {
      stream = { query, listeners: new Set(), latest: null, subscription: null };
      this.streams.set(key, stream);
      const live = stream;
      live.subscription = this.source.query(query).subscribe((frame) => {
        live.latest = { id: `${this.bootId}.${++this.counter}`, frame };
        for (const listener of [...live.listeners]) listener(live.latest);
      });
    }
    return stream;
  }

  release(key, stream, afterMs) {
    if (stream.listeners.size > 0 || this.streams.get(key) !== stream) return;
    clearTimeout(stream.idle);
    stream.idle = setTimeout(() => {
      if (stream.listeners.size > 0) return;
      stream.subscription.unsubscribe();
      this.streams.delete(key);
    }, afterMs);
  }

  /** The counter part of an id from this run, or null for an id of another run (or none). */
  sequenceOf(id) {
    const [boot, n] = String(id ?? '').split('.');
    return boot === this.bootId && Number.isFinite(Number(n)) ? Number(n) : null;
  }
}

/** @typedef {{ id: string; frame: { rows: object[]; asOf: number } }} Entry */
