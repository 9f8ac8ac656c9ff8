import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/kpi.js';
import { pollingSource } from '../../src/data/polling-source.js';
import { queryToParams } from '../../src/data/query-params.js';
import { HttpError, retryable } from '../../src/data/source-errors.js';
import { sseSource } from '../../src/data/sse-source.js';
import type { MetricSource } from '../../src/data/types.js';
import { webSocketSource } from '../../src/data/websocket-source.js';
import type { CrmKpi } from '../../src/kpi.js';
import { runSourceContract } from '../../src/testing/index.js';
import { CrmLabServer } from '../servers/crm-lab.js';
import { captureWarnings, sleep, statuses, trackedSockets, until } from './helpers.js';

const METRICS = ['revenue', 'pipeline_value', 'win_rate', 'new_leads', 'open_cases', 'csat', 'avg_handle_time', 'tickets_resolved', 'products_per_customer', 'avg_profit_per_customer'];
const part = (el: CrmKpi, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: CrmKpi, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const states = (tiles: CrmKpi[]) => tiles.map((t) => t.getAttribute('state'));
const allIn = (tiles: CrmKpi[], state: string, timeout = 6000) =>
  waitUntil(() => tiles.every((t) => t.getAttribute('state') === state), `not all ${state}: ${states(tiles)}`, { timeout, interval: 20 });

/** Ten KPI tiles, one per metric, on `source`. */
async function tenTiles(source: MetricSource, staleAfter = 60_000): Promise<CrmKpi[]> {
  const grid = await fixture<HTMLElement>(html`<div>
    ${METRICS.map((metric) => html`<crm-kpi metric=${metric} locale="en-US" stale-after=${staleAfter} .source=${source}></crm-kpi>`)}
  </div>`);
  return [...grid.querySelectorAll<CrmKpi>('crm-kpi')];
}

describe('freshness is confirmation: a healthy source whose numbers do not change stays fresh', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  // The simulated CRM changes nothing for a minute: every answer after the first is "unchanged".
  beforeEach(async () => {
    warnings = captureWarnings();
    server = await CrmLabServer.start({ intervalMs: 60_000, heartbeatMs: 250 });
  });
  afterEach(async () => {
    fixtureCleanup();
    warnings.restore();
    await server.close();
  });

  it('pollingSource: 304s every 250 ms keep ten tiles with stale-after 1500 ready, and move their "as of"', async () => {
    const tiles = await tenTiles(pollingSource({ url: server.restUrl, intervalMs: 250 }), 1500);
    await allIn(tiles, 'ready');
    const firstAsOf = (tiles[0] as unknown as { data: { asOf: number } }).data.asOf;
    await sleep(2500);
    expect(states(tiles)).to.deep.equal(METRICS.map(() => 'ready'));
    expect((await server.stats()).rest.notModified).to.be.greaterThan(20);
    // Rendered again for a stale note, the tile would say when the data was last confirmed.
    tiles[0]!.requestUpdate();
    await tiles[0]!.updateComplete;
    expect((tiles[0] as unknown as { data: { asOf: number } }).data.asOf).to.be.greaterThan(firstAsOf + 1000);
  });

  it('sseSource: heartbeat events keep the tiles ready while no frame comes', async () => {
    const tiles = await tenTiles(sseSource({ url: server.streamUrl }), 1500);
    await allIn(tiles, 'ready');
    await sleep(2500);
    expect(states(tiles)).to.deep.equal(METRICS.map(() => 'ready'));
  });

  it('webSocketSource: the server’s pings keep the tiles ready while no frame comes', async () => {
    const tiles = await tenTiles(webSocketSource({ url: server.socketUrl }), 1500);
    await allIn(tiles, 'ready');
    await sleep(2500);
    expect(states(tiles)).to.deep.equal(METRICS.map(() => 'ready'));
  });

  it('a source that goes silent is stale after stale-after, saying "Not updating" and as of when', async () => {
    // The socket stays open and nothing is wrong with it that the source could know: no frames,
    // no heartbeats, and its own ping a minute away.
    const tiles = await tenTiles(webSocketSource({ url: server.socketUrl, heartbeatMs: 60_000 }), 800);
    await allIn(tiles, 'ready');
    await server.faults({ socketSilent: true });
    await allIn(tiles, 'stale', 8000);
    expect(text(tiles[0]!, 'stale-reason')).to.equal('Not updating');
    expect(text(tiles[0]!, 'as-of')).to.match(/^as of \d{1,2}:\d{2}/);
    expect(part(tiles[0]!, 'retry')).to.equal(null);
  });
});

