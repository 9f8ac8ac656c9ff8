import { expect, fixture, html } from '@open-wc/testing';
import { type ManualSource, frames } from './sources.js';

/**
 * Mounts and removes `times` widgets made by `make(i)`, all bound to `source`, in a sized host;
 * every `settleEvery`-th one is left to `settle` (draw, take a frame) before it goes. Then no
 * upstream subscription may be left open, though some were opened.
 */
export async function expectChurnLeavesNothingOpen<E extends HTMLElement>(
  source: ManualSource,
  times: number,
  make: (i: number) => E,
  settle: (el: E, i: number) => Promise<unknown>,
  settleEvery = 40,
): Promise<void> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: 300px; height: 200px"></div>`);
  for (let i = 0; i < times; i++) {
    const el = make(i);
    host.append(el);
    if (i % settleEvery === 0) await settle(el, i);
    el.remove();
  }
  await frames(2);
  expect(source.active).to.equal(0);
  expect(source.opened).to.be.greaterThan(0);
}
