import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/forecast.js';
import '../../../src/funnel.js';
import type { CrmDrilldownEvent } from '../../../src/events/crm-drilldown.js';
import type { CrmForecast } from '../../../src/forecast.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { all, drawn, drawnValue, num, one, running, settled } from '../funnel/chart-helpers.js';

const stages = (...values: number[]): Row[] => values.map((value, i) => ({ stage: ['Lead', 'Deal', 'Won'][i]!, value }));
const widths = (el: HTMLElement, selector: string) => all(el, selector).map((b) => num(b, 'width'));
const focusedKey = (el: HTMLElement) => (el.shadowRoot!.activeElement as SVGElement | null)?.dataset.key;
/** Data a few hundred ms apart is not a stream (which is drawn in place whatever it moves). */
const pause = (ms = 320) => new Promise((resolve) => setTimeout(resolve, ms));

/** Direct and partner channels, each closed and commit. */
const channels = (groups: string[]): Row[] =>
  groups.flatMap((channel) => [
    { channel, category: 'closed', value: 100_000 },
    { channel, category: 'commit', value: 50_000 },
  ]);

/** A forecast of direct and partner, with keyboard focus on partner's last segment. */
async function forecastFocusedOnPartner() {
  const source = new ManualSource(frame(channels(['direct', 'partner'])));
  const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 320px" .source=${source}></crm-forecast>`);
  await drawn(el);
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'End' });
  const chosen = focusedKey(el);
  expect(chosen!.split('\n')[0]).to.equal('partner');
  return { source, el, chosen };
}

