import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { NEVER, throwError } from 'rxjs';
import '../../../src/campaign-roi.js';
import type { CrmCampaignRoi } from '../../../src/campaign-roi.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { expectChurnLeavesNothingOpen } from '../../helpers/churn.js';
import { rendersDuringBurst } from '../../helpers/render-count.js';
import { all, drawn, drawnValue, num, one, running, sampleUntilSettled, settled } from '../funnel/chart-helpers.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';

const rows = (a: number, b: number, leads = [10, 40]): Row[] => [
  { campaign: 'A', cost: 100, revenue: a, leads: leads[0]! },
  { campaign: 'B', cost: 100, revenue: b, leads: leads[1]! },
];

async function live(source: ManualSource, view: 'bars' | 'scatter' = 'bars', motion = '300ms') {
  const el = await fixture<CrmCampaignRoi>(
    html`<crm-campaign-roi metric="campaigns" view=${view} locale="en-US" style="width: 600px; height: 300px; --crm-motion-duration: ${motion}" .source=${source}></crm-campaign-roi>`,
  );
  await drawn(el);
  return el;
}

const markOf = (el: CrmCampaignRoi, key: string) => all(el, '.mark').find((m) => m.dataset.key === key)!;
const barOf = (el: CrmCampaignRoi, key: string) => all(el, '.row').find((r) => r.dataset.row === key)!.querySelector('.bar')!;
/** The bar's length the data asks for. */
const barWidth = (el: CrmCampaignRoi, key: string) => num(barOf(el, key), 'width');
/** The bar's length as drawn now. */
const drawnWidth = (el: CrmCampaignRoi, key: string) => barOf(el, key).getBoundingClientRect().width;
/** A row's vertical position on screen. */
const rowY = (el: CrmCampaignRoi, key: string) => barOf(el, key).getBoundingClientRect().top;
const dotOf = (el: CrmCampaignRoi, key: string) => markOf(el, key).querySelector('circle.dot')!;

