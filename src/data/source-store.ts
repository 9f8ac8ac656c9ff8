import type { Cancel } from './producer.js';
import type { MetricSource } from './types.js';

export type Sources = ReadonlyMap<string, MetricSource>;

/**
 * Named sources, so plain HTML can say `source="crm"`. Kept on globalThis so that two copies of
 * the library on one page (a bundle and an npm build) still see the same registrations: the store
 * is plain data, and each copy's functions below work on it alike.
 */
interface SourceStore {
  sources: Sources;
  readonly listeners: Set<() => void>;
}

/** The key and the store's shape are what copies of the library agree on: keep both stable. */
const STORE_KEY = Symbol.for('crm-pulse.sources');

function store(): SourceStore {
  const g = globalThis as unknown as Record<symbol, SourceStore | undefined>;
  return (g[STORE_KEY] ??= { sources: new Map(), listeners: new Set() });
}

/** Validates and registers `source` under `name`: the plain core of the exported `registerSource`. */
export function registerSource(name: string, source: MetricSource): void {
  if (!source || typeof source.query !== 'function') {
    throw new TypeError(`registerSource('${name}'): a source needs a query(q) method`);
  }
  replaceSources(new Map(currentSources()).set(name, source));
}

/** Removes `name`, if registered. */
export function unregisterSource(name: string): void {
  if (!currentSources().has(name)) return;
  const next = new Map(currentSources());
  next.delete(name);
  replaceSources(next);
}

/** The source under `name` now. */
export function getSource(name: string): MetricSource | undefined {
  return currentSources().get(name);
}

/**
 * Calls `listener` with the source named `name` now (`undefined` while there is none), then
 * whenever another source takes that name. The result stops listening.
 */
export function watchSource(name: string, listener: (source: MetricSource | undefined) => void): Cancel {
  let last: { source: MetricSource | undefined } | undefined;
  // Reads the store rather than what changed: a listener that registers a source re-enters, and
  // the outer round must not hand out the older value after the newer one.
  const check = () => {
    const source = getSource(name);
    if (last && last.source === source) return;
    last = { source };
    listener(source);
  };
  const stop = watchSources(check);
  check();
  return stop;
}

/** Every registration now. */
export function currentSources(): Sources {
  return store().sources;
}

/** Replaces every registration at once and tells each listener. */
export function replaceSources(next: Sources): void {
  const { listeners } = store();
  store().sources = next;
  for (const listener of [...listeners]) if (listeners.has(listener)) listener();
}

/** Calls `listener` after every change of the registrations; the result stops it. */
export function watchSources(listener: () => void): Cancel {
  const { listeners } = store();
  // A wrapper per call, so the same function can listen twice and stop once.
  const entry = () => listener();
  listeners.add(entry);
  return () => listeners.delete(entry);
}
