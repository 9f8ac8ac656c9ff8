import { expect } from '@open-wc/testing';
import { BehaviorSubject, Subject } from 'rxjs';
import { HttpError, pollingSource } from '../../src/data/polling-source.js';
import { queryFromParams, queryToParams } from '../../src/data/query-params.js';
import { shareQueries } from '../../src/data/share-queries.js';
import { CrmLabServer } from '../servers/crm-lab.js';
import { captureWarnings, record, sleep, statuses, until } from './helpers.js';

const revenue = { metric: 'revenue', range: 'this_quarter' };
const fast = { initialDelay: 20, maxDelay: 100 };

describe('queryToParams / queryFromParams', () => {
  it('queryToParams sorts filters and list values, keeps dimension order, and reads back', () => {
    const q = { metric: 'agents', dimensions: ['team', 'agent'], filters: { team: ['Sales', 'Service'], active: true, region: 'EU' }, range: 'today', compare: 'previous_year' as const, limit: 5 };
    const params = queryToParams(q);
    expect(params.toString()).to.equal('metric=agents&dimension=team&dimension=agent&filter.active=true&filter.region=EU&filter.team=Sales&filter.team=Service&range=today&compare=previous_year&limit=5');
    expect(queryFromParams(params)).to.deep.equal({ ...q, filters: { team: ['Sales', 'Service'], active: 'true', region: 'EU' } });
    expect(queryToParams({ metric: 'x', filters: { team: ['b', 'a'] } }).toString()).to.equal(queryToParams({ filters: { team: ['a', 'b'] }, metric: 'x' }).toString());
  });

  it('queryFromParams without a metric is null; a bad limit or compare is ignored', () => {
    expect(queryFromParams(new URLSearchParams('range=today'))).to.equal(null);
    expect(queryFromParams(new URLSearchParams('metric=a&limit=lots&compare=yesterday&limit='))).to.deep.equal({ metric: 'a' });
  });
});

