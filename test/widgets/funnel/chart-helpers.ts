import { expect, waitUntil } from '@open-wc/testing';
import { frames } from '../../helpers/sources.js';

/** Waits until the widget is in `state` and, for data states, has drawn its chart at its size. */
export async function drawn(el: HTMLElement, state = 'ready'): Promise<void> {
  await waitUntil(() => el.getAttribute('state') === state, `state never became ${state} (is ${el.getAttribute('state')})`, { timeout: 4000 });
  await waitUntil(() => el.shadowRoot!.querySelector('.plot > svg'), 'the chart was never drawn', { timeout: 4000 });
  await frames(2);
}

export const all = <T extends Element = SVGElement>(el: HTMLElement, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const one = <T extends Element = SVGElement>(el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const num = (e: Element | null | undefined, attr: string) => Number(e?.getAttribute(attr));

/** Text with Intl's no-break spaces (`25 %`, `1.000 €`) as plain spaces, so tests can spell them. */
export const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/** Every text the chart draws (not the hidden table). */
export const chartTexts = (el: HTMLElement) => all(el, '.plot [data-label]').map((t) => plain(t.textContent!));

/** All visible and hidden text of the widget, squeezed: for "no NaN anywhere" checks. */
export const everyText = (el: HTMLElement) => plain(el.shadowRoot!.textContent!).replace(/\s+/g, ' ');

/** The text of a data-table row, cells joined by `|`. */
export const tableRow = (el: HTMLElement, index: number) =>
  [...all<HTMLTableRowElement>(el, 'table tbody tr')[index]!.cells].map((c) => plain(c.textContent!)).join('|');

/**
 * Asserts that no two chart labels overlap and none is clipped: every text's rendered box lies
 * inside the plot and inside the widget.
 */
export function expectLabelsApart(el: HTMLElement): number {
  const plot = one<HTMLElement>(el, '.plot')!.getBoundingClientRect();
  const host = el.getBoundingClientRect();
  const boxes = all(el, '.plot [data-label]').map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
  const e = 0.5;
  for (const { text, box } of boxes) {
    expect(box.width, `"${text}" has no width`).to.be.above(0);
    for (const outer of [plot, host]) {
      const inside = box.left >= outer.left - e && box.right <= outer.right + e && box.top >= outer.top - e && box.bottom <= outer.bottom + e;
      expect(inside, `"${text}" is clipped: ${JSON.stringify(box)} not inside ${JSON.stringify(outer)}`).to.be.true;
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!.box;
      const b = boxes[j]!.box;
      const overlap = a.left < b.right - e && b.left < a.right - e && a.top < b.bottom - e && b.top < a.bottom - e;
      expect(overlap, `"${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`).to.be.false;
    }
  }
  return boxes.length;
}

/**
 * Asserts that no chart label covers one of the marks matched by `selector` (bars, bubbles). Labels
 * matched by `except` are left out (a bubble's number drawn on the bubble it names).
 */
export function expectLabelsClearOf(el: HTMLElement, selector: string, except = ''): void {
  const marks = all(el, selector)
    .map((m) => m.getBoundingClientRect())
    .filter((b) => b.width > 0 && b.height > 0);
  for (const t of all(el, '.plot [data-label]')) {
    if (except && t.matches(except)) continue;
    const a = t.getBoundingClientRect();
    for (const b of marks) {
      const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      expect(overlap, `"${t.textContent}" covers a mark`).to.be.false;
    }
  }
}

/** A geometry property (`width`, `cx`, …) as drawn now: the computed style includes a running transition. */
export const drawnValue = (e: Element, property: string) => Number.parseFloat(getComputedStyle(e).getPropertyValue(property));

/** An element's transform as drawn now. */
export const drawnTransform = (e: Element) => new DOMMatrixReadOnly(getComputedStyle(e).transform);

/** The transitions running in a widget. */
export const running = (el: HTMLElement) => el.shadowRoot!.getAnimations();

/** Waits until every transition in the widget has ended. */
export async function settled(el: HTMLElement): Promise<void> {
  await waitUntil(() => running(el).length === 0, 'the motion never ended', { timeout: 4000 });
}

/** Samples `read()` every animation frame until it has not changed for five frames. */
export async function sampleUntilSettled(read: () => number): Promise<number[]> {
  const seen: number[] = [];
  let still = 0;
  while (still < 5 && seen.length < 200) {
    await frames(1);
    const v = read();
    still = seen.length && v === seen[seen.length - 1] ? still + 1 : 0;
    seen.push(v);
  }
  return seen;
}
