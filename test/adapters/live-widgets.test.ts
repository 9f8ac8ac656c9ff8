import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/kpi.js';
import { pollingSource } from '../../src/data/polling-source.js';
import { queryKey } from '../../src/data/query-key.js';
import { registerSource, unregisterSource } from '../../src/data/registry.js';
import { sseSource } from '../../src/data/sse-source.js';
import type { MetricSource } from '../../src/data/types.js';
import { webSocketSource } from '../../src/data/websocket-source.js';
import { formatValue } from '../../src/format/number-format.js';
import type { CrmKpi } from '../../src/kpi.js';
import { CrmLabServer } from '../servers/crm-lab.js';
import { captureWarnings } from './helpers.js';

const fast = { initialDelay: 50, maxDelay: 300 };
const transports: Record<string, (server: CrmLabServer) => MetricSource> = {
  webSocketSource: (s) => webSocketSource({ url: s.socketUrl, backoff: fast }),
  sseSource: (s) => sseSource({ url: s.streamUrl, backoff: fast }),
  pollingSource: (s) => pollingSource({ url: s.restUrl, intervalMs: 100, backoff: fast }),
};

const part = (el: CrmKpi, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const valueText = (el: CrmKpi) => part(el, 'value')?.textContent?.trim();
const allIn = (tiles: CrmKpi[], state: string) =>
  waitUntil(() => tiles.every((t) => t.getAttribute('state') === state), `not all ${state}: ${tiles.map((t) => t.getAttribute('state'))}`, { timeout: 8000 });
/** The key of the query a tile sends: what the server's latest frame is filed under. */
const keyOf = (el: CrmKpi) => queryKey({ metric: el.metric, compare: 'previous_period' });

describe('widgets on live adapters over a real network', () => {
  let server: CrmLabServer;
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(async () => {
    warnings = captureWarnings();
    server = await CrmLabServer.start({ intervalMs: 150, retryMs: 100 });
  });
  afterEach(async () => {
    fixtureCleanup();
    unregisterSource('crm');
    warnings.restore();
    await server.close();
  });

  for (const [name, make] of Object.entries(transports)) {
    it(`${name}: server killed → every tile stale with its last numbers; restarted → live again with the server's current numbers`, async () => {
      registerSource('crm', make(server));
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 900px">
        <crm-kpi source="crm" metric="new_leads" format="number" locale="en-US"></crm-kpi>
        <crm-kpi source="crm" metric="new_leads" format="number" locale="en-US"></crm-kpi>
        <crm-kpi source="crm" metric="open_cases" format="number" locale="en-US"></crm-kpi>
      </div>`);
      const tiles = [...wrap.querySelectorAll('crm-kpi')];
      await allIn(tiles, 'ready');

      await server.stop();
      await allIn(tiles, 'stale');
      for (const tile of tiles) {
        expect(valueText(tile)).to.match(/^\d[\d,]*$/);
        expect(part(tile, 'stale')!.textContent).to.match(/as of/i);
      }
      await expect(tiles[0]).to.be.accessible();

      await server.restart();
      await allIn(tiles, 'ready');
      // The numbers on screen are the restarted server's, not the ones kept while it was down.
      await waitUntil(async () => {
        for (const tile of tiles) {
          const latest = await server.latest(keyOf(tile));
          const value = latest?.rows.at(-1)?.value as number | undefined;
          if (value === undefined || valueText(tile) !== formatValue(value, { format: 'number', locale: 'en-US' })) return false;
        }
        return true;
      }, 'tiles do not show the server’s current numbers', { timeout: 8000 });
      expect(part(tiles[0]!, 'stale')).to.equal(null);

      const stats = await server.stats();
      if (name === 'webSocketSource') {
        expect(stats.ws.open).to.equal(1);
        expect(stats.ws.duplicateSubscribes).to.equal(0);
        expect(stats.ws.subscribes).to.equal(4); // two distinct queries, before and after the restart
      }
      if (name === 'sseSource') {
        expect(stats.sse.open).to.equal(1);
        expect(stats.sse.queriesPerConnection.at(-1)).to.equal(2);
      }
    });

    it(`${name}: 20 tiles on one query → one upstream subscription; removing them releases it`, async () => {
      await server.close();
      server = await CrmLabServer.start({ intervalMs: 60_000 });
      // Tiles may take more than one short poll interval to all draw (they share a per-frame render
      // budget): poll slowly, so every request counted is one that sharing failed to save.
      registerSource('crm', name === 'pollingSource' ? pollingSource({ url: server.restUrl, intervalMs: 60_000, backoff: fast }) : make(server));
      const wrap = await fixture<HTMLDivElement>(html`<div>${Array.from({ length: 20 }, () => html`<crm-kpi source="crm" metric="csat"></crm-kpi>`)}</div>`);
      const tiles = [...wrap.querySelectorAll('crm-kpi')];
      await allIn(tiles, 'ready');
      const stats = await server.stats();
      if (name === 'webSocketSource') expect([stats.ws.connections, stats.ws.subscribes]).to.deep.equal([1, 1]);
      if (name === 'sseSource') expect(stats.sse.queriesPerConnection).to.deep.equal([1]);
      if (name === 'pollingSource') expect(stats.rest.requests, JSON.stringify(stats.rest)).to.equal(1);
      wrap.remove();
      if (name === 'webSocketSource') await waitUntil(async () => (await server.stats()).ws.open === 0, 'socket left open', { timeout: 4000 });
      if (name === 'sseSource') await waitUntil(async () => (await server.stats()).sse.open === 0, 'stream left open', { timeout: 4000 });
    });
  }
});
