import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/kpi.js';
import { pollingSource } from '../../src/data/polling-source.js';
import { sseSource } from '../../src/data/sse-source.js';
import type { MetricFrame, MetricSource } from '../../src/data/types.js';
import { webSocketSource } from '../../src/data/websocket-source.js';
import type { CrmKpi } from '../../src/kpi.js';
import { CrmLabServer } from '../servers/crm-lab.js';
import { captureWarnings, sleep, statuses, trackedEventSources, trackedSockets, until } from './helpers.js';

const part = (el: CrmKpi, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const text = (el: CrmKpi, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const inState = (el: CrmKpi, state: string, timeout = 6000) =>
  waitUntil(() => el.getAttribute('state') === state, `not ${state}: ${el.getAttribute('state')}`, { timeout, interval: 20 });

/** The server's clock a minute behind the browser's (or `asOf` taken from the CRM's `updatedAt`). */
const minuteBehind = (payload: unknown) => ({ ...(payload as MetricFrame), asOf: (payload as MetricFrame).asOf - 60_000 });

describe('a server whose clock is behind the browser’s: confirmations do not hide real changes', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  // The numbers change every 600 ms; between changes, heartbeats (and 304s) confirm them.
  beforeEach(async () => {
    warnings = captureWarnings();
    server = await CrmLabServer.start({ intervalMs: 600, heartbeatMs: 100 });
  });
  afterEach(async () => {
    fixtureCleanup();
    warnings.restore();
    await server.close();
  });

  const sources: Array<[string, () => MetricSource]> = [
    ['pollingSource after 304s', () => pollingSource({ url: server.restUrl, intervalMs: 100, toFrame: minuteBehind })],
    ['sseSource after heartbeats', () => sseSource({ url: server.streamUrl, toFrame: minuteBehind })],
    ['webSocketSource after heartbeats', () => webSocketSource({ url: server.socketUrl, toFrame: minuteBehind })],
  ];
  for (const [name, make] of sources) {
    it(`${name}: the tile shows each new number, as of the server's time`, async () => {
      const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${make()}></crm-kpi>`);
      await inState(el, 'ready');
      const first = text(el, 'value');
      // Two changes in a row reach the tile, though each came after confirmations stamped later.
      await until(() => text(el, 'value') !== first, `the tile kept ${first}: the change was dropped as older than a confirmation`, 5000);
      const second = text(el, 'value');
      await until(() => text(el, 'value') !== second, `the tile kept ${second}`, 5000);
      expect(el.getAttribute('state')).to.equal('ready');
    });

    it(`${name}: "as of" never goes back, though changes carry the server's earlier time`, async () => {
      const seen: MetricFrame[] = [];
      const subscription = make().query({ metric: 'revenue' }).subscribe((frame) => seen.push(frame));
      try {
        const changes = () => new Set(seen.map((f) => JSON.stringify(f.rows))).size;
        await until(() => changes() >= 3, `${changes()} different frames`, 6000);
      } finally {
        subscription.unsubscribe();
      }
      const times = seen.map((f) => f.asOf);
      expect(times, 'as-of times').to.deep.equal([...times].sort((a, b) => a - b));
    });
  }
});

describe('Retry on stale numbers keeps them', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(async () => {
    warnings = captureWarnings();
    server = await CrmLabServer.start({ intervalMs: 60_000 });
  });
  afterEach(async () => {
    fixtureCleanup();
    warnings.restore();
    await server.close();
  });

  it('numbers → 401 → Retry → 401 again: the numbers stay, stale, with the reason and Retry', async () => {
    const source = pollingSource({ url: server.restUrl, intervalMs: 100 });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await inState(el, 'ready');
    const value = text(el, 'value');
    expect(value).to.match(/\d/);
    await server.faults({ failNext: 1000, failStatus: 401 });
    await inState(el, 'stale');
    const asked = (await server.stats()).rest.requests;
    const seen: string[] = [];
    el.addEventListener('crm-state', (e) => seen.push((e as CustomEvent).detail.state));
    (part(el, 'retry') as HTMLButtonElement).click();
    await el.updateComplete;
    // While the retry runs: the same numbers, stale, never back to loading or the error view.
    expect(el.getAttribute('state')).to.equal('stale');
    expect(text(el, 'value')).to.equal(value);
    await until(async () => (await server.stats()).rest.requests === asked + 1, 'Retry asked nothing');
    await until(() => part(el, 'retry') !== null, 'no Retry after the second 401');
    expect(el.getAttribute('state')).to.equal('stale');
    expect(text(el, 'value')).to.equal(value);
    expect(text(el, 'stale-reason')).to.equal('Session expired — sign in again');
    expect(part(el, 'error')).to.equal(null);
    expect(seen).to.not.include('loading');
    expect(seen).to.not.include('error');
    // And a Retry that gets through brings the tile back.
    await server.faults({ failNext: 0 });
    (part(el, 'retry') as HTMLButtonElement).click();
    await inState(el, 'ready');
  });
});

