import { waitUntil } from '@open-wc/testing';
import type { CrmRecords } from '../../../src/records.js';

const clean = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
export const root = (el: CrmRecords) => el.shadowRoot!;
export const part = (el: CrmRecords, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
export const text = (el: CrmRecords, name: string) => clean(part(el, name));
export const body = (el: CrmRecords) => part(el, 'body')!;
/** The rendered rows, top to bottom as the user sees them (the virtualizer may keep DOM order otherwise). */
export const rows = (el: CrmRecords) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
export const headers = (el: CrmRecords) => [...root(el).querySelectorAll<HTMLElement>('[part~="header"]')].map((h) => clean(h.querySelector('.sort-label')));
export const sortButton = (el: CrmRecords, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[part~="sort"]')].find((b) => clean(b.querySelector('.sort-label')) === label)!;
/** What a user reads in each cell of a column, top to bottom, over the rendered rows. */
export const column = (el: CrmRecords, index: number) => rows(el).map((r) => clean(r.querySelectorAll('[part~="cell"]')[index]));
export const cells = (row: Element) => [...row.querySelectorAll('[part~="cell"]')].map((c) => clean(c));

export const inState = (el: Element, state: string) =>
  waitUntil(() => el.getAttribute('state') === state, `state stayed ${el.getAttribute('state')}, not ${state}`, { timeout: 4000 });

/** Waits until the rows are rendered (the virtualizer renders after the element, in its own cycle). */
export const rendered = (el: CrmRecords, min = 1) => waitUntil(() => rows(el).length >= min, `only ${rows(el).length} rows rendered`, { timeout: 4000 });

/** The virtualizer's sizer: present once a long list's rows go through the virtualizer, never in plain rows. */
export const sizer = (el: CrmRecords) => body(el).querySelector('[virtualizer-sizer]');

/** Waits until a long list's virtualizer has loaded and taken over its rows from the first plain window. */
export const virtualized = (el: CrmRecords) => waitUntil(() => sizer(el) && rows(el).length > 0, 'the virtualizer never took over the rows', { timeout: 5000 });

/** Silences expected console warnings in tests that provoke them. */
export function quietWarnings() {
  const original = console.warn;
  const seen: unknown[][] = [];
  console.warn = (...args: unknown[]) => void seen.push(args);
  return { seen, restore: () => (console.warn = original) };
}
