import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import { DEMO_KPIS, DEMO_STAGES } from '../../src/data/demo-catalog.js';
import { demoSource } from '../../src/data/demo-source.js';
import { WIDGET_KINDS, metricLabel, readCatalog } from '../../src/data/read-catalog.js';
import { staticSource } from '../../src/data/static-source.js';
import type { CatalogEntry, FrameValue, MetricQuery, WidgetKind } from '../../src/data/types.js';
import { captureWarnings } from '../adapters/helpers.js';

type Row = Record<string, FrameValue>;
const STAGES = DEMO_STAGES.map(([stage]) => stage);

/** The query each kind of widget sends by default (the leaderboard groups by agent, the forecast by channel). */
const queryFor = (metric: string, kind: WidgetKind): MetricQuery =>
  kind === 'leaderboard' ? { metric, dimensions: ['agent'] } : kind === 'forecast' ? { metric, dimensions: ['channel'] } : { metric };

/** What rows a kind of widget needs to show something. */
const fits: Record<WidgetKind, (rows: Row[]) => boolean> = {
  kpi: (rows) => typeof rows.at(-1)?.value === 'number',
  funnel: (rows) => rows.length > 1 && rows.every((r) => typeof r.stage === 'string' && typeof r.value === 'number'),
  'campaign-roi': (rows) => rows.length > 0 && rows.every((r) => typeof r.campaign === 'string' && typeof r.cost === 'number' && typeof r.revenue === 'number'),
  leaderboard: (rows) => rows.length > 1 && rows.every((r) => typeof r.name === 'string' && typeof r.value === 'number'),
  forecast: (rows) => rows.length > 0 && rows.every((r) => typeof r.category === 'string' && typeof r.value === 'number'),
  records: (rows) => rows.length > 0 && rows.every((r) => typeof r.id === 'string' && typeof r.name === 'string'),
};

describe('demoSource().catalog()', () => {
  const demo = demoSource({ seed: 3, intervalMs: 0 });
  const ask = async (q: MetricQuery) => (await firstValueFrom(demo.query(q))).rows as Row[];

  it('lists every KPI, the funnel, campaigns, agents, forecast and the record lists, once each, labelled in words', async () => {
    const catalog = await demo.catalog!();
    const metrics = catalog.map((e) => e.metric);
    expect(metrics).to.include.members([...Object.keys(DEMO_KPIS), 'funnel', 'campaigns', 'agents', 'forecast', 'funnel_records', 'revenue_records', 'agents_records']);
    expect(new Set(metrics).size).to.equal(metrics.length);
    for (const entry of catalog) {
      expect(entry.label, entry.metric).to.match(/^[A-Z][A-Za-z ]+$/);
      expect(entry.kinds.length, entry.metric).to.be.above(0);
      for (const kind of entry.kinds) expect(WIDGET_KINDS).to.include(kind);
    }
    expect(catalog.find((e) => e.metric === 'win_rate')).to.deep.equal({ metric: 'win_rate', label: 'Win rate', kinds: ['kpi', 'leaderboard'], unit: '%', dimensions: ['agent', 'team'] });
    expect(catalog.find((e) => e.metric === 'funnel')!.kinds).to.deep.equal(['funnel']);
    expect(catalog.find((e) => e.metric === 'campaigns')!.kinds).to.deep.equal(['campaign-roi']);
    expect(catalog.find((e) => e.metric === 'forecast')!.kinds).to.deep.equal(['forecast']);
    expect(catalog.find((e) => e.metric === 'funnel_records')).to.deep.include({ label: 'Opportunities', kinds: ['records'], unit: 'EUR' });
    // Plain data: what a server sends as JSON.
    expect(JSON.parse(JSON.stringify(catalog))).to.deep.equal(catalog);
  });

  it('is true: each entry, asked as each of its kinds would ask, answers rows that kind shows, in the listed unit', async () => {
    for (const entry of await demo.catalog!()) {
      for (const kind of entry.kinds) {
        const frame = await firstValueFrom(demo.query(queryFor(entry.metric, kind)));
        expect(fits[kind](frame.rows as Row[]), `${entry.metric} as ${kind}: ${JSON.stringify(frame.rows.slice(0, 2))}`).to.equal(true);
        const value = frame.fields?.find((f) => f.name === 'value' || f.name === 'amount');
        if (entry.unit && value) expect(value.unit, `${entry.metric} unit`).to.equal(entry.unit);
      }
    }
  });

  it('lists only dimensions the demo honours: a channel or region filter changes a sum, a team filter the agents', async () => {
    const catalog = await demo.catalog!();
    const revenue = catalog.find((e) => e.metric === 'revenue')!;
    expect(revenue.dimensions).to.include.members(['channel', 'region']);
    const all = (await ask({ metric: 'revenue' })).at(-1)!.value as number;
    const partner = (await ask({ metric: 'revenue', filters: { channel: 'partner' } })).at(-1)!.value as number;
    expect(partner / all).to.be.within(0.25, 0.4);
    const emea = (await ask({ metric: 'revenue', filters: { region: 'EMEA' } })).at(-1)!.value as number;
    expect(emea / all).to.be.within(0.4, 0.52);
    const agents = await ask({ metric: 'agents', dimensions: ['agent'], filters: { team: 'Sales' } });
    expect(agents.length).to.be.above(0);
    expect(agents.every((a) => a.team === 'Sales')).to.equal(true);
  });

  it('each record list honours each dimension it lists: filtered by a row’s value, every row has that value', async () => {
    for (const entry of (await demo.catalog!()).filter((e) => e.kinds.includes('records'))) {
      const rows = await ask({ metric: entry.metric });
      for (const dimension of entry.dimensions ?? []) {
        const value = rows.find((r) => typeof r[dimension] === 'string')?.[dimension] as string | undefined;
        expect(value, `${entry.metric} rows carry ${dimension}`).to.be.a('string');
        const filtered = await ask({ metric: entry.metric, filters: { [dimension]: value! } });
        expect(filtered.length, `${entry.metric} by ${dimension}`).to.be.above(0);
        // The funnel's records are those that reached a stage, as the funnel counts them.
        const reached = (r: Row) => STAGES.indexOf(String(r.stage)) >= STAGES.indexOf(value!);
        const passes = entry.metric === 'funnel_records' && dimension === 'stage' ? reached : (r: Row) => r[dimension] === value;
        expect(filtered.every(passes), `${entry.metric} by ${dimension}=${value}`).to.equal(true);
      }
    }
  });
});

