import { expect } from '@open-wc/testing';
import { demoCatalog } from '../../src/data/demo-catalog-entries.js';
import { HttpError } from '../../src/data/source-errors.js';
import { pollingSource } from '../../src/data/polling-source.js';
import { sseSource } from '../../src/data/sse-source.js';
import type { MetricSource } from '../../src/data/types.js';
import { webSocketSource } from '../../src/data/websocket-source.js';
import { CrmLabServer } from '../servers/crm-lab.js';
import { captureWarnings } from './helpers.js';

/** Why a promise was refused (fails the test when it was not). */
async function refusal(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('catalog() of the HTTP adapters against the reference server', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(async () => {
    server = await CrmLabServer.start({ intervalMs: 60_000 });
    warnings = captureWarnings();
  });
  afterEach(async () => {
    warnings.restore();
    await server.close();
  });

  const adapters: Array<[string, (catalog?: string | (() => unknown)) => MetricSource]> = [
    ['pollingSource', (catalog) => pollingSource({ url: server.restUrl, catalog })],
    ['sseSource', (catalog) => sseSource({ url: server.streamUrl, catalog })],
    ['webSocketSource', (catalog) => webSocketSource({ url: server.socketUrl, catalog })],
  ];

  for (const [name, make] of adapters) {
    it(`${name}: lists what the server answers, the demo’s own list, and opens no stream to do so`, async () => {
      const catalog = await make(server.catalogUrl).catalog!();
      expect(catalog).to.deep.equal(demoCatalog());
      expect(catalog.find((e) => e.metric === 'win_rate')).to.deep.include({ label: 'Win rate', kinds: ['kpi', 'leaderboard'] });
      const stats = await server.stats();
      expect(stats.catalog.requests).to.equal(1);
      expect([stats.rest.requests, stats.sse.connections, stats.ws.connections]).to.deep.equal([0, 0, 0]);
      expect(warnings.seen).to.deep.equal([]);
    });

    it(`${name}: without the option there is no catalog method ("this source does not list its metrics")`, () => {
      expect(make().catalog).to.equal(undefined);
      expect('catalog' in make()).to.equal(false);
    });

    it(`${name}: a failed request rejects with words a user can read`, async () => {
      await server.faults({ catalogStatus: 503 });
      const error = await refusal(make(server.catalogUrl).catalog!());
      expect(error).to.be.instanceOf(HttpError);
      expect(error.message).to.equal('The list of metrics could not be loaded: the server answered HTTP 503 Service Unavailable.');
      expect((error as HttpError).status).to.equal(503);
    });
  }

  it('every metric the server lists is one it answers', async () => {
    const catalog = await pollingSource({ url: server.restUrl, catalog: server.catalogUrl }).catalog!();
    for (const entry of catalog) {
      const response = await fetch(`${server.restUrl}?metric=${encodeURIComponent(entry.metric)}`);
      expect(response.status, entry.metric).to.equal(200);
    }
  });

  it('pollingSource sends its own headers (a function asked each time) with the catalog request', async () => {
    let token = 'one';
    const source = pollingSource({ url: server.restUrl, catalog: server.catalogUrl, headers: () => ({ Authorization: `Bearer ${token}` }) });
    await source.catalog!();
    token = 'two';
    await source.catalog!();
    expect((await server.stats()).catalog.authorizations).to.deep.equal(['Bearer one', 'Bearer two']);
  });

  it('a server that cannot be reached rejects with words a user can read', async () => {
    const url = server.catalogUrl;
    await server.stop();
    const error = await refusal(pollingSource({ url: server.restUrl, catalog: url }).catalog!());
    expect(error.message).to.equal('The list of metrics could not be loaded: the server cannot be reached.');
  });

  it('an answer that is not JSON, or not a list, lists nothing, with one warning', async () => {
    const source = sseSource({ url: server.streamUrl, catalog: server.catalogUrl });
    await server.faults({ catalogRaw: '<html>Gateway</html>' });
    expect(await source.catalog!()).to.deep.equal([]);
    await server.faults({ catalogRaw: '{"metrics": [{"metric": "revenue", "kinds": ["kpi"]}]}' });
    expect(await source.catalog!()).to.deep.equal([]);
    expect(warnings.seen).to.deep.equal([
      `crm-pulse sseSource: the catalog at ${server.catalogUrl} is not JSON; it lists nothing.`,
      `crm-pulse: the catalog from sseSource (${server.catalogUrl}) is not a list of metrics; it lists nothing.`,
    ]);
  });

  it('malformed entries are left out; labels stay text', async () => {
    const answer = [
      { label: 'no metric', kinds: ['kpi'] },
      { metric: 'pie', kinds: ['pie'] },
      { metric: 'win_rate', kinds: ['chart', 'kpi'] },
      { metric: 'notes', label: '<img src=x onerror="alert(1)">', kinds: 'records' },
      42,
    ];
    await server.faults({ catalogRaw: JSON.stringify(answer) });
    expect(await webSocketSource({ url: server.socketUrl, catalog: server.catalogUrl }).catalog!()).to.deep.equal([
      { metric: 'win_rate', label: 'Win rate', kinds: ['kpi'] },
      { metric: 'notes', label: '<img src=x onerror="alert(1)">', kinds: ['records'] },
    ]);
    expect(warnings.seen).to.have.length(1);
  });

  it('a relative catalog URL is read against the page', async () => {
    // The test page's own server answers 404 for this path: the request went to the page's origin.
    const error = await refusal(pollingSource({ url: server.restUrl, catalog: '/no-such-catalog.json' }).catalog!());
    expect(error.message).to.equal('The list of metrics could not be loaded: the server answered HTTP 404 Not Found.');
  });
});

describe('catalog option as a function', () => {
  it('lists what the function returns (or resolves to), checked like a server’s answer', async () => {
    const source = webSocketSource({ url: 'ws://127.0.0.1:9/never', catalog: async () => [{ metric: 'win_rate', label: 'Win rate', kinds: ['kpi'] }] });
    expect(await source.catalog!()).to.deep.equal([{ metric: 'win_rate', label: 'Win rate', kinds: ['kpi'] }]);
  });

  it('a function that throws or rejects rejects with its reason in words', async () => {
    const throws = pollingSource({ url: '/x', catalog: () => { throw new Error('Session expired'); } });
    expect((await refusal(throws.catalog!())).message).to.equal('The list of metrics could not be loaded: Session expired');
    const rejects = sseSource({ url: '/x', catalog: () => Promise.reject('offline') });
    expect((await refusal(rejects.catalog!())).message).to.equal('The list of metrics could not be loaded: offline');
  });
});