describe('hostile servers cannot stall or storm the adapters', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(async () => {
    warnings = captureWarnings();
    server = await CrmLabServer.start({ intervalMs: 200, heartbeatMs: 200 });
  });
  afterEach(async () => {
    fixtureCleanup();
    warnings.restore();
    await server.close();
  });

  it('sseSource drops a stream that sends headers and then nothing, and reconnects until one talks', async () => {
    await server.faults({ streamSilent: true });
    const source = sseSource({ url: server.streamUrl, silenceMs: 300, backoff: { initialDelay: 50, maxDelay: 200 } });
    const status = statuses(source);
    const tiles = await tenTiles(source);
    await until(async () => (await server.stats()).sse.connections >= 3, 'the silent stream was never abandoned', 6000);
    expect(status.seen).to.include('reconnecting');
    await server.faults({ streamSilent: false });
    await allIn(tiles, 'ready');
    status.stop();
  });

  for (const code of [1011, 1008]) {
    it(`webSocketSource backs off a server that accepts and closes at once (${code}) like one that refuses`, async () => {
      await server.faults({ socketCloseCode: code });
      // Waits of half the ceiling: 100, 200, 400 ms… — an opened socket does not start them over.
      const sockets = trackedSockets();
      const source = webSocketSource({ url: server.socketUrl, WebSocket: sockets.WebSocket, backoff: { initialDelay: 200, maxDelay: 5000, random: () => 0.5 } });
      const tiles = await tenTiles(source);
      await until(() => sockets.attempts.length >= 4, 'fewer than four attempts', 6000);
      const gaps = sockets.gaps().slice(0, 3);
      // A timer never fires early: each gap is at least its wait (1 ms for the clocks' rounding).
      [100, 200, 400].forEach((wait, i) => expect(gaps[i], `gap ${i + 1} of ${gaps.map(Math.round)}`).to.be.at.least(wait - 1));
      // The server saw every attempt, but perhaps not yet the one the client is making right now.
      const made = sockets.attempts.length;
      const { connections } = (await server.stats()).ws;
      expect(connections).to.be.within(made - 1, sockets.attempts.length);
      await until(() => states(tiles).every((s) => s === 'error'), `tiles are ${states(tiles)}`, 4000);
      await until(() => text(tiles[0]!, 'error')?.includes('Server unreachable — retrying'), `the error reads ${text(tiles[0]!, 'error')}`, 4000);
      // Once the server works again, the next attempt gets through and the tiles go live.
      await server.faults({ socketCloseCode: 0 });
      window.dispatchEvent(new Event('online'));
      await allIn(tiles, 'ready');
    });
  }

  it('a 10,000-frame synchronous burst into ten tiles sets no timer per frame, and the tiles show the last frame', async () => {
    const subscribers = new Set<{ next(frame: unknown): void }>();
    const source: MetricSource = {
      query: () =>
        ({
          subscribe(sink: { next(frame: unknown): void }) {
            subscribers.add(sink);
            sink.next({ rows: [{ value: 0 }], asOf: Date.now() });
            return { unsubscribe: () => subscribers.delete(sink) };
          },
        }) as unknown as ReturnType<MetricSource['query']>,
    };
    const grid = await fixture<HTMLElement>(html`<div>${METRICS.map(() => html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`)}</div>`);
    const tiles = [...grid.querySelectorAll<CrmKpi>('crm-kpi')];
    await allIn(tiles, 'ready');
    const realSet = window.setTimeout;
    const realClear = window.clearTimeout;
    let timers = 0;
    window.setTimeout = ((...args: Parameters<typeof setTimeout>) => (timers++, realSet(...args))) as typeof setTimeout;
    window.clearTimeout = ((id?: number) => (timers++, realClear(id))) as typeof clearTimeout;
    try {
      for (let i = 1; i <= 10_000; i++) {
        const frame = { rows: [{ value: i }], asOf: Date.now() };
        for (const s of subscribers) s.next(frame);
      }
    } finally {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    }
    expect(timers).to.be.below(50);
    // New numbers on tiles that show numbers are drawn on the page's beat: up to a second later.
    await waitUntil(() => tiles.every((t) => text(t, 'value') === '10,000'), 'the tiles do not show the last frame', { timeout: 4000 });
  });
});

describe('errors say what happened: auth failures stop, rate limits wait as asked', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(async () => {
    warnings = captureWarnings();
    server = await CrmLabServer.start({ intervalMs: 60_000, heartbeatMs: 200 });
  });
  afterEach(async () => {
    fixtureCleanup();
    warnings.restore();
    await server.close();
  });

  it('401 on a cold start: one request per tile, then nothing; each tile says the session expired; Retry asks once', async () => {
    await server.faults({ failNext: 1000, failStatus: 401 });
    const tiles = await tenTiles(pollingSource({ url: server.restUrl, intervalMs: 200, backoff: { initialDelay: 50, maxDelay: 200 } }));
    await allIn(tiles, 'error');
    await sleep(1500);
    expect((await server.stats()).rest.requests).to.equal(10);
    expect(text(tiles[0]!, 'error')).to.contain('Session expired — sign in again');
    part(tiles[0]!, 'error')!.querySelector('button')!.click();
    await until(async () => (await server.stats()).rest.requests === 11, 'Retry asked nothing');
    await sleep(800);
    expect((await server.stats()).rest.requests).to.equal(11);
  });

  it('401 on a tile with numbers: the numbers stay, stale, with the reason and Retry; nothing more is asked', async () => {
    const source = pollingSource({ url: server.restUrl, intervalMs: 100, backoff: { initialDelay: 50, maxDelay: 200 } });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await allIn([el], 'ready');
    const value = text(el, 'value');
    await server.faults({ failNext: 1000, failStatus: 401 });
    await allIn([el], 'stale');
    expect(text(el, 'value')).to.equal(value);
    expect(text(el, 'stale-reason')).to.equal('Session expired — sign in again');
    expect(text(el, 'as-of')).to.match(/^as of /);
    const asked = (await server.stats()).rest.requests;
    await sleep(800);
    expect((await server.stats()).rest.requests).to.equal(asked);
    await server.faults({ failNext: 0 });
    (part(el, 'retry') as HTMLButtonElement).click();
    await allIn([el], 'ready');
    await expect(el).to.be.accessible();
  });

  it('onUnauthorized refreshes once for every query that got a 401, and each asks once more with the new token', async () => {
    await server.faults({ failNext: 10, failStatus: 401 });
    let token = 'expired';
    let refreshes = 0;
    const source = pollingSource({
      url: server.restUrl,
      intervalMs: 60_000,
      headers: () => ({ Authorization: `Bearer ${token}` }),
      onUnauthorized: async () => {
        refreshes++;
        await sleep(300);
        token = 'fresh';
      },
    });
    const tiles = await tenTiles(source);
    await allIn(tiles, 'ready');
    expect(refreshes).to.equal(1);
    const stats = await server.stats();
    expect(stats.rest.requests).to.equal(20);
    expect(stats.rest.authorizations.slice(10)).to.deep.equal(METRICS.map(() => 'Bearer fresh'));
  });

  it('a refresh that does not help: the second 401 stops, without a third request', async () => {
    await server.faults({ failNext: 1000, failStatus: 401 });
    let refreshes = 0;
    const source = pollingSource({ url: server.restUrl, intervalMs: 100, onUnauthorized: () => void refreshes++ });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await allIn([el], 'error');
    await sleep(600);
    expect(refreshes).to.equal(1);
    expect((await server.stats()).rest.requests).to.equal(2);
    expect(text(el, 'error')).to.contain('Session expired — sign in again');
  });

  it('429 with Retry-After: 1 waits a second, though the backoff would ask sooner, and says when it retries', async () => {
    const source = pollingSource({ url: server.restUrl, intervalMs: 100, backoff: { initialDelay: 20, maxDelay: 50 } });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await allIn([el], 'ready');
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    await server.faults({ failNext: 2, failStatus: 429, retryAfter: 1 });
    await allIn([el], 'stale');
    expect(text(el, 'stale-reason')).to.match(/^Rate limited — retrying at \d{1,2}:\d{2}/);
    await allIn([el], 'ready', 5000);
    // The browser's log of the requests: polls 100 ms apart, except the wait after each 429, which
    // is the second asked for and not the backoff's 20–50 ms.
    const starts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.startsWith(server.restUrl))
      .map((entry) => entry.startTime);
    const gaps = starts.slice(1).map((at, i) => at - starts[i]!);
    expect(gaps.filter((gap) => gap >= 999).length, `gaps ${gaps.map(Math.round)}`).to.be.at.least(2);
  });

  it('a classification says what retries: Salesforce’s 403 REQUEST_LIMIT_EXCEEDED is retried, other 403s stop', async () => {
    const classify = (e: unknown) => (e instanceof HttpError && e.status === 403 && e.body.includes('simulated')) || retryable(e);
    const source = pollingSource({ url: server.restUrl, intervalMs: 100, backoff: { initialDelay: 20, maxDelay: 50 }, retryable: classify });
    await server.faults({ failNext: 3, failStatus: 403 });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await allIn([el], 'ready');
    expect((await server.stats()).rest.requests).to.equal(4);
    expect(retryable(new HttpError(403, 'HTTP 403'))).to.equal(false);
    expect(retryable(new HttpError(503, 'HTTP 503'))).to.equal(true);
    expect(retryable(new TypeError('Failed to fetch'))).to.equal(true);
  });

  it('sseSource: a stream refused with 401 ends every query with the reason and is not asked again', async () => {
    await server.faults({ streamStatus: 401 });
    const tiles = await tenTiles(sseSource({ url: server.streamUrl, backoff: { initialDelay: 50, maxDelay: 200 } }));
    await allIn(tiles, 'error');
    expect(text(tiles[0]!, 'error')).to.contain('Session expired — sign in again');
    const refused = (await server.stats()).sse.refused;
    await sleep(800);
    expect((await server.stats()).sse.refused).to.equal(refused);
  });

  it('sseSource: 503 is retried with backoff, and the stream comes back', async () => {
    await server.faults({ streamStatus: 503 });
    const tiles = await tenTiles(sseSource({ url: server.streamUrl, backoff: { initialDelay: 50, maxDelay: 200 } }));
    await until(async () => (await server.stats()).sse.refused >= 2, 'not retried');
    await server.faults({ streamStatus: 0 });
    await allIn(tiles, 'ready');
  });
});

describe('fetchFrame knows when a fresh frame is required', () => {
  let server: CrmLabServer;
  before(async () => (server = await CrmLabServer.start({ intervalMs: 60_000 })));
  after(() => server.close());

  it('an ETag kept across subscriptions: "subscribes again after a release" passes, since needFrame skips If-None-Match', async function () {
    this.timeout(20_000);
    const make = () => {
      // One ETag per query for the whole source, as a cache in an SDK would keep it.
      const etags = new Map<string, string>();
      return pollingSource({
        intervalMs: 100,
        fetchFrame: async (q, signal, context) => {
          const url = `${server.restUrl}?${queryToParams(q)}`;
          const etag = etags.get(url);
          const res = await fetch(url, { signal, headers: etag && !context?.needFrame ? { 'If-None-Match': etag } : {} });
          if (res.status === 304) return null;
          etags.set(url, res.headers.get('ETag') ?? '');
          return res.json();
        },
      });
    };
    const report = await runSourceContract(make, [{ metric: 'revenue' }], { watchMs: 400, settleMs: 150, timeoutMs: 3000 });
    expect(report.failures.map((f) => `${f.check}: ${f.message}`)).to.deep.equal([]);
  });
});

describe('the reference server continues its numbers across a restart', () => {
  it('a restarted server answers revenue no lower than before, not its seed values', async () => {
    const server = await CrmLabServer.start({ intervalMs: 100 });
    try {
      const read = async () => (await (await fetch(`${server.restUrl}?metric=revenue`, { cache: 'no-store' })).json()).rows.at(-1).value as number;
      const seed = await read();
      await sleep(1500);
      const before = await read();
      expect(before).to.be.greaterThan(seed);
      await server.stop();
      await server.restart();
      const after = await read();
      expect(after).to.be.at.least(before);
    } finally {
      await server.close();
    }
  });
});
