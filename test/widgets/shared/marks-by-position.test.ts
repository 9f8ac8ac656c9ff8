import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/forecast.js';
import '../../../src/funnel.js';
import type { CrmDrilldownEvent } from '../../../src/events/crm-drilldown.js';
import type { CrmForecast } from '../../../src/forecast.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { all, drawn, drawnValue, num, one, running } from '../funnel/chart-helpers.js';

const focusedKey = (el: HTMLElement) => (el.shadowRoot!.activeElement as SVGElement | null)?.dataset.key;
const pause = (ms = 320) => new Promise((resolve) => setTimeout(resolve, ms));

describe('marks drawn by position keep focus and motion with their item', () => {
  before(() => setUpdateBeat(0));
  after(() => setUpdateBeat());
  afterEach(() => fixtureCleanup());

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

  it('forecast: a group that appears first leaves focus on the focused segment', async () => {
    const rows = (groups: string[]): Row[] => groups.flatMap((channel) => [
      { channel, category: 'closed', value: 100_000 },
      { channel, category: 'commit', value: 50_000 },
    ]);
    const source = new ManualSource(frame(rows(['direct', 'partner'])));
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 600px; height: 320px" .source=${source}></crm-forecast>`);
    await drawn(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'End' });
    const chosen = focusedKey(el);
    expect(chosen!.split('\n')[0]).to.equal('partner');

    source.emit(rows(['inside', 'direct', 'partner']));
    await waitUntil(() => all(el, '.plot .group').length >= 3, 'the new group was never drawn');
    await frames(2);
    expect(focusedKey(el), 'focus silently moved to another group').to.equal(chosen);
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
    const stages = (...values: number[]): Row[] => values.map((value, i) => ({ stage: ['Lead', 'Deal', 'Won'][i]!, value }));
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