describe('<crm-campaign-roi> live updates', () => {
  // Frame by frame: every update drawn as it comes, not on the page's beat (see update-beat.test.ts).
  before(() => setUpdateBeat(0));
  after(() => setUpdateBeat());
  afterEach(() => fixtureCleanup());

  it('bars grow to the new ROI through in-between frames and end exactly on it', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source);
    const a = barWidth(el, 'A'); // ROI 200 %
    const before = barWidth(el, 'B'); // ROI 50 %
    expect(before / a).to.be.closeTo(0.25, 1e-9);
    source.emit(rows(300, 250)); // B: 150 %
    const seen = await sampleUntilSettled(() => drawnWidth(el, 'B'));
    const end = seen[seen.length - 1]!;
    expect(seen.filter((w) => w > before + 1e-3 && w < end - 1e-3).length, 'the bar jumped').to.be.greaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).to.be.at.least(seen[i - 1]! - 1e-3);
    await settled(el);
    expect(barWidth(el, 'B') / barWidth(el, 'A')).to.be.closeTo(0.75, 1e-9);
    expect(drawnWidth(el, 'B')).to.be.closeTo(barWidth(el, 'B'), 0.01);
  });

  it('while bars move, the break-even line, its tick and each ROI label move with them', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source, 'bars', '400ms');
    const svgLeft = one(el, 'svg')!.getBoundingClientRect().left;
    const zero = () => drawnValue(one(el, '.break-even')!, 'x') + 0.75;
    const before = zero();
    source.emit(rows(300, 40)); // B turns into a loss: the scale grows to the left, 0 % moves right
    let moving = 0;
    for (let i = 0; i < 60; i++) {
      await frames(1);
      const a = barOf(el, 'A');
      expect(drawnValue(a, 'x')).to.be.closeTo(zero(), 0.01);
      const label = all(el, '[data-label].roi').find((t) => t.textContent === '+200%')!;
      // Where both are drawn on screen in this frame, not what their styles say.
      expect(label.getBoundingClientRect().left).to.be.closeTo(a.getBoundingClientRect().right + 4, 1);
      // The 0 % tick glides with the line it names.
      const tick = one(el, '[data-label="tick-0"]')!.getBoundingClientRect();
      expect((tick.left + tick.right) / 2 - svgLeft).to.be.closeTo(zero(), 1);
      if (Math.abs(zero() - before) > 1e-3 && running(el).length) moving++;
    }
    expect(moving).to.be.greaterThan(0);
    expect(zero()).to.be.above(before);
  });

  it('an ROI label that changes ends with its bar (gain to loss) rides on the end it belongs to', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source, 'bars', '600ms');
    source.emit(rows(300, 40)); // B: +50 % → −60 %
    await waitUntil(() => running(el).length > 0, 'no motion', { timeout: 4000 });
    let sampled = 0;
    while (running(el).length && sampled < 200) {
      const bar = barOf(el, 'B');
      const label = all(el, '[data-label].roi').find((t) => t.textContent === '−60%')!;
      expect(label.classList.contains('end'), 'anchored at its end').to.be.true;
      expect(label.getBoundingClientRect().right).to.be.closeTo(bar.getBoundingClientRect().left - 4, 1);
      await frames(1);
      sampled++;
    }
    expect(sampled).to.be.greaterThan(2);
  });

  it('a new campaign grows its bar out of the break-even line, its ROI label on the bar end', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source, 'bars', '600ms');
    source.emit([...rows(300, 150), { campaign: 'C', cost: 100, revenue: 250, leads: 5 }]);
    await waitUntil(() => all(el, '.row').length === 3, 'never drawn', { timeout: 4000 });
    const svgLeft = one(el, 'svg')!.getBoundingClientRect().left;
    const zero = drawnValue(one(el, '.break-even')!, 'x') + 0.75;
    const widths: number[] = [];
    while (running(el).length && widths.length < 200) {
      const bar = barOf(el, 'C').getBoundingClientRect();
      const label = all(el, '[data-label].roi').find((t) => t.textContent === '+150%')!;
      expect(bar.left - svgLeft).to.be.closeTo(zero, 0.5);
      expect(label.getBoundingClientRect().left - svgLeft).to.be.closeTo(bar.right - svgLeft + 4, 1);
      widths.push(bar.width);
      await frames(1);
    }
    expect(widths.filter((w) => w < barWidth(el, 'C') - 1).length, 'it never grew').to.be.greaterThan(1);
  });

  it('when the ranking changes, rows slide to their new places', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source);
    const topY = rowY(el, 'A');
    const bottomY = rowY(el, 'B');
    const nodes = [barOf(el, 'A'), barOf(el, 'B')];
    source.emit(rows(150, 300)); // B overtakes A
    // The row's name travels with its bar: centred on it in every frame.
    const name = all(el, '[data-label^="name-"]').find((t) => t.textContent === 'B')!;
    const centre = (box: DOMRect) => (box.top + box.bottom) / 2;
    const seen = await sampleUntilSettled(() => {
      expect(centre(name.getBoundingClientRect())).to.be.closeTo(centre(barOf(el, 'B').getBoundingClientRect()), 1);
      return rowY(el, 'B');
    });
    expect(seen.filter((y) => y < bottomY - 1 && y > topY + 1).length, 'B never travelled').to.be.greaterThan(1);
    expect(seen.every((y) => y <= bottomY + 1e-3 && y >= topY - 1e-3), 'B went elsewhere').to.be.true;
    expect(rowY(el, 'B')).to.be.closeTo(topY, 0.01);
    expect(rowY(el, 'A')).to.be.closeTo(bottomY, 0.01);
    // The rows slid: the same nodes, in the same order; the keyboard order follows the ranking.
    expect([barOf(el, 'A'), barOf(el, 'B')]).to.deep.equal(nodes);
    expect(all(el, '.mark').map((m) => m.dataset.key)).to.deep.equal(['B', 'A']);
  });

  it('bubbles move to the new revenue and end on it', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source, 'scatter');
    const cy = () => drawnValue(dotOf(el, 'B'), 'cy');
    const before = cy();
    source.emit(rows(300, 250));
    const seen = await sampleUntilSettled(cy);
    expect(seen.filter((y) => Math.abs(y - before) > 1e-3 && Math.abs(y - seen[seen.length - 1]!) > 1e-3).length).to.be.greaterThan(2);
    await settled(el);
    expect(cy()).to.be.below(before);
    expect(cy()).to.be.closeTo(num(dotOf(el, 'B'), 'cy'), 0.01);
  });

  it('a bubble that changes paint order keeps moving from where it is', async () => {
    const source = new ManualSource(frame(rows(300, 150, [10, 40])));
    const el = await live(source, 'scatter', '1000ms');
    expect(all(el, '.mark').map((m) => m.dataset.key), 'big bubbles first').to.deep.equal(['B', 'A']);
    // Frames a second apart move in the full second; the next one, sooner, in the time between.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    source.emit(rows(100, 250, [10, 40]));
    await waitUntil(() => running(el).length > 0, 'no motion', { timeout: 4000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Mid-motion, A grows past B: A must now be drawn first, and neither bubble jumps.
    const mid = { A: drawnValue(dotOf(el, 'A'), 'cy'), B: drawnValue(dotOf(el, 'B'), 'cy') };
    source.emit(rows(100, 250, [90, 40]));
    await waitUntil(() => all(el, '.mark')[0]!.dataset.key === 'A', 'paint order never changed', { timeout: 4000 });
    for (const key of ['A', 'B'] as const) {
      const now = drawnValue(dotOf(el, key), 'cy');
      const end = num(dotOf(el, key), 'cy');
      // Still on its way, between where it was and where it goes: it did not jump to its end.
      expect(Math.abs(end - now), `${key} jumped to its end`).to.be.above(0.5);
      expect((now - mid[key]) * (end - now), `${key} left its path`).to.be.at.least(-0.01);
    }
    await settled(el);
    for (const key of ['A', 'B']) {
      for (const p of ['cx', 'cy', 'r']) expect(drawnValue(dotOf(el, key), p)).to.be.closeTo(num(dotOf(el, key), p), 0.01);
    }
  });

  it('with reduced motion the new bars are drawn at once', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const source = new ManualSource(frame(rows(300, 150)));
      const el = await fixture<CrmCampaignRoi>(html`<crm-campaign-roi metric="campaigns" style="width: 600px; height: 300px" .source=${source}></crm-campaign-roi>`);
      await drawn(el);
      const before = barWidth(el, 'B');
      source.emit(rows(300, 250));
      await waitUntil(() => barWidth(el, 'B') !== before, 'never changed', { timeout: 4000 });
      expect(running(el)).to.have.length(0);
      expect(barWidth(el, 'B') / barWidth(el, 'A')).to.be.closeTo(0.75, 1e-9);
      expect(drawnWidth(el, 'B')).to.be.closeTo(barWidth(el, 'B'), 0.01);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('renders at most once per animation frame however fast frames arrive', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source, 'bars', '0ms');
    const renders = await rendersDuringBurst(el, (i) => source.emit(rows(300, 150 + i)));
    expect(renders).to.be.within(1, 2);
    expect(barWidth(el, 'B') / barWidth(el, 'A')).to.be.closeTo(1.5 / 2, 1e-9);
  });

  it('mounting and removing a live ROI chart 200 times leaves no upstream subscription open', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    await expectChurnLeavesNothingOpen(
      source,
      200,
      (i) => Object.assign(document.createElement('crm-campaign-roi'), { metric: 'campaigns', view: i % 2 ? 'bars' : 'scatter', source }),
      (el) => drawn(el),
    );
  });
});

