import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { NEVER, throwError } from 'rxjs';
import '../../../src/funnel.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { expectChurnLeavesNothingOpen } from '../../helpers/churn.js';
import { countRenders, rendersDuringBurst } from '../../helpers/render-count.js';
import { all, drawn, num, one, running, sampleUntilSettled, settled } from './chart-helpers.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';

const stages = (...values: number[]): Row[] => values.map((value, i) => ({ stage: ['Lead', 'Deal', 'Won', 'Upsell'][i]!, value }));
/** The bars' widths the data asks for (the end of any motion). */
const widths = (el: CrmFunnel) => all(el, '.bar').map((b) => num(b, 'width'));
/** The bars' widths as drawn now, mid-motion included. */
const onScreen = (el: CrmFunnel) => all(el, '.bar').map((b) => b.getBoundingClientRect().width);

async function live(source: ManualSource, motion = '300ms') {
  const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" style="width: 600px; height: 300px; --crm-motion-duration: ${motion}" .source=${source}></crm-funnel>`);
  await drawn(el);
  return el;
}

/** Drawn geometry equals the data's: every bar on screen is as wide as its width attribute says. */
function expectOnData(el: CrmFunnel): void {
  const data = widths(el);
  onScreen(el).forEach((w, i) => expect(w).to.be.closeTo(data[i]!, 0.01));
}

