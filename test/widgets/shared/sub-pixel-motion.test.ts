import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../../src/forecast.js';
import '../../../src/funnel.js';
import type { CrmForecast } from '../../../src/forecast.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { all, drawn, num, one, running, settled } from '../funnel/chart-helpers.js';

const stages = (...values: number[]): Row[] => values.map((value, i) => ({ stage: ['Lead', 'Deal', 'Won'][i]!, value }));
const widths = (el: HTMLElement, selector: string) => all(el, selector).map((b) => num(b, 'width'));
/** Data a few hundred ms apart is not a stream (which is drawn in place whatever it moves). */
const pause = (ms = 320) => new Promise((resolve) => setTimeout(resolve, ms));

describe('motion a viewer cannot see', () => {
  before(() => setUpdateBeat(0));
  after(() => setUpdateBeat());
  afterEach(() => fixtureCleanup());

  it('new data that moves no bar by half a pixel is drawn in place; a visible change moves again', async () => {
    const source = new ManualSource(frame(stages(1000, 500, 100)));
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" style="width: 500px; height: 240px; --crm-motion-duration: 600ms" .source=${source}></crm-funnel>`);
    await drawn(el);
    // A visible change first (the first render at its size leaves the chart snapped): it moves.
    await pause();
    source.emit(stages(1000, 600, 100));
    await waitUntil(() => running(el).length > 0, 'a visible change did not move', { timeout: 4000 });
    expect(one(el, 'svg')!.classList.contains('snap')).to.equal(false);
    await settled(el);
    await pause(800);
    const before = widths(el, '.bar');

    // 600 → 600.4 of 1000: the middle bar grows by a fraction of a pixel.
    source.emit(stages(1000, 600.4, 100));
    await waitUntil(() => widths(el, '.bar')[1] !== before[1], 'the new data was never drawn');
    expect(widths(el, '.bar')[1]! - before[1]!).to.be.above(0).and.below(0.5);
    expect(one(el, 'svg')!.classList.contains('snap'), 'an invisible change was animated').to.equal(true);
    expect(running(el), 'transitions run for a change nobody sees').to.have.length(0);

    await pause();
    source.emit(stages(1000, 300, 100));
    await waitUntil(() => running(el).length > 0, 'a visible change did not move', { timeout: 4000 });
    expect(one(el, 'svg')!.classList.contains('snap')).to.equal(false);
    await settled(el);
    // And the marks end exactly where the data puts them.
    const [lead, deal] = widths(el, '.bar');
    expect(deal! / lead!).to.be.closeTo(0.3, 1e-9);
    expect(all(el, '.bar')[1]!.getBoundingClientRect().width).to.be.closeTo(deal!, 0.01);
  });

  it('a forecast whose amounts drift by cents stays still; a new group is a visible change', async () => {
    const rows = (closed: number): Row[] => [
      { group: 'Direct', category: 'closed', value: closed },
      { group: 'Direct', category: 'commit', value: 250_000 },
    ];
    const source = new ManualSource(frame(rows(600_000)));
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" style="width: 600px; height: 260px; --crm-motion-duration: 600ms" .source=${source}></crm-forecast>`);
    await drawn(el);
    await frames(3);

    const closed = () => num(all(el, '.seg')[0], 'width');
    // A visible change first (the first render at its size leaves the chart snapped), then the cents,
    // once that move is over.
    await pause();
    source.emit(rows(650_000));
    await waitUntil(() => running(el).length > 0, 'a visible change did not move');
    expect(one(el, '.plot > svg')!.classList.contains('snap')).to.equal(false);
    await settled(el);
    await pause(800);
    const before = closed();
    source.emit(rows(650_000.4));
    await waitUntil(() => closed() !== before, 'the new amounts were never drawn');
    expect(closed() - before).to.be.above(0).and.below(0.5);
    expect(one(el, '.plot > svg')!.classList.contains('snap')).to.equal(true);
    expect(running(el)).to.have.length(0);

    await pause();
    source.emit([...rows(650_000.4), { group: 'Partner', category: 'closed', value: 200_000 }]);
    await waitUntil(() => all(el, '.seg').length === 8, 'the new group was never drawn');
    expect(one(el, '.plot > svg')!.classList.contains('snap'), 'a new group was drawn without motion').to.equal(false);
  });
});
