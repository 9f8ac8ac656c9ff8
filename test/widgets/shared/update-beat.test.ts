import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../../src/kpi.js';
import type { CrmKpi } from '../../../src/kpi.js';
import { setUpdateBeat } from '../../../src/widgets/shared/update-beat.js';
import { ManualSource, frame, frames } from '../../helpers/sources.js';
import { countRenders } from '../../helpers/render-count.js';

const BEAT_MS = 300;
const shown = (el: CrmKpi) => el.shadowRoot!.querySelector('[part~="value"]')?.textContent?.trim() ?? '';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tile(value: number): Promise<{ el: CrmKpi; source: ManualSource }> {
  const source = new ManualSource(frame([{ value }]));
  const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" .source=${source}></crm-kpi>`);
  await frames(2);
  return { el, source };
}

/** Records, animation frame by animation frame, what each tile shows. */
function filmstrip(tiles: CrmKpi[]): { frames: string[][]; stop: () => void } {
  const film = { frames: [] as string[][], stop: () => {} };
  let running = true;
  const step = () => {
    if (!running) return;
    film.frames.push(tiles.map(shown));
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
  film.stop = () => (running = false);
  return film;
}

/** The first frame in which tile `i` showed `text`. */
const firstFrame = (film: string[][], i: number, text: string) => film.findIndex((f) => f[i] === text);

describe("the page's update beat", () => {
  before(() => setUpdateBeat(BEAT_MS));
  after(() => setUpdateBeat());
  afterEach(async () => {
    fixtureCleanup();
    // Each test starts on a quiet page.
    await pause(BEAT_MS + 50);
  });

  it('draws the first update after a quiet period at once', async () => {
    const { el, source } = await tile(100);
    await pause(BEAT_MS + 50);
    source.emit([{ value: 200 }]);
    await frames(2);
    expect(shown(el)).to.equal('200');
  });

  it('draws updates that arrive during a beat together, in one animation frame, when it ends', async () => {
    const a = await tile(100);
    const b = await tile(1000);
    await pause(BEAT_MS + 50);
    a.source.emit([{ value: 101 }]); // a quiet page: drawn at once, and the beat starts
    await frames(2);
    expect(shown(a.el)).to.equal('101');
    const film = filmstrip([a.el, b.el]);
    await pause(40);
    b.source.emit([{ value: 1001 }]);
    await pause(40);
    a.source.emit([{ value: 102 }]);
    await frames(3);
    // Both wait for the beat…
    expect([shown(a.el), shown(b.el)]).to.deep.equal(['101', '1,000']);
    await pause(BEAT_MS);
    await frames(2);
    film.stop();
    expect([shown(a.el), shown(b.el)]).to.deep.equal(['102', '1,001']);
    // …and then appear in the same frame.
    const aAt = firstFrame(film.frames, 0, '102');
    expect(aAt).to.be.greaterThan(3);
    expect(firstFrame(film.frames, 1, '1,001')).to.equal(aAt);
  });

  it('draws only the newest data of a beat, in one render', async () => {
    const { el, source } = await tile(100);
    await pause(BEAT_MS + 50);
    source.emit([{ value: 110 }]);
    await frames(2);
    const renders = countRenders(el);
    for (let i = 1; i <= 5; i++) {
      source.emit([{ value: 110 + i }]);
      await pause(10);
    }
    await pause(BEAT_MS);
    await frames(2);
    expect(shown(el)).to.equal('115');
    expect(renders()).to.equal(1);
  });

  it('draws data that ends a stale spell at once, not on the beat: the tile is fresh again', async () => {
    const source = new ManualSource(frame([{ value: 100 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" stale-after="150" .source=${source}></crm-kpi>`);
    const other = await tile(5);
    await pause(BEAT_MS + 50);
    expect(el.getAttribute('state')).to.equal('stale');
    other.source.emit([{ value: 6 }]); // a quiet page: drawn at once, and the beat starts
    await frames(2);
    source.emit([{ value: 200 }]);
    await frames(3);
    expect([shown(el), el.getAttribute('state')]).to.deep.equal(['200', 'ready']);
  });

  it('draws nothing for a tile removed while its update waits for the beat', async () => {
    const { el, source } = await tile(100);
    const other = await tile(5);
    await pause(BEAT_MS + 50);
    other.source.emit([{ value: 6 }]); // starts the beat
    source.emit([{ value: 120 }]);
    const renders = countRenders(el);
    el.remove();
    await pause(BEAT_MS + 50);
    await frames(2);
    expect(renders()).to.equal(0);
    expect(source.active).to.equal(0);
  });

  it('a tile removed while its update waits, and put back after the beat, draws that update', async () => {
    const { el, source } = await tile(100);
    const other = await tile(5);
    await pause(BEAT_MS + 50);
    other.source.emit([{ value: 6 }]); // starts the beat
    source.emit([{ value: 130 }]);
    const parent = el.parentElement!;
    el.remove();
    await pause(BEAT_MS + 50);
    parent.append(el);
    await frames(3);
    expect(shown(el)).to.equal('130');
  });

  it('with a beat of 0, draws every update in the next animation frame', async () => {
    setUpdateBeat(0);
    try {
      const { el, source } = await tile(100);
      for (const value of [200, 300, 400]) {
        source.emit([{ value }]);
        await frames(2);
        expect(shown(el)).to.equal(String(value));
      }
    } finally {
      setUpdateBeat(BEAT_MS);
    }
  });
});
