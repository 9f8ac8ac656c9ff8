import { waitUntil } from '@open-wc/testing';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';

export const rows = (el: CrmLeaderboard) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
export const pinnedRow = (el: CrmLeaderboard) => el.shadowRoot!.querySelector<HTMLElement>('[part~="pinned"] [part~="row"]');
const clean = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
/** What a sighted user reads in a row's part, without the screen-reader-only words. */
export const seen = (row: Element, part: string) => {
  const node = row.querySelector(`[part~="${part}"]`);
  if (!node) return null;
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.sr-only')) hidden.remove();
  return clean(copy);
};
export const spoken = (row: Element, part: string) => clean(row.querySelector(`[part~="${part}"] .sr-only`));
export const names = (el: CrmLeaderboard) => rows(el).map((r) => seen(r, 'name'));
export const ranks = (el: CrmLeaderboard) => rows(el).map((r) => seen(r, 'rank'));
export const values = (el: CrmLeaderboard) => rows(el).map((r) => seen(r, 'value'));
export const changes = (el: CrmLeaderboard) => rows(el).map((r) => seen(r, 'change'));
export const part = (el: CrmLeaderboard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const text = (el: CrmLeaderboard, name: string) => clean(part(el, name));

export const inState = (el: Element, state: string) =>
  waitUntil(() => el.getAttribute('state') === state, `state stayed ${el.getAttribute('state')}, not ${state}`, { timeout: 4000 });

/** Row moves (FLIP animations) running in the board. */
export const moves = (el: CrmLeaderboard) => el.shadowRoot!.getAnimations().filter((a) => a.id === 'crm-flip');

/** Waits until rows have stopped moving and every value has finished counting. */
export async function settled(el: CrmLeaderboard, expectValues?: string[]) {
  await waitUntil(() => moves(el).length === 0 && (!expectValues || values(el).join('|') === expectValues.join('|')), `still moving; values ${values(el).join(', ')}`, { timeout: 4000 });
}

/** Silences expected console warnings in tests that provoke them. */
export function quietWarnings() {
  const original = console.warn;
  const seenWarnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => void seenWarnings.push(args);
  return { seen: seenWarnings, restore: () => (console.warn = original) };
}