describe('staticSource().catalog()', () => {
  it('reads the kinds from the rows: stage → funnel, campaign → campaign ROI, name → leaderboard, category → forecast, a value → KPI', async () => {
    const crm = staticSource(
      {
        revenue: [{ value: 1234567, previous: 1000000 }],
        pipeline: [{ stage: 'Lead', value: 100 }, { stage: 'Won', value: 5 }],
        campaigns: [{ campaign: 'Webinar', channel: 'direct', cost: 100, revenue: 300 }],
        agents: [{ id: 'a1', name: 'Amira', team: 'Service', value: 12 }],
        forecast: { rows: [{ category: 'closed', value: 10, quota: 20, channel: 'direct' }], fields: [{ name: 'value', type: 'number', unit: 'EUR', label: 'Forecast' }], asOf: 1 },
        deals_records: [{ id: 'o1', name: 'Acme — Renewal', stage: 'Won', amount: 1000 }],
        series: [{ time: 1, value: 1 }, { time: 2, value: 2 }],
        accounts: [{ id: 'x', name: 'Acme' }],
        nothing: [],
        notes: [{ text: 'hello' }],
      },
      { fields: { revenue: [{ name: 'value', type: 'number', unit: 'EUR' }] } },
    );
    expect(await crm.catalog!()).to.deep.equal([
      { metric: 'revenue', label: 'Revenue', kinds: ['kpi'], unit: 'EUR' },
      { metric: 'pipeline', label: 'Pipeline', kinds: ['funnel'], dimensions: ['stage'] },
      { metric: 'campaigns', label: 'Campaigns', kinds: ['campaign-roi'], dimensions: ['campaign', 'channel'] },
      { metric: 'agents', label: 'Agents', kinds: ['leaderboard', 'records'], dimensions: ['team'] },
      { metric: 'forecast', label: 'Forecast', kinds: ['forecast'], unit: 'EUR', dimensions: ['category', 'channel'] },
      { metric: 'deals_records', label: 'Deals records', kinds: ['records'], dimensions: ['stage'] },
      { metric: 'series', label: 'Series', kinds: ['kpi'] },
      { metric: 'accounts', label: 'Accounts', kinds: ['records'] },
    ]);
  });

  it('asks a function entry with a plain query; one that throws is not listed', async () => {
    const crm = staticSource({
      win_rate: (q) => [{ value: q.metric === 'win_rate' ? 0.3 : 0 }],
      picky: (q) => {
        if (!q.filters) throw new Error('needs filters');
        return [];
      },
    });
    expect(await crm.catalog!()).to.deep.equal([{ metric: 'win_rate', label: 'Win rate', kinds: ['kpi'] }]);
  });

  it('rows that are not rows list nothing for that metric, without throwing', async () => {
    const crm = staticSource({ a: ['text', 3, null] as never, b: { rows: 'no' } as never, c: [{ value: 1 }] });
    expect((await crm.catalog!()).map((e) => e.metric)).to.deep.equal(['c']);
  });

  it('the catalog option is listed instead, checked like a server’s answer', async () => {
    const warnings = captureWarnings();
    try {
      const crm = staticSource({ revenue: [{ value: 1 }] }, { catalog: [{ metric: 'revenue', label: 'Umsatz', kinds: ['kpi'] }, { metric: 'x', kinds: ['chart'] } as never] });
      expect(await crm.catalog!()).to.deep.equal([{ metric: 'revenue', label: 'Umsatz', kinds: ['kpi'] }]);
      expect(warnings.seen).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });
});

describe('readCatalog', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  it('an answer that is not a list lists nothing, with one warning naming where it came from', () => {
    for (const answer of [null, undefined, 42, 'kpi', { metric: 'a', kinds: ['kpi'] }, { catalog: [] }]) expect(readCatalog(answer, 'the test server')).to.deep.equal([]);
    expect(warnings.seen).to.have.length(6);
    expect(warnings.seen[0]).to.equal('crm-pulse: the catalog from the test server is not a list of metrics; it lists nothing.');
  });

  it('leaves out entries without a metric or a known kind, unknown kinds, duplicates; one warning says how many', () => {
    const read = readCatalog(
      [
        { metric: 'win_rate', label: 'Win rate', kinds: ['kpi', 'chart', 'kpi', 'leaderboard'], unit: '%', dimensions: ['region', 3, '', 'region'] },
        { label: 'No metric', kinds: ['kpi'] },
        { metric: '  ', kinds: ['kpi'] },
        { metric: 7, kinds: ['kpi'] },
        { metric: 'pie', kinds: ['pie-chart'] },
        { metric: 'win_rate', label: 'Again', kinds: ['kpi'] },
        null,
        'revenue',
        [],
        { metric: 'csat', kinds: 'kpi', label: 12, unit: 4 },
      ],
      'x',
    );
    expect(read).to.deep.equal([
      { metric: 'win_rate', label: 'Win rate', kinds: ['kpi', 'leaderboard'], unit: '%', dimensions: ['region'] },
      { metric: 'csat', label: 'Csat', kinds: ['kpi'] },
    ]);
    expect(warnings.seen).to.deep.equal([
      'crm-pulse: left out 8 of the 10 catalog entries from x (no metric name, no kind of widget crm-pulse has, listed twice, or beyond 1000).',
    ]);
  });

  it('reads kinds as configs spell them (KPI, crm-funnel)', () => {
    expect(readCatalog([{ metric: 'revenue', kinds: ['KPI', ' crm-funnel ', 'Crm-Records'] }], 'x')).to.deep.equal([{ metric: 'revenue', label: 'Revenue', kinds: ['kpi', 'funnel', 'records'] }]);
  });

  it('keeps labels as the text they are, shortened when very long', () => {
    const [entry] = readCatalog([{ metric: '<b>m</b>', label: `<img src=x onerror="alert(1)">${'x'.repeat(500)}`, kinds: ['kpi'] }], 'x');
    expect(entry!.metric).to.equal('<b>m</b>');
    expect(entry!.label.startsWith('<img src=x onerror="alert(1)">')).to.equal(true);
    expect(entry!.label).to.have.length(200);
  });

  it('an entry whose getter throws is left out, not the catalog', () => {
    const bad = { kinds: ['kpi'], get metric(): string { throw new Error('no'); } };
    expect(readCatalog([bad, { metric: 'a', kinds: ['kpi'] }], 'x').map((e: CatalogEntry) => e.metric)).to.deep.equal(['a']);
  });

  it('a list whose length or entries throw when read is a defined answer, not an exception', () => {
    const throwingLength = new Proxy([], { get: (target, key) => (key === 'length' ? (() => { throw new Error('no'); })() : Reflect.get(target, key)) });
    expect(readCatalog(throwingLength, 'x')).to.deep.equal([]);
    const throwingEntry = new Proxy([{ metric: 'a', kinds: ['kpi'] }, { metric: 'b', kinds: ['kpi'] }], {
      get: (target, key) => (key === '0' ? (() => { throw new Error('no'); })() : Reflect.get(target, key)),
    });
    expect(readCatalog(throwingEntry, 'x').map((e: CatalogEntry) => e.metric)).to.deep.equal(['b']);
  });

  it('metricLabel puts a metric name in words', () => {
    expect(['win_rate', 'pipelineValue', 'avg-handle-time', 'NPS', 'open.cases', ''].map(metricLabel)).to.deep.equal(['Win rate', 'Pipeline value', 'Avg handle time', 'NPS', 'Open cases', '']);
  });
});