describe('sseSource watches a stream from the request on, and says what a silence is', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(async () => {
    warnings = captureWarnings();
    server = await CrmLabServer.start({ intervalMs: 200, heartbeatMs: 100 });
  });
  afterEach(async () => {
    fixtureCleanup();
    warnings.restore();
    await server.close();
  });

  it('a server that never sends its headers is given up on and asked again, not left connecting', async () => {
    await server.faults({ streamNoHeaders: true });
    const source = sseSource({ url: server.streamUrl, silenceMs: 300, backoff: { initialDelay: 50, maxDelay: 100 } });
    const status = statuses(source);
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await until(async () => (await server.stats()).sse.connections >= 2 || status.seen.includes('reconnecting'), 'the hanging request was never abandoned', 5000);
    expect(status.seen).to.include('reconnecting');
    await server.faults({ streamNoHeaders: false });
    await inState(el, 'ready');
    status.stop();
  });

  // Headers, then nothing: the server is up, so "unreachable" would be untrue. (The next attempt
  // waits 5 s, so the reason after the silence is the one on screen.)
  for (const [locale, words] of [
    ['en-US', 'No data from the server — reconnecting'],
    ['de-DE', 'Keine Daten vom Server — neue Verbindung läuft'],
  ]) {
    it(`a stream that goes silent says so (${locale}): "${words}"`, async () => {
      await server.faults({ streamSilent: true });
      const source = sseSource({ url: server.streamUrl, silenceMs: 300, backoff: { initialDelay: 5000, maxDelay: 5000, random: () => 1 } });
      const status = statuses(source);
      const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale=${locale} .source=${source}></crm-kpi>`);
      await until(() => status.seen.includes('reconnecting'), 'the silent stream was never dropped');
      await inState(el, 'error');
      await until(() => text(el, 'error-reason') === words, `the reason read ${text(el, 'error-reason')}`);
      status.stop();
    });
  }
});

describe('webSocketSource: only data or a heartbeat proves a connection', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(async () => {
    warnings = captureWarnings();
    server = await CrmLabServer.start({ intervalMs: 200, heartbeatMs: 60_000 });
  });
  afterEach(async () => {
    fixtureCleanup();
    warnings.restore();
    await server.close();
  });

  it('a server that sends an error and closes is backed off: each wait doubles', async () => {
    await server.faults({ socketSayThenClose: { message: { type: 'error', key: 'no-such-query', message: 'simulated' }, code: 1011 } });
    // random 1: the waits are the ceilings, 100, 200, 400 ms; none resets after the error message.
    const sockets = trackedSockets();
    const source = webSocketSource({ url: server.socketUrl, WebSocket: sockets.WebSocket, backoff: { initialDelay: 100, maxDelay: 5000, random: () => 1 } });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await until(() => sockets.attempts.length >= 4, 'fewer than four attempts', 6000);
    const gaps = sockets.gaps().slice(0, 3);
    // A timer never fires early: each gap is at least its wait (1 ms for the clocks' rounding).
    [100, 200, 400].forEach((wait, i) => expect(gaps[i], `gap ${i + 1} of ${gaps.map(Math.round)}`).to.be.at.least(wait - 1));
    expect(el.getAttribute('state')).to.equal('error');
  });

  it('sseSource: a stream that sends an error event and ends is backed off too: each wait doubles', async () => {
    await server.faults({ streamSayThenClose: { type: 'error', key: 'no-such-query', message: 'simulated' } });
    const streams = trackedEventSources();
    const source = sseSource({ url: server.streamUrl, EventSource: streams.EventSource, backoff: { initialDelay: 100, maxDelay: 5000, random: () => 1 } });
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await until(() => streams.attempts.length >= 4, 'fewer than four attempts', 6000);
    const gaps = streams.gaps().slice(0, 3);
    [100, 200, 400].forEach((wait, i) => expect(gaps[i], `gap ${i + 1} of ${gaps.map(Math.round)}`).to.be.at.least(wait - 1));
    await inState(el, 'error');
  });

  it('ping, then 4401: onUnauthorized runs once, the renewed session is tried once, and the second 4401 ends the query', async () => {
    await server.faults({ socketSayThenClose: { message: { type: 'ping' }, code: 4401 } });
    const sockets = trackedSockets();
    let refreshes = 0;
    const source = webSocketSource({
      url: server.socketUrl,
      WebSocket: sockets.WebSocket,
      backoff: { initialDelay: 300, maxDelay: 5000, random: () => 1 },
      onUnauthorized: () => void refreshes++,
    });
    const status = statuses(source);
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    await until(() => status.now() === 'closed', `the source never gave up: ${status.seen}`);
    await inState(el, 'error');
    expect(text(el, 'error')).to.contain('Session expired — sign in again');
    expect(refreshes).to.equal(1);
    expect(sockets.attempts.length).to.equal(2);
    // Ended: nothing more is asked.
    await sleep(700);
    expect(sockets.attempts.length).to.equal(2);
    expect(refreshes).to.equal(1);
    status.stop();
  });
});