describe('<crm-funnel> live updates', () => {
  // Frame by frame: every update drawn as it comes, not on the page's beat (see update-beat.test.ts).
  before(() => setUpdateBeat(0));
  after(() => setUpdateBeat());
  afterEach(() => fixtureCleanup());

  it('animates from the old geometry to the new, without a jump, and ends exactly on the new data', async () => {
    const source = new ManualSource(frame(stages(1000, 500)));
    const el = await live(source);
    const [full, before] = widths(el);
    expect(before! / full!).to.be.closeTo(0.5, 1e-9);
    source.emit(stages(1000, 250));
    const seen = await sampleUntilSettled(() => onScreen(el)[1]!);
    const end = full! * 0.25;
    const moving = seen.filter((w) => Math.abs(w - before!) > 1e-3 && Math.abs(w - end) > 1e-3);
    expect(moving.length, 'no in-between frames: the bar jumped').to.be.greaterThan(2);
    // Every frame lies between old and new, and the bar only ever shrinks: no flicker back.
    for (let i = 0; i < seen.length; i++) {
      expect(seen[i]).to.be.within(end - 1e-3, before! + 1e-3);
      if (i) expect(seen[i]).to.be.at.most(seen[i - 1]! + 1e-3);
    }
    await settled(el);
    expect(widths(el)[1]! / widths(el)[0]!).to.be.closeTo(0.25, 1e-9);
    expect(widths(el)[0]).to.equal(full);
    expectOnData(el);
  });

  it('a data update costs one render; the browser moves the bars, and the connectors with them', async () => {
    const source = new ManualSource(frame(stages(1000, 800, 400)));
    const el = await live(source, '400ms');
    const renders = countRenders(el);
    source.emit(stages(1000, 300, 100));
    await waitUntil(() => running(el).length > 0, 'no transition started', { timeout: 4000 });
    const bars = all(el, '.bar');
    const connector = one(el, '.connector')!;
    let sampled = 0;
    while (running(el).length && sampled < 200) {
      // The connector leaves the bottom edge of the first bar and meets the top edge of the second, as drawn.
      const [a, b] = bars.map((bar) => bar.getBoundingClientRect());
      const c = connector.getBoundingClientRect();
      expect(c.top).to.be.closeTo(a!.bottom, 0.5);
      expect(c.bottom).to.be.closeTo(b!.top, 0.5);
      expect(c.width).to.be.closeTo(Math.max(a!.width, b!.width), 0.5);
      await frames(1);
      sampled++;
    }
    expect(sampled, 'the motion took no frames').to.be.greaterThan(2);
    expect(renders()).to.equal(1);
    expectOnData(el);
  });

  it('motion never outlasts the gap between data frames: when frames come faster, marks move faster', async () => {
    const source = new ManualSource(frame(stages(1000, 500)));
    const el = await live(source, '1000ms');
    const durationMs = () => parseFloat(getComputedStyle(one(el, '.moves')!).transitionDuration) * 1000;
    // Frames more than the motion apart move in the theme's motion.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    source.emit(stages(1000, 400));
    await frames(2);
    expect(durationMs()).to.equal(1000);
    // Frames that keep coming faster than the motion move in the time between them: the widget
    // measures the gaps between its renders of new data and caps the motion with them.
    for (const value of [300, 200]) {
      await new Promise((resolve) => setTimeout(resolve, 450));
      source.emit(stages(1000, value));
      await frames(2);
    }
    const move = one<HTMLElement>(el, '[part="base"]')!.style.getPropertyValue('--_move');
    const cap = Number(/(\d+)ms\)$/.exec(move)?.[1]);
    expect(cap % 50, `--_move is ${move}`).to.equal(0);
    expect(cap).to.be.at.least(250);
    expect(durationMs()).to.equal(Math.min(1000, cap));
    await settled(el);
    expectOnData(el);
  });

  it('a stream faster than four frames a second is drawn in place, without motion', async () => {
    const source = new ManualSource(frame(stages(1000, 500)));
    const el = await live(source, '1000ms');
    const durationMs = () => parseFloat(getComputedStyle(one(el, '.moves')!).transitionDuration) * 1000;
    for (let i = 0; i < 4; i++) {
      await frames(2);
      source.emit(stages(1000, 400 - i * 50));
    }
    await frames(2);
    // Two frames apart is well under a quarter of a second wherever frames are painted at all.
    expect(durationMs()).to.equal(0);
    expect(running(el)).to.have.length(0);
    expectOnData(el);
  });

  it('a stream stays in place through one longer gap: motion follows the typical gap, not the last one', async () => {
    const source = new ManualSource(frame(stages(1000, 500)));
    const el = await live(source, '1000ms');
    const durationMs = () => parseFloat(getComputedStyle(one(el, '.moves')!).transitionDuration) * 1000;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // A busy source: frames close together, then one a second later (the source stalled once).
    for (const [i, gap] of [40, 40, 40, 40, 1000].entries()) {
      await pause(gap);
      source.emit(stages(1000, 450 - i * 50));
      await frames(1);
    }
    await frames(1);
    expect(durationMs(), 'the longer gap switched motion on').to.equal(0);
    expect(running(el)).to.have.length(0);
    expectOnData(el);
  });

  it('new data in the middle of a motion continues from where the bars are', async () => {
    const source = new ManualSource(frame(stages(1000, 1000)));
    const el = await live(source, '400ms');
    const full = widths(el)[1]!;
    source.emit(stages(1000, 0));
    await waitUntil(() => onScreen(el)[1]! < full * 0.8, 'never moved', { timeout: 4000 });
    const at = onScreen(el)[1]!;
    source.emit(stages(1000, 500));
    await waitUntil(() => Math.abs(widths(el)[1]! / widths(el)[0]! - 0.5) < 1e-9, 'new data never drawn', { timeout: 4000 });
    // No jump back to the old value nor on to the new one: it moves on from where it was.
    expect(Math.abs(onScreen(el)[1]! - at)).to.be.below(full * 0.25);
    await settled(el);
    expect(widths(el)[1]! / widths(el)[0]!).to.be.closeTo(0.5, 1e-9);
    expectOnData(el);
  });

  it('a new stage grows in from its centre line, and a removed one goes', async () => {
    const source = new ManualSource(frame(stages(1000, 400)));
    const el = await live(source);
    source.emit(stages(1000, 400, 200));
    await waitUntil(() => all(el, '.bar').length === 3, 'never drawn', { timeout: 4000 });
    const bar = all(el, '.bar')[2]!;
    const centre = num(bar, 'x') + num(bar, 'width') / 2;
    const seen = await sampleUntilSettled(() => bar.getBoundingClientRect().width);
    expect(seen[0]).to.be.below(num(bar, 'width') - 1);
    expect(seen.filter((w) => w > 1e-3 && w < num(bar, 'width') - 1e-3).length, 'it never grew').to.be.greaterThan(1);
    const box = bar.getBoundingClientRect();
    const svgLeft = one(el, 'svg')!.getBoundingClientRect().left;
    expect(box.left - svgLeft + box.width / 2).to.be.closeTo(centre, 0.01);
    expect(widths(el)[2]! / widths(el)[0]!).to.be.closeTo(0.2, 1e-9);
    expectOnData(el);
    source.emit(stages(1000));
    await waitUntil(() => all(el, '.bar').length === 1, 'stage never removed', { timeout: 4000 });
  });

  it('with reduced motion the new geometry is drawn at once', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const source = new ManualSource(frame(stages(1000, 500)));
      const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" style="width: 600px; height: 300px" .source=${source}></crm-funnel>`);
      await drawn(el);
      const before = widths(el)[1]!;
      source.emit(stages(1000, 100, 50));
      await waitUntil(() => widths(el)[1] !== before, 'never changed', { timeout: 4000 });
      expect(running(el)).to.have.length(0);
      expect(widths(el)[1]! / widths(el)[0]!).to.be.closeTo(0.1, 1e-9);
      // Drawn in the same frame, the new stage included (it does not grow in).
      expectOnData(el);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('a resize redraws at the new size at once, without animating', async () => {
    const source = new ManualSource(frame(stages(1000, 500)));
    const el = await live(source, '2000ms');
    const before = widths(el)[0]!;
    el.style.width = '400px';
    await waitUntil(() => widths(el)[0] !== before, 'never resized', { timeout: 4000 });
    expect(running(el)).to.have.length(0);
    expectOnData(el);
  });

  it('renders at most once per animation frame however fast frames arrive, and shows the last', async () => {
    const source = new ManualSource(frame(stages(1000, 0)));
    const el = await live(source, '0ms');
    const renders = await rendersDuringBurst(el, (i) => source.emit(stages(1000, i)));
    expect(renders).to.be.within(1, 2);
    expect(widths(el)[1]! / widths(el)[0]!).to.be.closeTo(0.1, 1e-9);
  });

  it('announces changes politely, not the first numbers', async () => {
    const source = new ManualSource(frame(stages(1000, 100)));
    const el = await live(source, '0ms');
    const said = () => one(el, '[aria-live="polite"]')!.textContent!.trim();
    expect(said()).to.equal('');
    source.emit(stages(1000, 120));
    await waitUntil(() => said() !== '', 'never announced', { timeout: 4000 });
    expect(said()).to.equal('Deal: 120, 12% overall');
  });

  it('mounting and removing a live funnel 200 times leaves no upstream subscription open', async () => {
    const source = new ManualSource(frame(stages(1000, 400, 100)));
    await expectChurnLeavesNothingOpen(
      source,
      200,
      (i) => Object.assign(document.createElement('crm-funnel'), { metric: i % 2 ? 'funnel' : 'pipeline', source }),
      (el) => drawn(el),
    );
  });

  it('removed in the middle of a tween, it stops drawing', async () => {
    const source = new ManualSource(frame(stages(1000, 1000)));
    const el = await live(source, '1000ms');
    source.emit(stages(1000, 10));
    await frames(3);
    el.remove();
    // An update already asked for may still land; after it, the tween must not ask for more.
    await frames(2);
    let renders = 0;
    const render = el.render.bind(el);
    el.render = () => {
      renders++;
      return render();
    };
    await frames(5);
    expect(renders).to.equal(0);
    expect(source.active).to.equal(0);
  });
});

