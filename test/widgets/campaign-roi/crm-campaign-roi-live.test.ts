import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { NEVER, throwError } from 'rxjs';
import '../../../src/campaign-roi.js';
import type { CrmCampaignRoi } from '../../../src/campaign-roi.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { all, drawn, num, one } from '../funnel/chart-helpers.js';

const rows = (a: number, b: number): Row[] => [
  { campaign: 'A', cost: 100, revenue: a, leads: 10 },
  { campaign: 'B', cost: 100, revenue: b, leads: 40 },
];

async function live(source: ManualSource, view: 'bars' | 'scatter' = 'bars', motion = '300ms') {
  const el = await fixture<CrmCampaignRoi>(
    html`<crm-campaign-roi metric="campaigns" view=${view} locale="en-US" style="width: 600px; height: 300px; --crm-motion-duration: ${motion}" .source=${source}></crm-campaign-roi>`,
  );
  await drawn(el);
  return el;
}

const markOf = (el: CrmCampaignRoi, key: string) => all(el, '.mark').find((m) => m.dataset.key === key)!;
const barWidth = (el: CrmCampaignRoi, key: string) => num(markOf(el, key).querySelector('.bar'), 'width');
/** A row's vertical position on screen: the bar's y plus its row's translation. */
const rowY = (el: CrmCampaignRoi, key: string) => markOf(el, key).querySelector('.bar')!.getBoundingClientRect().top;

async function settle(read: () => number): Promise<number[]> {
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

describe('<crm-campaign-roi> live updates', () => {
  afterEach(() => fixtureCleanup());

  it('bars grow to the new ROI through in-between frames and end exactly on it', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source);
    const a = barWidth(el, 'A'); // ROI 200 %
    const before = barWidth(el, 'B'); // ROI 50 %
    expect(before / a).to.be.closeTo(0.25, 1e-9);
    source.emit(rows(300, 250)); // B: 150 %
    const seen = await settle(() => barWidth(el, 'B'));
    const end = seen[seen.length - 1]!;
    expect(seen.filter((w) => w > before + 1e-6 && w < end - 1e-6).length, 'the bar jumped').to.be.greaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).to.be.at.least(seen[i - 1]! - 1e-9);
    expect(barWidth(el, 'B') / barWidth(el, 'A')).to.be.closeTo(0.75, 1e-9);
  });

  it('while bars move, the break-even line moves with them and each ROI label rides on its bar', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source, 'bars', '400ms');
    const zero = () => num(one(el, '.break-even'), 'x1');
    const before = zero();
    source.emit(rows(300, 40)); // B turns into a loss: the scale grows to the left, 0 % moves right
    let moving = 0;
    for (let i = 0; i < 60; i++) {
      await frames(1);
      const a = markOf(el, 'A').querySelector('.bar')!;
      expect(num(a, 'x')).to.be.closeTo(zero(), 1e-6);
      const label = all(el, 'text.roi').find((t) => t.textContent === '+200%')!;
      expect(num(label, 'x')).to.be.closeTo(num(a, 'x') + num(a, 'width') + 4, 1e-6);
      if (zero() !== before) moving++;
    }
    expect(moving).to.be.greaterThan(0);
    expect(zero()).to.be.above(before);
  });

  it('when the ranking changes, rows slide to their new places', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source);
    const topY = rowY(el, 'A');
    const bottomY = rowY(el, 'B');
    source.emit(rows(150, 300)); // B overtakes A
    const seen = await settle(() => rowY(el, 'B'));
    expect(seen.some((y) => y < bottomY - 1 && y > topY + 1), 'B never travelled').to.be.true;
    expect(rowY(el, 'B')).to.be.closeTo(topY, 0.01);
    expect(rowY(el, 'A')).to.be.closeTo(bottomY, 0.01);
    expect(all(el, '.mark').map((m) => m.dataset.key)).to.deep.equal(['B', 'A']);
  });

  it('bubbles move to the new revenue and end on it', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source, 'scatter');
    const cy = () => num(markOf(el, 'B').querySelector('circle.dot'), 'cy');
    const before = cy();
    source.emit(rows(300, 250));
    const seen = await settle(cy);
    expect(seen.filter((y) => Math.abs(y - before) > 1e-6 && Math.abs(y - seen[seen.length - 1]!) > 1e-6).length).to.be.greaterThan(2);
    expect(cy()).to.be.below(before);
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
      expect(barWidth(el, 'B') / barWidth(el, 'A')).to.be.closeTo(0.75, 1e-9);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('renders at most once per animation frame however fast frames arrive', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const el = await live(source, 'bars', '0ms');
    let renders = 0;
    const render = el.render.bind(el);
    el.render = () => {
      renders++;
      return render();
    };
    for (let i = 1; i <= 100; i++) {
      source.emit(rows(300, 150 + i));
      for (let j = 0; j < 5; j++) await Promise.resolve();
    }
    await frames(3);
    expect(renders).to.be.within(1, 2);
    expect(barWidth(el, 'B') / barWidth(el, 'A')).to.be.closeTo(1.5 / 2, 1e-9);
  });

  it('mounting and removing a live ROI chart 200 times leaves no upstream subscription open', async () => {
    const source = new ManualSource(frame(rows(300, 150)));
    const host = await fixture<HTMLDivElement>(html`<div style="width: 300px; height: 200px"></div>`);
    for (let i = 0; i < 200; i++) {
      const el = document.createElement('crm-campaign-roi');
      el.metric = 'campaigns';
      el.view = i % 2 ? 'bars' : 'scatter';
      el.source = source;
      host.append(el);
      if (i % 40 === 0) await drawn(el);
      el.remove();
    }
    await frames(2);
    expect(source.active).to.equal(0);
    expect(source.opened).to.be.greaterThan(0);
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
