import { expect } from '@open-wc/testing';
import { queryKey } from '../../src/data/query-key.js';
import { shareQueries } from '../../src/data/share-queries.js';
import { webSocketSource } from '../../src/data/websocket-source.js';
import { CrmLabServer } from '../servers/crm-lab.js';
import { captureWarnings, record, sleep, statuses, until } from './helpers.js';

const revenue = { metric: 'revenue', range: 'this_quarter' };
const winRate = { metric: 'win_rate' };
const fast = { initialDelay: 50, maxDelay: 200 };

describe('webSocketSource against a real server', () => {
  let server: CrmLabServer;
  beforeEach(async () => (server = await CrmLabServer.start({ intervalMs: 100 })));
  afterEach(() => server.close());

  it('carries every query over one socket, each frame to its own query', async () => {
    const source = webSocketSource({ url: server.socketUrl });
    const a = record(source.query(revenue));
    const b = record(source.query(winRate));
    await until(() => a.frames.length >= 2 && b.frames.length >= 2, 'no frames for both queries');
    const stats = await server.stats();
    expect(stats.ws.connections).to.equal(1);
    expect(stats.ws.subscribes).to.equal(2);
    expect(a.frames.at(-1)!.fields!.find((f) => f.name === 'value')!.label).to.equal('Revenue');
    expect(b.frames.at(-1)!.fields!.find((f) => f.name === 'value')!.label).to.equal('Win rate');
    a.subscription.unsubscribe();
    b.subscription.unsubscribe();
  });

  it('accepts an http(s) URL and passes the sub-protocols', async () => {
    const source = webSocketSource({ url: `${server.url}/api/ws`, protocols: ['crm-pulse.v1'] });
    const a = record(source.query(revenue));
    await until(() => a.frames.length > 0, 'no frame');
    expect((await server.stats()).ws.protocols).to.deep.equal(['crm-pulse.v1']);
    a.subscription.unsubscribe();
  });

  it('20 subscribers of one query send one subscribe; the last to leave sends the unsubscribe; then the socket closes', async () => {
    const source = shareQueries(webSocketSource({ url: server.socketUrl }));
    const subs = Array.from({ length: 20 }, () => record(source.query(revenue)));
    await until(() => subs.every((s) => s.frames.length > 0), 'not every subscriber got a frame');
    let stats = await server.stats();
    expect([stats.ws.connections, stats.ws.subscribes]).to.deep.equal([1, 1]);
    for (const s of subs.slice(1)) s.subscription.unsubscribe();
    await sleep(50);
    stats = await server.stats();
    expect([stats.ws.unsubscribes, stats.ws.open]).to.deep.equal([0, 1]);
    subs[0]!.subscription.unsubscribe();
    await until(async () => (await server.stats()).ws.open === 0, 'the socket stayed open');
    stats = await server.stats();
    expect(stats.ws.unsubscribes).to.equal(1);
    expect(stats.live).to.equal(0);
  });

  it('unsubscribing one of two queries sends its unsubscribe and keeps the socket for the other', async () => {
    const source = webSocketSource({ url: server.socketUrl });
    const a = record(source.query(revenue));
    const b = record(source.query(winRate));
    await until(() => a.frames.length > 0 && b.frames.length > 0, 'no frames');
    a.subscription.unsubscribe();
    await until(async () => (await server.stats()).ws.unsubscribes === 1, 'no unsubscribe sent');
    const before = b.frames.length;
    await until(() => b.frames.length > before + 1, 'the other query stopped');
    expect((await server.stats()).ws.open).to.equal(1);
    b.subscription.unsubscribe();
  });

  it('a late subscriber gets the latest frame at once, without a second subscribe', async () => {
    const source = webSocketSource({ url: server.socketUrl });
    const a = record(source.query(revenue));
    await until(() => a.frames.length > 0, 'no frame');
    const b = record(source.query({ range: 'this_quarter', metric: 'revenue' }));
    expect(b.frames).to.have.length(1);
    expect((await server.stats()).ws.subscribes).to.equal(1);
    a.subscription.unsubscribe();
    b.subscription.unsubscribe();
  });

  it('a query the server refuses errors with its message; the socket carries on', async () => {
    const source = webSocketSource({ url: server.socketUrl });
    const good = record(source.query(revenue));
    const bad = record(source.query({ metric: 'no_such_metric' }));
    await until(() => bad.error, 'no error');
    expect((bad.error as Error).message).to.equal('unknown metric no_such_metric');
    const before = good.frames.length;
    await until(() => good.frames.length > before, 'the good query stopped');
    good.subscription.unsubscribe();
  });

  it('after the server restarts it reconnects, reports it, and subscribes every query once again', async () => {
    const source = webSocketSource({ url: server.socketUrl, backoff: fast });
    const status = statuses(source);
    const a = record(source.query(revenue));
    const b = record(source.query(winRate));
    await until(() => status.now() === 'open' && a.frames.length > 0 && b.frames.length > 0, 'never open');
    await server.stop();
    await until(() => status.now() === 'reconnecting', 'did not report reconnecting');
    await sleep(300); // a few failed attempts while the port is closed
    await server.restart();
    await until(() => status.now() === 'open', 'did not come back');
    const afterRestart = a.frames.length;
    await until(() => a.frames.length > afterRestart, 'no frames after the restart');
    const stats = await server.stats();
    expect(stats.ws.open).to.equal(1);
    expect(stats.ws.subscribes).to.be.at.least(4);
    expect(stats.ws.duplicateSubscribes).to.equal(0);
    expect(status.seen.filter((s) => s === 'reconnecting').length).to.be.at.least(1);
    expect(a.error).to.equal(null);
    a.subscription.unsubscribe();
    b.subscription.unsubscribe();
    status.stop();
  });

  it('waiting out a long backoff, it reconnects at once when the browser comes back online', async () => {
    const slow = { initialDelay: 60_000, maxDelay: 60_000, random: () => 0.99 };
    const source = webSocketSource({ url: server.socketUrl, backoff: slow });
    const status = statuses(source);
    const a = record(source.query(revenue));
    await until(() => status.now() === 'open' && a.frames.length > 0, 'never open');
    await server.stop();
    await until(() => status.now() === 'reconnecting', 'did not report reconnecting');
    await server.restart();
    await sleep(200);
    expect(status.now(), 'reconnected before the backoff ended without a reason').to.equal('reconnecting');
    window.dispatchEvent(new Event('online'));
    await until(() => status.now() === 'open', 'did not reconnect on online');
    const n = a.frames.length;
    await until(() => a.frames.length > n, 'no frames after reconnecting');
    // Once connected, a later online event opens nothing more.
    window.dispatchEvent(new Event('online'));
    await sleep(200);
    expect((await server.stats()).ws.open).to.equal(1);
    a.subscription.unsubscribe();
    status.stop();
  });

  it('a link that goes silent is detected by the heartbeat and replaced', async () => {
    const source = webSocketSource({ url: server.socketUrl, heartbeatMs: 100, backoff: fast });
    const status = statuses(source);
    const a = record(source.query(revenue));
    await until(() => a.frames.length > 0, 'no frame');
    await server.faults({ socketSilent: true });
    await until(() => status.now() === 'reconnecting', 'the dead link was not noticed');
    await server.faults({ socketSilent: false });
    await until(() => status.now() === 'open', 'no new link');
    const n = a.frames.length;
    await until(() => a.frames.length > n, 'no frames on the new link');
    expect((await server.stats()).ws.connections).to.be.at.least(2);
    expect((await server.stats()).ws.pings).to.be.at.least(1);
    a.subscription.unsubscribe();
    status.stop();
  });

  it('drops bad JSON, unknown keys and frames of the wrong shape with a warning, and the socket survives', async () => {
    const warnings = captureWarnings();
    try {
      const source = webSocketSource({ url: server.socketUrl });
      const a = record(source.query(revenue));
      await until(() => a.frames.length > 0, 'no frame');
      const key = queryKey(revenue);
      await server.sendRaw('{not json');
      await server.sendRaw(JSON.stringify({ type: 'frame', key: 'nobody', frame: { rows: [], asOf: 1 } }));
      await server.sendRaw(JSON.stringify({ type: 'frame', key, frame: { rows: 'many', asOf: 1 } }));
      await server.sendRaw(JSON.stringify({ type: 'frame', key: 42, frame: { rows: [] } }));
      await server.sendRaw(JSON.stringify({ type: 'launch' }));
      await until(() => warnings.seen.length >= 5, `only ${warnings.seen.length} warnings`);
      expect(warnings.seen.join('\n')).to.contain('not JSON').and.contain('no query has the key nobody').and.contain('frame.rows must be an array').and.contain('needs a string "key"').and.contain('unknown message type');
      const n = a.frames.length;
      await until(() => a.frames.length > n, 'the socket died');
      expect(a.frames.every((f) => Array.isArray(f.rows))).to.equal(true);
      expect((await server.stats()).ws.connections).to.equal(1);
      a.subscription.unsubscribe();
    } finally {
      warnings.restore();
    }
  });

  it('maps the frame payload with toFrame', async () => {
    const source = webSocketSource({ url: server.socketUrl, toFrame: (payload) => {
      const frame = payload as { rows: Array<{ value: number }>; asOf: number };
      return { rows: [{ total: frame.rows.at(-1)!.value }], asOf: frame.asOf };
    } });
    const a = record(source.query(revenue));
    await until(() => a.frames.length > 0, 'no frame');
    expect(Object.keys(a.frames[0]!.rows[0]!)).to.deep.equal(['total']);
    a.subscription.unsubscribe();
  });
});