describe('<crm-funnel> states', () => {
  it('loading: a skeleton, busy', async () => {
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" .source=${{ query: () => NEVER }}></crm-funnel>`);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect(one(el, '[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('error: the message and a Retry button', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" .source=${{ query: () => throwError(() => new Error('HTTP 503')) }}></crm-funnel>`);
      await waitUntil(() => el.state === 'error', 'never error', { timeout: 4000 });
      expect(one(el, '[part="error"]')!.textContent).to.contain('Could not load data').and.contain('HTTP 503');
      expect(one(el, '[part="error"] button')).to.exist;
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('stale: the chart stays, dimmed, with a note saying since when', async () => {
    const source = new ManualSource(frame(stages(1000, 400)));
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" stale-after="100" style="width: 500px; height: 240px" .source=${source}></crm-funnel>`);
    await drawn(el, 'stale');
    expect(one(el, '[part="stale"]')!.textContent).to.contain('Not updating');
    expect(one(el, '[part="base"]')!.classList.contains('stale')).to.be.true;
    expect(all(el, '.bar')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('empty: says there is no data', async () => {
    const source = new ManualSource(frame([]));
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" .source=${source}></crm-funnel>`);
    await waitUntil(() => el.state === 'empty', 'never empty', { timeout: 4000 });
    expect(one(el, '[part="empty"]')).to.exist;
    expect(one(el, 'svg')).to.equal(null);
  });
});
