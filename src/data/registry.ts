import { Observable } from 'rxjs';
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
  store.registerSource(name, source);
}

/** Removes the source named `name`; its widgets go back to waiting for it. */
export function unregisterSource(name: string): void {
  store.unregisterSource(name);
}

/** The source registered under `name`, if any, now. */
export function getSource(name: string): MetricSource | undefined {
  return store.getSource(name);
}

/** The source named `name` now and whenever it is (re-)registered; `undefined` while there is none. */
export function sourceNamed(name: string): Observable<MetricSource | undefined> {
  return new Observable((subscriber) => store.watchSource(name, (source) => subscriber.next(source)));
}
