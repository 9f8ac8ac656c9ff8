import { BehaviorSubject, Observable } from 'rxjs';
import * as store from './source-store.js';
import type { MetricSource } from './types.js';

/**
 * Registers `source` under `name`. Widgets whose `source` is that name go live at once, including
 * those that were waiting for it. Registering a name again replaces the source, and its widgets switch.
 *
 * @example
 * registerSource('crm', demoSource({ seed: 42 }));
 * // <crm-kpi source="crm" metric="revenue"></crm-kpi>
 */
export function registerSource(name: string, source: MetricSource): void {
  shareWithEarlierCopies();
  store.registerSource(name, source);
}

/** Removes the source named `name`; its widgets go back to waiting for it. */
export function unregisterSource(name: string): void {
  shareWithEarlierCopies();
  store.unregisterSource(name);
}

/** The source registered under `name`, if any, now. */
export function getSource(name: string): MetricSource | undefined {
  shareWithEarlierCopies();
  return store.getSource(name);
}

/** The source named `name` now and whenever it is (re-)registered; `undefined` while there is none. */
export function sourceNamed(name: string): Observable<MetricSource | undefined> {
  return new Observable((subscriber) => {
    shareWithEarlierCopies();
    return store.watchSource(name, (source) => subscriber.next(source));
  });
}

/**
 * Copies of this library from before the registry became plain data keep their registrations in a
 * BehaviorSubject under another key. Mirroring the two both ways keeps a page that mixes such a
 * copy with this one on one set of sources. Each copy of this module mirrors once; the identity
 * checks stop the echo between the two sides.
 */
const LEGACY_KEY = Symbol.for('crm-pulse.sources');
let mirrored = false;

function shareWithEarlierCopies(): void {
  if (mirrored) return;
  mirrored = true;
  const g = globalThis as unknown as Record<symbol, BehaviorSubject<store.Sources> | undefined>;
  const legacy = (g[LEGACY_KEY] ??= new BehaviorSubject(store.currentSources()));
  store.watchSources(() => {
    if (legacy.value !== store.currentSources()) legacy.next(store.currentSources());
  });
  // What an earlier copy registered before this one loaded joins what this one has.
  if (legacy.value !== store.currentSources()) store.replaceSources(new Map([...legacy.value, ...store.currentSources()]));
  legacy.subscribe((sources) => {
    if (sources !== store.currentSources()) store.replaceSources(sources);
  });
}
