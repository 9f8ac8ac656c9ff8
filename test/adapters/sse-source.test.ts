import { expect } from '@open-wc/testing';
import { queryKey } from '../../src/data/query-key.js';
import { shareQueries } from '../../src/data/share-queries.js';
import { sseSource } from '../../src/data/sse-source.js';
import { CrmLabServer } from '../servers/crm-lab.js';
import { captureWarnings, record, sleep, statuses, until } from './helpers.js';

const revenue = { metric: 'revenue', range: 'this_quarter' };
const winRate = { metric: 'win_rate' };
const funnel = { metric: 'funnel' };
const fast = { initialDelay: 50, maxDelay: 200 };

describe('sseSource against a real server', () => {
  let server: CrmLabServer;
  beforeEach(async () => (server = await CrmLabServer.start({ intervalMs: 100, retryMs: 100 })));
  afterEach(() => server.close());

  it('opens one stream for all the queries subscribed in one task, each frame to its own query', async () => {
    const source = sseSource({ url: server.streamUrl });
    const subs = [revenue, winRate, funnel].map((q) => record(source.query(q)));
    await until(() => subs.every((s) => s.frames.length >= 2), 'not every query got frames');
    const stats = await server.stats();
    expect(stats.sse.connections).to.equal(1);
    expect(stats.sse.queriesPerConnection).to.deep.equal([3]);
    expect(subs[2]!.frames.at(-1)!.rows.map((r) => r.stage)).to.deep.equal(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won']);
    for (const s of subs) s.subscription.unsubscribe();
  });

  it('20 subscribers of one query share one stream that asks for it once; the last to leave closes it', async () => {
    const source = shareQueries(sseSource({ url: server.streamUrl }));
    const subs = Array.from({ length: 20 }, () => record(source.query(revenue)));
    await until(() => subs.every((s) => s.frames.length > 0), 'not every subscriber got a frame');
    expect((await server.stats()).sse.queriesPerConnection).to.deep.equal([1]);
    for (const s of subs) s.subscription.unsubscribe();
    await until(async () => (await server.stats()).sse.open === 0, 'the stream stayed open');
    expect((await server.stats()).live).to.equal(0);
  });

  it('a query added later reopens the stream with the new set', async () => {
    const source = sseSource({ url: server.streamUrl });
    const a = record(source.query(revenue));
    await until(() => a.frames.length > 0, 'no frame');
    const b = record(source.query(winRate));
    await until(() => b.frames.length > 0, 'no frame for the new query');
    const stats = await server.stats();
    expect(stats.sse.queriesPerConnection).to.deep.equal([1, 2]);
    await until(async () => (await server.stats()).sse.open === 1, 'the old stream stayed open');
    a.subscription.unsubscribe();
    b.subscription.unsubscribe();
  });

  it('a widget switching its query reopens the stream once, and frames still in flight for the old one cause no warning', async () => {
    const warnings = captureWarnings();
    try {
      const source = sseSource({ url: server.streamUrl });
      const keep = record(source.query(winRate));
      let a = record(source.query(revenue));
      await until(() => a.frames.length > 0 && keep.frames.length > 0, 'no frames');
      a.subscription.unsubscribe();
      a = record(source.query({ ...revenue, range: 'today' }));
      await until(() => a.frames.length > 0, 'no frame for the new query');
      await sleep(300);
      expect((await server.stats()).sse.queriesPerConnection).to.deep.equal([2, 2]);
      expect(warnings.seen).to.deep.equal([]);
      a.subscription.unsubscribe();
      keep.subscription.unsubscribe();
    } finally {
      warnings.restore();
    }
  });

  it('after a dropped stream it reconnects itself with backoff, resumes after the last event id, and the source reports it', async () => {
    const source = sseSource({ url: server.streamUrl });
    const status = statuses(source);
    const a = record(source.query(revenue));
    await until(() => status.now() === 'open' && a.frames.length >= 2, 'never open');
    await server.drop();
    await until(() => status.seen.includes('reconnecting'), 'did not report reconnecting');
    await until(() => status.now() === 'open', 'did not reconnect');
    const n = a.frames.length;
    await until(() => a.frames.length > n, 'no frames after reconnecting');
    const { lastEventIds } = (await server.stats()).sse;
    expect(lastEventIds).to.have.length(2);
    expect(lastEventIds[0]).to.equal('');
    expect(lastEventIds[1]).to.match(/^\w+\.\d+$/);
    // asOf never goes back, whatever was resent
    expect(a.frames.every((f, i) => i === 0 || f.asOf >= a.frames[i - 1]!.asOf)).to.equal(true);
    a.subscription.unsubscribe();
    status.stop();
  });

  it('after the server restarts the widgets’ queries come back with fresh frames', async () => {
    const source = sseSource({ url: server.streamUrl, backoff: fast });
    const status = statuses(source);
    const a = record(source.query(revenue));
    await until(() => status.now() === 'open' && a.frames.length > 0, 'never open');
    await server.stop();
    await until(() => status.now() === 'reconnecting', 'did not report reconnecting');
    await sleep(300);
    await server.restart();
    await until(() => status.now() === 'open', 'did not come back');
    const n = a.frames.length;
    await until(() => a.frames.length > n, 'no frames after the restart');
    expect((await server.stats()).sse.open).to.equal(1);
    expect(a.error).to.equal(null);
    a.subscription.unsubscribe();
    status.stop();
  });

  it('HTTP 204 means stop: every query completes, the source reports closed and does not reconnect', async () => {
    const source = sseSource({ url: server.streamUrl, backoff: fast });
    const status = statuses(source);
    const a = record(source.query(revenue));
    await until(() => a.frames.length > 0, 'no frame');
    await server.faults({ streamNoContent: true });
    await server.drop();
    await until(() => a.done, 'the query did not complete');
    expect(status.now()).to.equal('closed');
    const { connections } = (await server.stats()).sse;
    await sleep(600);
    expect((await server.stats()).sse.connections).to.equal(connections);
    expect(a.error).to.equal(null);
    status.stop();
  });

  it('a query the server refuses errors with its message; the others carry on', async () => {
    const source = sseSource({ url: server.streamUrl });
    const good = record(source.query(revenue));
    const bad = record(source.query({ metric: 'no_such_metric' }));
    await until(() => bad.error, 'no error');
    expect((bad.error as Error).message).to.equal('unknown metric no_such_metric');
    const n = good.frames.length;
    await until(() => good.frames.length > n + 1, 'the good query stopped');
    good.subscription.unsubscribe();
  });

  it('drops bad JSON, unknown keys and frames of the wrong shape with a warning, and the stream survives', async () => {
    const warnings = captureWarnings();
    try {
      const source = sseSource({ url: server.streamUrl });
      const status = statuses(source);
      const a = record(source.query(revenue));
      await until(() => a.frames.length > 0, 'no frame');
      await server.sendRaw('{not json');
      await server.sendRaw(JSON.stringify({ type: 'frame', key: 'nobody', frame: { rows: [], asOf: 1 } }));
      await server.sendRaw(JSON.stringify({ type: 'frame', key: queryKey(revenue), frame: { rows: [1, 2], asOf: 1 } }));
      await until(() => warnings.seen.length >= 3, `only ${warnings.seen.length} warnings`);
      expect(warnings.seen.join('\n')).to.contain('not JSON').and.contain('no query has the key nobody').and.contain('frame.rows[0] must be an object');
      const n = a.frames.length;
      await until(() => a.frames.length > n, 'the stream died');
      expect((await server.stats()).sse.connections).to.equal(1);
      expect(status.seen).not.to.include('reconnecting');
      a.subscription.unsubscribe();
      status.stop();
    } finally {
      warnings.restore();
    }
  });
});