/** How the charts move (ChartMotion, marks drawn by position), with every update drawn in the next frame. */
describe('chart motion', () => {
  before(() => setUpdateBeat(0));
  after(() => setUpdateBeat());
  afterEach(() => fixtureCleanup());

  describe('motion a viewer cannot see', () => {

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
      // Past the longest motion a theme may have (a move may still run until then).
    await pause(2100);
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
      // Past the longest motion a theme may have (a move may still run until then).
    await pause(2100);
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

  describe('marks drawn by position keep focus and motion with their item', () => {

    it('funnel: a stage inserted before the focused one leaves focus, and Enter, on the stage the user chose', async () => {
      const source = new ManualSource(
        frame([
          { stage: 'Lead', value: 1000 },
          { stage: 'Qualified', value: 400 },
          { stage: 'Won', value: 100 },
        ]),
      );
      const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" style="width: 520px; height: 260px" .source=${source}></crm-funnel>`);
      await drawn(el);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedKey(el)).to.equal('Qualified');

      source.emit([
        { stage: 'Lead', value: 1000 },
        { stage: 'Contacted', value: 700 },
        { stage: 'Qualified', value: 400 },
        { stage: 'Won', value: 100 },
      ]);
      await waitUntil(() => all(el, '.mark').length === 4, 'the new stage was never drawn');
      await frames(2);
      expect(focusedKey(el), 'focus silently moved to another stage').to.equal('Qualified');
      el.addEventListener('crm-drilldown', (e) => e.preventDefault());
      const heard = oneEvent(el, 'crm-drilldown') as Promise<CrmDrilldownEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await heard).detail.row.stage).to.equal('Qualified');
    });

    it('forecast: a new group (drawn last) and a group that leaves before the focused one leave focus on the focused segment', async () => {
      const { source, el, chosen } = await forecastFocusedOnPartner();

      source.emit(channels(['inside', 'direct', 'partner']));
      await waitUntil(() => all(el, '.plot .group').length >= 3, 'the new group was never drawn');
      await frames(2);
      expect(focusedKey(el), 'focus silently moved to another group').to.equal(chosen);
      // Direct leaves: partner's segments are drawn by the elements that drew direct's.
      await pause();
      source.emit(channels(['inside', 'partner']));
      await waitUntil(() => all(el, '.plot .group').length === 2, 'the group never left');
      await frames(2);
      expect(focusedKey(el), 'focus stayed on the element, not the segment').to.equal(chosen);
      el.addEventListener('crm-drilldown', (e) => e.preventDefault());
      const heard = oneEvent(el, 'crm-drilldown') as Promise<CrmDrilldownEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await heard).detail.row.group).to.equal('partner');
    });

    it('forecast trend: a deal that moves from commit to closed (the call unchanged) moves the closed area', async () => {
      const weeks = (closedLast: number): Row[] =>
        [0, 1, 2, 3].flatMap((w): Row[] => [
          { time: Date.UTC(2024, 3, 1 + 7 * w), channel: 'direct', category: 'closed', value: w === 3 ? closedLast : 100_000 * w, quota: 1_000_000 },
          { time: Date.UTC(2024, 3, 1 + 7 * w), channel: 'direct', category: 'commit', value: w === 3 ? 500_000 - closedLast : 200_000 },
        ]);
      const source = new ManualSource(frame(weeks(300_000)));
      const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" mode="trend" locale="en-US" style="width: 600px; height: 300px; --crm-motion-duration: 600ms" .source=${source}></crm-forecast>`);
      await waitUntil(() => one(el, 'path.closed-area'), 'the trend was never drawn', { timeout: 5000 });
      await frames(3);
      const area = one(el, 'path.closed-area')!;
      const before = area.getAttribute('d');
      await pause();
      source.emit(weeks(450_000));
      await waitUntil(() => area.getAttribute('d') !== before, 'the new data was never drawn');
      expect(one(el, '.plot > svg')!.classList.contains('snap'), 'a visible change of the closed area was drawn without motion').to.equal(false);
    });

    it('forecast bars: a quota that moves (segments still) moves its marker', async () => {
      const rows = (quota: number): Row[] => [
        { channel: 'direct', category: 'closed', value: 600_000, quota },
        { channel: 'direct', category: 'commit', value: 900_000 },
      ];
      const source = new ManualSource(frame(rows(1_000_000)));
      const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 260px; --crm-motion-duration: 600ms" .source=${source}></crm-forecast>`);
      await drawn(el);
      await frames(3);
      const quota = one(el, '.group .quota')!;
      const x = num(quota, 'x');
      await pause();
      source.emit(rows(700_000));
      await waitUntil(() => num(quota, 'x') !== x, 'the new quota was never drawn');
      expect(Math.abs(num(quota, 'x') - x)).to.be.above(10);
      expect(one(el, '.plot > svg')!.classList.contains('snap'), 'the quota marker jumped').to.equal(false);
    });

    it('a sub-pixel update while marks are still moving does not make them jump to the end', async () => {
      const source = new ManualSource(frame(stages(1000, 500, 100)));
      const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" style="width: 500px; height: 240px; --crm-motion-duration: 1200ms" .source=${source}></crm-funnel>`);
      await drawn(el);
      await pause(1000);
      source.emit(stages(1000, 200, 100));
      await waitUntil(() => running(el).length > 0, 'a visible change did not move');
      const bar = all(el, '.bar')[1]!;
      const end = num(bar, 'width');
      await pause(150);
      expect(Math.abs(drawnValue(bar, 'width') - end), 'not moving before the sub-pixel update').to.be.above(5);
      source.emit(stages(1000, 200.2, 100));
      await waitUntil(() => num(bar, 'width') !== end, 'the new data was never drawn');
      await frames(1);
      expect(Math.abs(drawnValue(bar, 'width') - end), 'the moving bar jumped to its end').to.be.above(5);
    });
  });

  describe('at the edges: a focused element that goes, data at a middling pace', () => {
    it('funnel: a stage before the focused last stage leaves (its element goes): focus stays on that stage', async () => {
      const source = new ManualSource(frame([{ stage: 'Lead', value: 1000 }, { stage: 'Qualified', value: 400 }, { stage: 'Won', value: 100 }]));
      const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" style="width: 520px; height: 260px" .source=${source}></crm-funnel>`);
      await drawn(el);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'End' });
      expect(focusedKey(el)).to.equal('Won');
      source.emit([{ stage: 'Lead', value: 1000 }, { stage: 'Won', value: 100 }]);
      await waitUntil(() => all(el, '.mark').length === 2, 'the stage never left');
      await frames(2);
      expect(focusedKey(el), `focus is on ${document.activeElement?.tagName}`).to.equal('Won');
    });

    it('funnel: the focused stage itself leaves with its element: focus goes to the last stage, which becomes the Tab stop', async () => {
      const source = new ManualSource(frame([{ stage: 'Lead', value: 1000 }, { stage: 'Qualified', value: 400 }, { stage: 'Won', value: 100 }]));
      const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" style="width: 520px; height: 260px" .source=${source}></crm-funnel>`);
      await drawn(el);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'End' });
      source.emit([{ stage: 'Lead', value: 1000 }, { stage: 'Qualified', value: 400 }]);
      await waitUntil(() => all(el, '.mark').length === 2, 'the stage never left');
      await frames(3);
      expect(focusedKey(el), `focus is on ${document.activeElement?.tagName}`).to.equal('Qualified');
      expect(all(el, '.mark').map((m) => m.getAttribute('tabindex'))).to.deep.equal(['-1', '0']);
    });

    it('forecast: the group before the focused last group leaves: focus stays on the focused segment', async () => {
      const { source, el, chosen } = await forecastFocusedOnPartner();
      source.emit(channels(['partner']));
      await waitUntil(() => all(el, '.plot .group').length === 1, 'the group never left');
      await frames(2);
      expect(focusedKey(el), `focus is on ${document.activeElement?.tagName}`).to.equal(chosen);
    });

    it('sub-pixel updates at 400 ms gaps after a visible move are drawn in place again (the move is long over)', async () => {
      const source = new ManualSource(frame(stages(1000, 500, 100)));
      const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" style="width: 500px; height: 240px" .source=${source}></crm-funnel>`);
      await drawn(el);
      await pause(1000);
      source.emit(stages(1000, 300, 100));
      await waitUntil(() => running(el).length > 0, 'a visible change did not move');
      await settled(el);
      const snaps: boolean[] = [];
      for (let i = 1; i <= 5; i++) {
        await pause(400);
        // A hundredth more each time: the bar grows by a fraction of a pixel and its label still reads 300.
        source.emit(stages(1000, 300 + i * 0.01, 100));
        await frames(3);
        snaps.push(one(el, 'svg')!.classList.contains('snap'));
      }
      // The first may come while the theme's move could still run; the later ones, with the data's
      // pace known (capped motion), are drawn in place.
      expect(snaps.slice(2), 'sub-pixel updates kept being animated').to.deep.equal([true, true, true]);
    });
  });
});