describe('pollingSource against a real server', () => {
  let server: CrmLabServer;
  beforeEach(async () => (server = await CrmLabServer.start({ intervalMs: 60_000 })));
  afterEach(() => server.close());

  it('GETs the query as parameters and emits the frame', async () => {
    const source = pollingSource({ url: server.restUrl, intervalMs: 1000 });
    const a = record(source.query({ ...revenue, filters: { channel: 'direct' } }));
    await until(() => a.frames.length > 0, 'no frame');
    expect((await server.stats()).rest.urls[0]).to.equal('?metric=revenue&filter.channel=direct&range=this_quarter');
    expect(a.frames[0]!.rows.at(-1)).to.have.keys('time', 'value', 'previous', 'target');
    a.subscription.unsubscribe();
  });

  it('sends the ETag back as If-None-Match: a 304 confirms the last frame — the same rows, a newer asOf', async () => {
    const source = pollingSource({ url: server.restUrl, intervalMs: 30 });
    const a = record(source.query(revenue));
    await until(async () => (await server.stats()).rest.notModified >= 3, 'no 304s');
    await until(() => a.frames.length >= 3, 'no confirmations');
    const [first, ...confirmations] = a.frames;
    for (const frame of confirmations) expect(frame.rows).to.equal(first!.rows);
    expect(a.frames.at(-1)!.asOf).to.be.greaterThan(first!.asOf);
    a.subscription.unsubscribe();
  });

  it('emits again when the data changes', async () => {
    await server.close();
    server = await CrmLabServer.start({ intervalMs: 100 });
    const source = pollingSource({ url: server.restUrl, intervalMs: 40 });
    const a = record(source.query(revenue));
    await until(() => a.frames.length >= 3, 'no changes seen');
    expect(a.frames[2]!.asOf).to.be.greaterThan(a.frames[0]!.asOf);
    a.subscription.unsubscribe();
  });

  it('sends the headers, asking the function again for each request', async () => {
    let n = 0;
    const source = pollingSource({ url: server.restUrl, intervalMs: 20, headers: () => ({ Authorization: `Bearer t${++n}` }) });
    const a = record(source.query(revenue));
    await until(async () => (await server.stats()).rest.requests >= 2, 'no second request');
    expect((await server.stats()).rest.authorizations.slice(0, 2)).to.deep.equal(['Bearer t1', 'Bearer t2']);
    a.subscription.unsubscribe();
  });

  it('fetchFrame does the request itself; null means unchanged and confirms the last frame; needFrame says when it must answer one', async () => {
    let calls = 0;
    const needs: boolean[] = [];
    const source = pollingSource({
      fetchFrame: async (q, signal, { needFrame }) => {
        calls++;
        needs.push(needFrame);
        if (calls > 1) return null;
        const res = await fetch(`${server.restUrl}?${queryToParams(q)}`, { signal });
        return res.json();
      },
      intervalMs: 20,
    });
    const a = record(source.query(revenue));
    await until(() => calls >= 3, 'fetchFrame not called again');
    expect(needs.slice(0, 3)).to.deep.equal([true, false, false]);
    expect(a.frames.length).to.be.at.least(2);
    expect(a.frames[1]!.rows).to.equal(a.frames[0]!.rows);
    a.subscription.unsubscribe();
  });

  it('unsubscribing aborts the request in flight, and no request follows', async () => {
    await server.faults({ restDelayMs: 400 });
    const source = pollingSource({ url: server.restUrl, intervalMs: 20 });
    const a = record(source.query(revenue));
    await until(async () => (await server.stats()).rest.requests === 1, 'no request');
    a.subscription.unsubscribe();
    await until(async () => (await server.stats()).rest.aborted === 1, 'the request was not aborted');
    await sleep(600);
    expect((await server.stats()).rest.requests).to.equal(1);
    expect(a.frames).to.have.length(0);
  });

  it('503s are retried with backoff while the source reports reconnecting, then it is open again', async () => {
    await server.faults({ failNext: 3, failStatus: 503 });
    const source = pollingSource({ url: server.restUrl, intervalMs: 5000, backoff: fast });
    const status = statuses(source);
    const a = record(source.query(revenue));
    await until(() => a.frames.length === 1, 'never recovered');
    expect((await server.stats()).rest.requests).to.equal(4);
    // consecutive repeats (each retry has its own retryAt) collapsed
    expect(status.seen.filter((s, i) => s !== status.seen[i - 1])).to.deep.equal(['idle', 'connecting', 'reconnecting', 'open']);
    expect(a.error).to.equal(null);
    a.subscription.unsubscribe();
    await until(() => status.now() === 'idle', 'not idle after the last unsubscribe');
    status.stop();
  });

  it('a 404 ends the query with an HttpError, without retrying', async () => {
    const source = pollingSource({ url: server.restUrl, intervalMs: 20, backoff: fast });
    const a = record(source.query({ metric: 'no_such_metric' }));
    await until(() => a.error, 'no error');
    expect(a.error).to.be.instanceOf(HttpError);
    expect((a.error as HttpError).status).to.equal(404);
    await sleep(200);
    expect((await server.stats()).rest.requests).to.equal(1);
  });

  it('the server killed and restarted: reconnecting, then open with the restarted server’s numbers', async () => {
    const source = pollingSource({ url: server.restUrl, intervalMs: 50, backoff: fast });
    const status = statuses(source);
    const a = record(source.query(revenue));
    await until(() => a.frames.length > 0, 'no frame');
    await server.stop();
    await until(() => status.now() === 'reconnecting', 'no reconnecting');
    await server.restart();
    await until(() => status.now() === 'open', 'not open again');
    a.subscription.unsubscribe();
    status.stop();
  });

  it('hidden: no requests; shown: a request at once', async () => {
    const visible = new BehaviorSubject(false);
    const source = pollingSource({ url: server.restUrl, intervalMs: 30, visibility: visible });
    const a = record(source.query(revenue));
    await sleep(300);
    expect((await server.stats()).rest.requests).to.equal(0);
    visible.next(true);
    await until(() => a.frames.length === 1, 'no request when shown');
    visible.next(false);
    await sleep(50);
    const { requests } = (await server.stats()).rest;
    await sleep(300);
    expect((await server.stats()).rest.requests).to.equal(requests);
    a.subscription.unsubscribe();
  });

  it('an online event polls at once instead of waiting out the interval', async () => {
    const online = new Subject<void>();
    const source = pollingSource({ url: server.restUrl, intervalMs: 60_000, online });
    const a = record(source.query(revenue));
    await until(() => a.frames.length === 1, 'no frame');
    online.next();
    await until(async () => (await server.stats()).rest.requests === 2, 'online did not poll');
    a.subscription.unsubscribe();
  });

  it('20 subscribers of one query make one request per interval', async () => {
    const source = shareQueries(pollingSource({ url: server.restUrl, intervalMs: 60_000 }));
    const subs = Array.from({ length: 20 }, () => record(source.query(revenue)));
    await until(() => subs.every((s) => s.frames.length === 1), 'not every subscriber got the frame');
    expect((await server.stats()).rest.requests).to.equal(1);
    for (const s of subs) s.subscription.unsubscribe();
  });

  it('a body that is not JSON or not a frame is dropped with a warning; polling goes on', async () => {
    const warnings = captureWarnings();
    try {
      await server.faults({ rawNext: '<html>oops</html>' });
      const source = pollingSource({ url: server.restUrl, intervalMs: 20 });
      const a = record(source.query(revenue));
      await until(() => a.frames.length === 1, 'polling stopped after a bad body');
      await server.faults({ rawNext: JSON.stringify({ rows: 'none' }) });
      await until(() => warnings.seen.length === 2, 'no second warning');
      expect(warnings.seen[0]).to.contain('not JSON');
      expect(warnings.seen[1]).to.contain('frame.rows must be an array');
      expect(a.error).to.equal(null);
      a.subscription.unsubscribe();
    } finally {
      warnings.restore();
    }
  });

  it('toFrame maps a CRM’s own response shape', async () => {
    const source = pollingSource({
      url: server.restUrl,
      toFrame: (body) => ({ rows: [{ value: (body as { rows: Array<{ value: number }> }).rows.at(-1)!.value * 2 }], asOf: 1 }),
    });
    const a = record(source.query(revenue));
    await until(() => a.frames.length === 1, 'no frame');
    expect(a.frames[0]).to.deep.equal({ rows: [{ value: a.frames[0]!.rows[0]!.value }], asOf: 1 });
    a.subscription.unsubscribe();
  });

  it('needs a url or fetchFrame', () => {
    expect(() => pollingSource({})).to.throw(TypeError, 'url or a fetchFrame');
  });
});
