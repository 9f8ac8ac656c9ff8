import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../../../src/kpi.js';
import '../../../src/leaderboard.js';
import type { CrmKpi } from '../../../src/kpi.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { ManualSource, frame, frames } from '../../helpers/sources.js';

type Counted<T> = T & { renders: string[] };

/**
 * Appends widgets to a narrow grid the way a dashboard does (all at once), each recording what
 * its value part read after every render.
 */
function mountNarrow<T extends HTMLElement>(tag: string, count: number, metric: string, source: ManualSource, valueSelector: string) {
  const grid = document.createElement('div');
  grid.style.cssText = 'display: grid; grid-template-columns: repeat(2, 300px); gap: 8px';
  const widgets = Array.from({ length: count }, () => {
    const el = Object.assign(document.createElement(tag), { metric, locale: 'en-US', source }) as unknown as Counted<T>;
    el.renders = [];
    const updated = (el as unknown as { updated(changed: unknown): void }).updated;
    (el as unknown as { updated(changed: unknown): void }).updated = function (this: Counted<T>, changed: unknown) {
      updated.call(this, changed);
      this.renders.push(this.shadowRoot!.querySelector(valueSelector)?.textContent?.trim() ?? '');
    };
    return el;
  });
  grid.append(...widgets);
  document.body.append(grid);
  return { widgets, remove: () => grid.remove() };
}

describe('the first render knows the width', () => {
  afterEach(() => fixtureCleanup());

  it('narrow leaderboards draw their short numbers in their first and only render', async () => {
    const source = new ManualSource(frame([{ id: 'a', name: 'Ana', value: 1_234_567 }, { id: 'b', name: 'Ben', value: 987_654 }]));
    const { widgets, remove } = mountNarrow<CrmLeaderboard>('crm-leaderboard', 4, 'agents', source, '[part~="value"]');
    await waitUntil(() => widgets.every((el) => el.getAttribute('state') === 'ready'), 'never ready', { timeout: 4000 });
    await frames(4);
    for (const el of widgets) expect(el.renders).to.deep.equal(['1.2M']);
    await expect(widgets[0]).to.be.accessible();
    remove();
  });

  it('narrow KPI tiles write a large value short in their first and only render', async () => {
    const source = new ManualSource(frame([{ value: 123_456_789_012 }]));
    const { widgets, remove } = mountNarrow<CrmKpi>('crm-kpi', 4, 'revenue', source, '[part~="value"]');
    await waitUntil(() => widgets.every((el) => el.getAttribute('state') === 'ready'), 'never ready', { timeout: 4000 });
    await frames(4);
    for (const el of widgets) expect(el.renders).to.deep.equal(['123.5B']);
    await expect(widgets[0]).to.be.accessible();
    remove();
  });
});
