import { BehaviorSubject, Observable, distinctUntilChanged, map } from 'rxjs';
import type { MetricSource } from './types.js';

/** Named sources, so plain HTML can say `source="crm"`. Kept on globalThis so that two copies of
 * the library on one page (a bundle and an npm build) still see the same registrations. */
const REGISTRY_KEY = Symbol.for('crm-pulse.sources');
type Registry = BehaviorSubject<ReadonlyMap<string, MetricSource>>;

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[REGISTRY_KEY] ??= new BehaviorSubject<ReadonlyMap<string, MetricSource>>(new Map()));
}

/**
 * Registers `source` under `name`. Widgets whose `source` is that name go live at once, including
 * those that were waiting for it. Registering a name again replaces the source, and its widgets switch.
 *
 * @example
 * registerSource('crm', demoSource({ seed: 42 }));
 * // <crm-kpi source="crm" metric="revenue"></crm-kpi>
 */
export function registerSource(name: string, source: MetricSource): void {
  if (!source || typeof source.query !== 'function') {
    throw new TypeError(`registerSource('${name}'): a source needs a query(q) method`);
  }
  const next = new Map(registry().value);
  next.set(name, source);
  registry().next(next);
}

/** Removes the source named `name`; its widgets go back to waiting for it. */
export function unregisterSource(name: string): void {
  if (!registry().value.has(name)) return;
  const next = new Map(registry().value);
  next.delete(name);
  registry().next(next);
}

/** The source registered under `name`, if any, now. */
export function getSource(name: string): MetricSource | undefined {
  return registry().value.get(name);
}

/** The source named `name` now and whenever it is (re-)registered; `undefined` while there is none. */
export function sourceNamed(name: string): Observable<MetricSource | undefined> {
  return registry().pipe(
    map((sources) => sources.get(name)),
    distinctUntilChanged(),
  );
}