describe('<crm-campaign-roi> states', () => {
  it('loading, error with Retry, stale with a note, empty', async () => {
    const loading = await fixture<CrmCampaignRoi>(html`<crm-campaign-roi metric="campaigns" .source=${{ query: () => NEVER }}></crm-campaign-roi>`);
    await loading.updateComplete;
    expect(one(loading, '[part="loading"]')).to.exist;
    await expect(loading).to.be.accessible();

    const warn = console.warn;
    console.warn = () => {};
    try {
      const failing = await fixture<CrmCampaignRoi>(html`<crm-campaign-roi metric="campaigns" .source=${{ query: () => throwError(() => new Error('timeout')) }}></crm-campaign-roi>`);
      await waitUntil(() => failing.state === 'error', 'never error', { timeout: 4000 });
      expect(one(failing, '[part="error"] button')!.textContent).to.equal('Retry');
      await expect(failing).to.be.accessible();
    } finally {
      console.warn = warn;
    }

    const source = new ManualSource(frame(rows(300, 150)));
    const stale = await fixture<CrmCampaignRoi>(html`<crm-campaign-roi metric="campaigns" stale-after="100" style="width: 500px; height: 240px" .source=${source}></crm-campaign-roi>`);
    await drawn(stale, 'stale');
    expect(one(stale, '[part="stale"]')!.textContent).to.contain('Not updating');
    expect(all(stale, '.bar')).to.have.length(2);
    await expect(stale).to.be.accessible();

    source.emit([]);
    await waitUntil(() => stale.state === 'empty', 'never empty', { timeout: 4000 });
    expect(one(stale, '[part="empty"]')).to.exist;
  });
});
