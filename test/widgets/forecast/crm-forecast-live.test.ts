import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { staticSource } from '../../../src/data/index.js';
import type { CrmForecast } from '../../../src/forecast.js';
import { ManualSource, type Row, frame } from '../../helpers/sources.js';
import { expectChurnLeavesNothingOpen } from '../../helpers/churn.js';
import { all, drawn, num, one, running, sampleUntilSettled, settled } from '../funnel/chart-helpers.js';
import { direct, label, partner } from './helpers.js';

const weeks = (quota: number): Row[] =>
  [0, 1, 2, 3].flatMap((w): Row[] => [
    { time: Date.UTC(2024, 3, 1 + 7 * w), channel: 'direct', category: 'closed', value: 100_000 * w, quota },
    { time: Date.UTC(2024, 3, 1 + 7 * w), channel: 'direct', category: 'commit', value: 200_000 },
    { time: Date.UTC(2024, 3, 1 + 7 * w), channel: 'partner', category: 'closed', value: 50_000 * w, quota: quota / 2 },
  ]);

describe('<crm-forecast> live and trend', () => {
  afterEach(() => fixtureCleanup());

  it('new data moves the segments to it, without a jump, and ends on the new numbers', async () => {
    const source = new ManualSource(frame([...direct, ...partner]));
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 360px; --crm-motion-duration: 300ms" .source=${source}></crm-forecast>`);
    await drawn(el);
    const [closed, commit] = all(el, '.seg');
    const before = num(closed!, 'width');
    source.emit([{ ...direct[0]!, value: 300_000 }, ...direct.slice(1), ...partner]);
    const seen = await sampleUntilSettled(() => closed!.getBoundingClientRect().width);
    expect(seen.filter((w) => Math.abs(w - before) > 0.5 && Math.abs(w - seen.at(-1)!) > 0.5).length, 'no in-between frames').to.be.greaterThan(1);
    await settled(el);
    // The scale is the new one too: the longest bar spans the plot.
    expect(num(closed!, 'width') / num(commit!, 'width')).to.be.closeTo(300 / 250, 1e-9);
    expect(closed!.getBoundingClientRect().width).to.be.closeTo(num(closed!, 'width'), 0.01);
    expect(label(el, 'status-0')).to.equal('55% of 1M · 450K to go');
  });

  it('groups keep their places when the source sends its rows in another order; a new group comes last', async () => {
    const source = new ManualSource(frame([...direct, ...partner]));
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 420px" .source=${source}></crm-forecast>`);
    await drawn(el);
    const order = () => [...new Set(all(el, '.mark').map((m) => m.dataset.key!.split('\n')[0]))];
    const top = (group: string) => Math.min(...all(el, '.mark').filter((m) => m.dataset.key!.startsWith(`${group}\n`)).map((m) => num(m.querySelector('.seg'), 'y')));
    const [directTop, partnerTop] = [top('direct'), top('partner')];
    expect(directTop).to.be.below(partnerTop);
    // Partner first now, as a source sorted by amount might send it, and a third channel before both.
    source.emit([...partner.map((r) => ({ ...r, value: Number(r.value) * 3 })), ...direct]);
    await waitUntil(() => label(el, 'status-1')?.startsWith('90%'), 'never updated', { timeout: 4000 });
    expect(order()).to.deep.equal(['direct', 'partner']);
    expect([top('direct'), top('partner')]).to.deep.equal([directTop, partnerTop]);
    source.emit([{ channel: 'online', category: 'closed', value: 10_000 }, ...partner, ...direct]);
    await waitUntil(() => order().length === 3, 'the new channel was never drawn', { timeout: 4000 });
    expect(order()).to.deep.equal(['direct', 'partner', 'online']);
    // Direct away for a frame (filtered out), then back: it gets its place back.
    source.emit([...partner, { channel: 'online', category: 'closed', value: 10_000 }]);
    await waitUntil(() => order().length === 2, 'direct never left', { timeout: 4000 });
    source.emit([{ channel: 'online', category: 'closed', value: 10_000 }, ...partner, ...direct]);
    await waitUntil(() => order().length === 3, 'direct never came back', { timeout: 4000 });
    expect(order()).to.deep.equal(['direct', 'partner', 'online']);
  });

  it('under reduced motion the segments just move: no transition runs', async () => {
    const source = new ManualSource(frame(direct));
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 300px; --crm-motion-duration: 0ms" .source=${source}></crm-forecast>`);
    await drawn(el);
    source.emit([{ ...direct[0]!, value: 300_000 }, ...direct.slice(1)]);
    await waitUntil(() => label(el, 'status-0') === '55% of 1M · 450K to go', 'never updated');
    expect(running(el).length).to.equal(0);
  });

  it('no subscription is left open after mounting and removing it many times', async () => {
    const source = new ManualSource(frame([...direct, ...partner]));
    await expectChurnLeavesNothingOpen(
      source,
      60,
      () => Object.assign(document.createElement('crm-forecast'), { metric: 'forecast', source }),
      (el) => waitUntil(() => el.getAttribute('state') === 'ready', 'never ready'),
      10,
    );
  });

  it('asks for the dimensions it groups by (channel by default), and time in trend mode', async () => {
    const source = new ManualSource(frame(direct));
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" .source=${source}></crm-forecast>`);
    await waitUntil(() => source.queries.length > 0);
    expect(source.queries.at(-1)!.dimensions).to.deep.equal(['channel']);
    el.mode = 'trend';
    await waitUntil(() => source.queries.length > 1);
    expect(source.queries.at(-1)!.dimensions).to.deep.equal(['channel', 'time']);
  });

  it('mode="trend": the call per week of every group against the quota line', async () => {
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" mode="trend" locale="en-US" style="width: 600px; height: 300px" .source=${staticSource({ forecast: weeks(1_000_000) })}></crm-forecast>`);
    await drawn(el);
    const points = all(el, '.point .dot');
    expect(points.length).to.equal(4);
    // Calls 200K, 350K, 500K, 650K: equal steps up, on the scale that puts the quota at its line.
    const ys = points.map((p) => num(p, 'cy'));
    const step = ys[0]! - ys[1]!;
    expect(step).to.be.above(0);
    expect(ys[1]! - ys[2]!).to.be.closeTo(step, 1e-6);
    const line = one(el, '.quota-line')!;
    const zero = ys[0]! + (step * 200) / 150;
    expect(zero - num(line, 'y1')).to.be.closeTo(((zero - ys[3]!) * 1_500_000) / 650_000, 0.5);
    expect(label(el, 'quota')).to.equal('Quota 1.5M');
    expect(all(el, '.point')[3]!.getAttribute('aria-label')).to.equal('Apr 22, 2024: Call 650,000, Closed 450,000, 43% of 1,500,000');
    // The bars would read the latest week: the headline is its attainment.
    expect(one(el, '[part="headline"]')!.textContent!.replace(/\s/g, ' ')).to.equal('43% of 1.5M');
    await expect(el).to.be.accessible();
  });
});
