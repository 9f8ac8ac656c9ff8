import { expect } from '@open-wc/testing';
import { QueryChannels } from '../../src/data/query-channels.js';
import { queryKey } from '../../src/data/query-key.js';
import type { MetricFrame } from '../../src/data/types.js';

const frame = (asOf: number): MetricFrame => ({ rows: [{ value: asOf }], asOf });
const revenue = { metric: 'revenue' };
const key = queryKey(revenue);

function channelsWithLog() {
  const log: string[] = [];
  const channels = new QueryChannels({ opened: (k) => log.push(`opened ${k}`), closed: (k) => log.push(`closed ${k}`) });
  return { log, channels };
}

describe('QueryChannels', () => {
  it('opens a query once however many subscribe, replays the latest frame, and closes it when the last leaves', () => {
    const { log, channels } = channelsWithLog();
    const a: number[] = [];
    const b: number[] = [];
    const first = channels.observe(revenue).subscribe((f) => a.push(f.asOf));
    expect(channels.deliver(key, frame(1))).to.equal(true);
    const second = channels.observe({ metric: 'revenue' }).subscribe((f) => b.push(f.asOf));
    channels.deliver(key, frame(2));
    expect(a).to.deep.equal([1, 2]);
    expect(b).to.deep.equal([1, 2]);
    expect(channels.entries()).to.deep.equal([[key, revenue]]);
    first.unsubscribe();
    expect(log).to.deep.equal([`opened ${key}`]);
    second.unsubscribe();
    expect(log).to.deep.equal([`opened ${key}`, `closed ${key}`]);
    expect(channels.size).to.equal(0);
    expect(channels.deliver(key, frame(3)), 'nobody listens any more').to.equal(false);
  });

  it('skips a frame older than the one delivered', () => {
    const { channels } = channelsWithLog();
    const seen: number[] = [];
    channels.observe(revenue).subscribe((f) => seen.push(f.asOf));
    channels.deliver(key, frame(5));
    channels.deliver(key, frame(4));
    channels.deliver(key, frame(5));
    expect(seen).to.deep.equal([5, 5]);
  });

  it('fail errors every subscriber without a closed call; the next subscriber opens the query again', () => {
    const { log, channels } = channelsWithLog();
    const errors: string[] = [];
    channels.observe(revenue).subscribe({ error: (e: Error) => errors.push(e.message) });
    channels.observe(revenue).subscribe({ error: (e: Error) => errors.push(e.message) });
    expect(channels.fail(key, new Error('unknown metric'))).to.equal(true);
    expect(errors).to.deep.equal(['unknown metric', 'unknown metric']);
    expect(channels.query(key)).to.equal(undefined);
    channels.observe(revenue).subscribe();
    expect(log).to.deep.equal([`opened ${key}`, `opened ${key}`]);
  });

  it('completeAll completes every query', () => {
    const { log, channels } = channelsWithLog();
    let completed = 0;
    channels.observe(revenue).subscribe({ complete: () => completed++ });
    channels.observe({ metric: 'funnel' }).subscribe({ complete: () => completed++ });
    channels.completeAll();
    expect(completed).to.equal(2);
    expect(channels.size).to.equal(0);
    expect(log.filter((l) => l.startsWith('closed'))).to.deep.equal([]);
  });
});
