import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../../src/leaderboard.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { inState, moves, names, settled, values } from './helpers.js';

const agents = (values: Record<string, number>): Row[] => Object.entries(values).map(([name, value]) => ({ id: name.toLowerCase(), name, value }));

/** Counts position reads of the board's rows: each one lays out the page when anything changed. */
function rowPositionReads() {
  const original = Element.prototype.getBoundingClientRect;
  let count = 0;
  Element.prototype.getBoundingClientRect = function (this: Element) {
    if (this.matches('.row[data-key]')) count++;
    return original.call(this);
  };
  return { count: () => count, restore: () => (Element.prototype.getBoundingClientRect = original) };
}

describe('<crm-leaderboard> reads row positions only when rows move', () => {
  let reads: ReturnType<typeof rowPositionReads>;
  beforeEach(() => (reads = rowPositionReads()));
  afterEach(() => {
    reads.restore();
    fixtureCleanup();
  });

  it('new values in the same order read no positions; a new order reads them and glides', async () => {
    const source = new ManualSource(frame(agents({ Ana: 30, Ben: 20, Cem: 10 })));
    const el = await fixture<CrmLeaderboard>(html`<crm-leaderboard metric="agents" locale="en-US" .source=${source}></crm-leaderboard>`);
    await inState(el, 'ready');
    await settled(el);
    await frames(2);
    const before = reads.count();
    for (const update of [{ Ana: 31, Ben: 21, Cem: 11 }, { Ana: 35, Ben: 25, Cem: 15 }, { Ana: 40, Ben: 30, Cem: 12 }]) {
      source.emit(agents(update));
      await frames(2);
    }
    await settled(el, ['40', '30', '12']);
    expect(reads.count() - before, 'row position reads while the order stayed').to.equal(0);

    // Data that comes slowly again (gaps of more than a quarter of a second) moves rows.
    await new Promise((resolve) => setTimeout(resolve, 600));
    source.emit(agents({ Ana: 41, Ben: 30, Cem: 12 }));
    await new Promise((resolve) => setTimeout(resolve, 600));
    source.emit(agents({ Ana: 41, Ben: 30, Cem: 50 }));
    await waitUntil(() => names(el)[0] === 'Cem', 'never reordered', { timeout: 4000 });
    expect(reads.count() - before, 'row position reads for the new order').to.be.above(0);
    expect(moves(el).length, 'rows gliding to the new order').to.be.above(0);
    await settled(el, ['50', '41', '30']);
    expect(values(el)).to.deep.equal(['50', '41', '30']);
    await expect(el).to.be.accessible();
  });
});
