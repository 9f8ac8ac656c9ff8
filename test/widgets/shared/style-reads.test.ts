import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../../src/funnel.js';
import '../../../src/leaderboard.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { ManualSource, frame, frames } from '../../helpers/sources.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';

/**
 * Counts `getComputedStyle` calls per element. A style read while the page has changes pending
 * makes the browser style (and, with container queries, lay out) the whole page there and then,
 * so widgets read style only where it is needed, not on every render.
 */
function styleReads() {
  const original = window.getComputedStyle;
  const reads = new Map<Element, number>();
  window.getComputedStyle = function (element: Element, pseudo?: string | null) {
    reads.set(element, (reads.get(element) ?? 0) + 1);
    return original.call(window, element, pseudo);
  };
  return { of: (element: Element | null | undefined) => (element ? reads.get(element) ?? 0 : 0), restore: () => (window.getComputedStyle = original) };
}

const stages = (...values: number[]) => values.map((value, i) => ({ stage: `Stage ${i + 1}`, value }));
const agents = (...values: number[]) => values.map((value, i) => ({ id: `a${i}`, name: `Agent ${i}`, value }));

describe('style reads', () => {
  // Frame by frame: every update drawn as it comes, not on the page's beat (see update-beat.test.ts).
  before(() => setUpdateBeat(0));
  after(() => setUpdateBeat());
  let spy: ReturnType<typeof styleReads>;
  beforeEach(() => (spy = styleReads()));
  afterEach(() => {
    spy.restore();
    fixtureCleanup();
  });

  it('a chart reads its font once, with its size, and again only when its theme changes', async () => {
    const source = new ManualSource(frame(stages(1000, 400, 100)));
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" style="width: 400px; height: 300px" .source=${source}></crm-funnel>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.plot > svg .bar'), 'the chart was never drawn', { timeout: 4000 });
    const plot = el.shadowRoot!.querySelector('.plot');
    expect(spy.of(plot), 'font reads of the plot after the first render').to.equal(1);
    for (const values of [[900, 500, 90], [800, 300, 80], [700, 350, 70]]) {
      source.emit(stages(...values));
      await frames(2);
    }
    expect(spy.of(plot), 'font reads after new data').to.equal(1);
    el.theme = 'dark';
    await waitUntil(() => spy.of(plot) === 2, 'the font was not read again for the new theme', { timeout: 4000 });
  });

  it('a leaderboard reads the theme motion once, not on every update that keeps its order, and again when its theme changes', async () => {
    const source = new ManualSource(frame(agents(30, 20, 10)));
    const el = await fixture<CrmLeaderboard>(html`<crm-leaderboard metric="agents" locale="en-US" .source=${source}></crm-leaderboard>`);
    await waitUntil(() => el.getAttribute('state') === 'ready', 'never ready', { timeout: 4000 });
    await frames(2);
    expect(spy.of(el), 'reads in the first render').to.be.at.most(1);
    // New values, same ranking: nothing is measured, so nothing is read. (An update that reorders
    // the rows measures them anyway, and may read the motion along with them.)
    for (const values of [[40, 20, 10], [50, 25, 12], [60, 30, 15], [70, 35, 17]]) {
      source.emit(agents(...values));
      await frames(2);
    }
    expect(spy.of(el), 'reads after four updates').to.equal(1);
    el.theme = 'dark';
    await el.updateComplete;
    expect(spy.of(el), 'reads after a theme change').to.equal(2);
    await expect(el).to.be.accessible();
  });
});
