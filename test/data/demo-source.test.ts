import { expect, waitUntil, aTimeout } from '@open-wc/testing';
import { take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { DEMO_CAMPAIGNS, DEMO_KPIS, DEMO_RANGES } from '../../src/data/demo-catalog.js';
import { CATCH_UP, type DemoSourceOptions, demoSource } from '../../src/data/demo-source.js';
import type { MetricFrame, MetricQuery } from '../../src/data/types.js';

const NOW = Date.UTC(2024, 4, 15, 12, 0, 0);
const HOUR = 3_600_000;
const WEEK = 7 * 86_400_000;

/** A TestScheduler that runs as far as its timers go (by default it stops at 750 virtual ms). */
function virtualTime(): TestScheduler {
  const scheduler = new TestScheduler(() => {});
  scheduler.maxFrames = Number.POSITIVE_INFINITY;
  return scheduler;
}

/** The first `n` frames of a query, ticking every 10 virtual ms on a TestScheduler, at a fixed clock. */
function frames(q: MetricQuery, n = 3, options: DemoSourceOptions = {}): MetricFrame[] {
  const scheduler = virtualTime();
  const out: MetricFrame[] = [];
  demoSource({ seed: 7, intervalMs: 10, now: () => NOW, scheduler, ...options })
    .query(q)
    .pipe(take(n))
    .subscribe((f) => out.push(f));
  scheduler.flush();
  return out;
}
const first = (q: MetricQuery, options?: DemoSourceOptions) => frames(q, 1, options)[0]!;
const num = (v: unknown) => {
  expect(v, 'a finite number').to.be.a('number');
  expect(Number.isFinite(v)).to.equal(true);
  return v as number;
};

/** The KPIs the demoSource JSDoc promises. */
const KPIS = [
  'revenue',
  'pipeline_value',
  'win_rate',
  'new_leads',
  'open_cases',
  'csat',
  'avg_handle_time',
  'tickets_resolved',
  'products_per_customer',
  'avg_profit_per_customer',
];

describe('demoSource', () => {
  describe('determinism', () => {
    it('the same seed and query give identical first frames', () => {
      for (const metric of ['revenue', 'win_rate', 'funnel', 'campaigns', 'agents']) {
        expect(frames({ metric }, 4), metric).to.deep.equal(frames({ metric }, 4));
      }
    });

    it('the same query with its keys in another order gives the same numbers', () => {
      expect(frames({ metric: 'revenue', range: 'today' })).to.deep.equal(frames({ range: 'today', metric: 'revenue' }));
    });

    it('different seeds give different numbers', () => {
      expect(first({ metric: 'revenue' }, { seed: 1 }).rows).not.to.deep.equal(first({ metric: 'revenue' }, { seed: 2 }).rows);
      expect(first({ metric: 'agents' }, { seed: 1 }).rows).not.to.deep.equal(first({ metric: 'agents' }, { seed: 2 }).rows);
    });

    it('it is live: a sum KPI grows from one frame to the next', () => {
      const values = frames({ metric: 'revenue' }, 5).map((f) => num(f.rows.at(-1)!.value));
      for (let i = 1; i < values.length; i++) expect(values[i]).to.be.at.least(values[i - 1]!);
      expect(values.at(-1)).to.be.above(values[0]!);
    });

    it('asOf is the injected clock', () => {
      expect(frames({ metric: 'funnel' }, 2).map((f) => f.asOf)).to.deep.equal([NOW, NOW]);
    });

    it('ticks every intervalMs on the given scheduler', () => {
      const scheduler = new TestScheduler(() => {});
      const at: number[] = [];
      demoSource({ intervalMs: 250, now: () => NOW, scheduler })
        .query({ metric: 'revenue' })
        .pipe(take(3))
        .subscribe(() => at.push(scheduler.now()));
      scheduler.flush();
      expect(at).to.deep.equal([0, 250, 500]);
    });
  });

  describe('KPIs', () => {
    for (const metric of KPIS) {
      it(`${metric}: a time series whose last row has value, previous and target`, () => {
        const frame = first({ metric });
        expect(frame.rows).to.have.length(13); // this_quarter: weekly points
        frame.rows.forEach((row, i) => {
          expect(num(row.time)).to.equal(NOW - (12 - i) * WEEK);
          expect(num(row.value)).to.be.above(0);
        });
        const last = frame.rows.at(-1)!;
        expect(num(last.previous)).to.be.above(0);
        expect(num(last.target)).to.be.above(0);
        expect(frame.rows[0]).not.to.have.property('previous');
        const value = frame.fields?.find((f) => f.name === 'value');
        expect(value?.label, 'value field label').to.be.a('string').and.not.empty;
      });
    }

    it('units: revenue in EUR, win_rate a % ratio under 1, avg_handle_time in seconds', () => {
      const unit = (metric: string) => first({ metric }).fields?.find((f) => f.name === 'value')?.unit;
      expect(unit('revenue')).to.equal('EUR');
      expect(unit('win_rate')).to.equal('%');
      expect(unit('avg_handle_time')).to.equal('s');
      expect(unit('new_leads')).to.equal(undefined);
      expect(num(first({ metric: 'win_rate' }).rows.at(-1)!.value)).to.be.above(0).and.below(1);
    });

    it('a sum KPI is cumulative: the series never falls', () => {
      const values = first({ metric: 'new_leads' }).rows.map((r) => num(r.value));
      for (let i = 1; i < values.length; i++) expect(values[i]).to.be.at.least(values[i - 1]!);
    });

    it("range 'today' has 12 hourly points ending now", () => {
      const rows = first({ metric: 'revenue', range: 'today' }).rows;
      expect(rows).to.have.length(12);
      expect(rows.map((r) => r.time)).to.deep.equal(Array.from({ length: 12 }, (_, i) => NOW - (11 - i) * HOUR));
    });

    it('an unknown range falls back to this quarter', () => {
      expect(first({ metric: 'revenue', range: 'P1Y/2024-01-01' }).rows).to.have.length(13);
    });

    it("compare 'previous_year' gives a different previous value than 'previous_period'", () => {
      const previous = (compare: MetricQuery['compare']) => first({ metric: 'revenue', compare }).rows.at(-1)!.previous;
      expect(previous('previous_year')).not.to.equal(previous('previous_period'));
    });

    it("filters.channel 'direct' scales a sum KPI below the unfiltered one", () => {
      const total = num(first({ metric: 'revenue' }).rows.at(-1)!.value);
      const direct = num(first({ metric: 'revenue', filters: { channel: 'direct' } }).rows.at(-1)!.value);
      expect(direct / total).to.be.within(0.6, 0.76);
    });
  });

  describe('funnel', () => {
    it('stages come in pipeline order', () => {
      expect(first({ metric: 'funnel' }).rows.map((r) => r.stage)).to.deep.equal(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won']);
    });

    it('stage values are whole numbers that never increase down the funnel, frame after frame', () => {
      for (const q of [{ metric: 'funnel' }, { metric: 'funnel', range: 'today', filters: { channel: 'partner' } }]) {
        for (const frame of frames(q, 30)) {
          const values = frame.rows.map((r) => num(r.value));
          for (const v of values) expect(Number.isInteger(v)).to.equal(true);
          for (let i = 1; i < values.length; i++) expect(values[i], JSON.stringify(values)).to.be.at.most(values[i - 1]!);
        }
      }
    });
  });

  describe('campaigns', () => {
    it('every campaign has cost, revenue, leads, opportunities and won; one costs 0', () => {
      const rows = first({ metric: 'campaigns' }).rows;
      expect(rows).to.have.length(8);
      for (const r of rows) {
        expect(r.campaign).to.be.a('string');
        for (const field of ['cost', 'revenue', 'leads', 'opportunities', 'won']) expect(num(r[field])).to.be.at.least(0);
        expect(num(r.won)).to.be.at.most(num(r.opportunities));
        expect(num(r.opportunities)).to.be.at.most(num(r.leads));
      }
      expect(rows.filter((r) => r.cost === 0).map((r) => r.campaign)).to.deep.equal(['Customer referral']);
    });

    it("filters.channel 'partner' answers only partner campaigns", () => {
      const rows = first({ metric: 'campaigns', filters: { channel: 'partner' } }).rows;
      expect(rows.length).to.be.within(1, 7);
      expect(rows.every((r) => r.channel === 'partner')).to.equal(true);
      expect(rows.some((r) => r.cost === 0)).to.equal(true);
    });

    it('filters.channel as a list answers campaigns of every listed channel', () => {
      const rows = first({ metric: 'campaigns', filters: { channel: ['direct', 'partner'] } }).rows;
      expect(rows).to.have.length(8);
      expect(first({ metric: 'campaigns', filters: { channel: ['partner'] } }).rows.every((r) => r.channel === 'partner')).to.equal(true);
    });

    it('an unknown channel answers no campaigns', () => {
      expect(first({ metric: 'campaigns', filters: { channel: 'email' } }).rows).to.deep.equal([]);
    });
  });

  describe('forecast', () => {
    const q = { metric: 'forecast', dimensions: ['channel'] };
    const amount = (rows: MetricFrame['rows'], channel: string, category: string) => num(rows.find((r) => r.channel === channel && r.category === category)!.value);

    it('per channel (direct, partner): every forecast category once, with the channel’s quota', () => {
      const rows = first(q).rows;
      expect(rows).to.have.length(10);
      for (const channel of ['direct', 'partner']) {
        const own = rows.filter((r) => r.channel === channel);
        expect(own.map((r) => r.category)).to.deep.equal(['closed', 'commit', 'best_case', 'pipeline', 'omitted']);
        for (const r of own) expect(num(r.value)).to.be.at.least(0);
        expect(new Set(own.map((r) => num(r.quota))).size).to.equal(1);
      }
      expect(rows.find((r) => r.channel === 'partner')!.group).to.equal('Partner');
      expect(first(q).fields!.find((f) => f.name === 'value')!.unit).to.equal('EUR');
    });

    it('moves live, a little each tick: the call (closed + commit) changes by under 2 % of quota per frame', () => {
      const seen = frames(q, 12).map((f) => f.rows);
      const call = (rows: MetricFrame['rows']) => amount(rows, 'direct', 'closed') + amount(rows, 'direct', 'commit');
      const quota = num(seen[0]!.find((r) => r.channel === 'direct')!.quota);
      for (let i = 1; i < seen.length; i++) expect(Math.abs(call(seen[i]!) - call(seen[i - 1]!))).to.be.below(quota * 0.02);
      expect(seen.at(-1)).to.not.deep.equal(seen[0]);
    });

    it('without the channel dimension one set for all channels; filters.channel keeps one', () => {
      const all = first({ metric: 'forecast' }).rows;
      expect(all).to.have.length(5);
      expect(all[0]!.channel).to.equal(undefined);
      const partner = first({ ...q, filters: { channel: 'partner' } }).rows;
      expect(partner.every((r) => r.channel === 'partner')).to.equal(true);
    });

    it('every forecast query reads one forecast: the trend ends on the bars, a filtered channel equals its unfiltered rows', () => {
      const bars = first(q).rows;
      const trend = first({ ...q, dimensions: ['channel', 'time'] }).rows;
      const lastWeek = trend.filter((r) => r.time === NOW);
      for (const channel of ['direct', 'partner'])
        for (const category of ['closed', 'commit', 'best_case', 'pipeline'])
          expect(amount(lastWeek, channel, category), `${channel} ${category}`).to.equal(amount(bars, channel, category));
      const partner = first({ ...q, filters: { channel: 'partner' } }).rows;
      expect(amount(partner, 'partner', 'commit')).to.equal(amount(bars, 'partner', 'commit'));
    });

    it("with 'time' among the dimensions: one set per week, the call building up to the last", () => {
      const rows = first({ metric: 'forecast', dimensions: ['channel', 'time'], range: 'this_quarter' }).rows;
      const times = [...new Set(rows.map((r) => num(r.time)))];
      expect(times).to.have.length(13);
      expect(times.at(-1)).to.equal(NOW);
      expect(times[1]! - times[0]!).to.equal(WEEK);
      const closedAt = (t: number) => num(rows.find((r) => r.time === t && r.channel === 'direct' && r.category === 'closed')!.value);
      expect(closedAt(times[0]!)).to.be.below(closedAt(times.at(-1)!));
    });
  });

  describe('agents', () => {
    it('one row per agent, with unique ids, names, teams and a value', () => {
      const rows = first({ metric: 'agents' }).rows;
      expect(rows).to.have.length(12);
      expect(new Set(rows.map((r) => r.id)).size).to.equal(12);
      for (const r of rows) {
        expect(r.name).to.be.a('string').and.not.empty;
        expect(['Sales', 'Service']).to.include(r.team);
        expect(num(r.value)).to.be.at.least(0);
      }
    });

    it("filters.team 'Sales' answers only the sales team", () => {
      const rows = first({ metric: 'agents', filters: { team: 'Sales' } }).rows;
      expect(rows).to.have.length(6);
      expect(rows.every((r) => r.team === 'Sales')).to.equal(true);
    });

    it("any KPI with dimensions ['agent'] answers per agent", () => {
      const rows = first({ metric: 'csat', dimensions: ['agent'] }).rows;
      expect(rows).to.have.length(12);
      for (const r of rows) expect(num(r.value)).to.be.within(0, 1.5);
    });
  });

  describe('epoch: live since a start time', () => {
    const INTERVAL = 2000;
    /** The first frame of a query at NOW, on a source live since `ago` ms, as a restarted server answers it. */
    const since = (q: MetricQuery, ago: number, seed = 7) => first(q, { seed, intervalMs: INTERVAL, epoch: NOW - ago });
    const lastValue = (f: MetricFrame) => num(f.rows.at(-1)!.value);
    const UPTIMES = [6 * HOUR, 48 * HOUR];
    const SEEDS = [1, 2, 3, 7, 11];

    for (const ago of UPTIMES) {
      describe(`${ago / HOUR} h after the epoch`, () => {
        it('revenue stays within ±50 % of its base for the range and channel, and below twice its target', () => {
          const base = DEMO_KPIS.revenue!.base;
          for (const seed of SEEDS)
            for (const [q, expected] of [
              [{ metric: 'revenue' }, base],
              [{ metric: 'revenue', range: 'today' }, base * DEMO_RANGES.today!.share],
              [{ metric: 'revenue', filters: { channel: 'direct' } }, base * 0.68],
            ] as const) {
              const frame = since(q, ago, seed);
              const value = lastValue(frame);
              expect(value, `${JSON.stringify(q)} seed ${seed}`).to.be.within(expected * 0.5, expected * 1.5);
              expect(value).to.be.below(2 * num(frame.rows.at(-1)!.target));
            }
        });

        it('every KPI stays within ±50 % of its base; CSAT and win rate are shares within [0, 1]', () => {
          for (const seed of SEEDS)
            for (const [metric, kpi] of Object.entries(DEMO_KPIS)) {
              const value = lastValue(since({ metric }, ago, seed));
              expect(value, `${metric} seed ${seed}`).to.be.within(kpi.base * 0.5, kpi.base * 1.5);
              if (kpi.unit === '%') expect(value, metric).to.be.within(0, 1);
            }
          for (const metric of ['csat', 'win_rate'])
            for (const row of since({ metric, dimensions: ['agent'] }, ago).rows) expect(num(row.value), `${metric} per agent`).to.be.within(0, 1);
        });

        it('forecast: closed at most 1.5 × quota, every category near its share, none negative', () => {
          for (const seed of SEEDS) {
            const rows = since({ metric: 'forecast', dimensions: ['channel'] }, ago, seed).rows;
            for (const r of rows) {
              expect(num(r.value), `${r.channel} ${r.category}`).to.be.within(0, num(r.quota) * 1.5);
              if (r.category === 'closed') expect(num(r.value) / num(r.quota), `${r.channel} closed / quota`).to.be.within(0.2, 0.8);
            }
          }
        });

        it('funnel, campaigns and agents stay near their starting figures', () => {
          const leads = DEMO_KPIS.new_leads!.base;
          expect(num(since({ metric: 'funnel' }, ago).rows[0]!.value)).to.be.within(leads * 0.8, leads * 1.2);
          for (const row of since({ metric: 'campaigns' }, ago).rows) {
            const c = DEMO_CAMPAIGNS.find((x) => x.campaign === row.campaign)!;
            expect(num(row.revenue), c.campaign).to.be.within(c.revenue * 0.5, c.revenue * 1.5);
            expect(num(row.leads), c.campaign).to.be.within(c.leads * 0.5, c.leads * 1.5);
          }
          const perAgent = DEMO_KPIS.tickets_resolved!.base / 12;
          for (const row of since({ metric: 'agents' }, ago).rows) expect(num(row.value)).to.be.within(perAgent * 0.5, perAgent * 2);
        });

        it('records: as many as at the start, about the funnel’s share of won deals, about one case in ten open', () => {
          const start = first({ metric: 'funnel_records' }).rows.length;
          const opportunities = since({ metric: 'funnel_records' }, ago).rows;
          expect(opportunities.length).to.equal(start);
          const won = opportunities.filter((r) => r.stage === 'Won').length / opportunities.length;
          expect(won).to.be.within(0.03, 0.1);
          const cases = since({ metric: 'tickets_resolved_records' }, ago).rows;
          expect(cases.length).to.equal(first({ metric: 'tickets_resolved_records' }).rows.length);
          expect(cases.filter((r) => r.status !== 'Resolved').length / cases.length).to.be.within(0.05, 0.2);
        });
      });
    }

    it('a new query replays at most CATCH_UP steps, however long ago the epoch was', () => {
      // Each step lets up to three leads come in, numbered on from the starting records: the highest
      // number counts the steps the query replayed.
      const start = first({ metric: 'funnel_records' }).rows.length;
      for (const ago of [48 * HOUR, 10 * 365 * 24 * HOUR]) {
        const ids = since({ metric: 'funnel_records' }, ago).rows.map((r) => Number(String(r.id).slice('opp-'.length)));
        const madeLive = Math.max(...ids) - (10_000 + start - 1);
        expect(madeLive, `${ago / HOUR} h`).to.be.above(0).and.at.most(3 * CATCH_UP);
      }
    });

    it('continues across a restart: a query started later shows the frame a query live all along shows', () => {
      const scheduler = virtualTime();
      const now = () => NOW + scheduler.now();
      const source = () => demoSource({ seed: 7, intervalMs: INTERVAL, now, scheduler, epoch: NOW - 6 * HOUR });
      const queries: MetricQuery[] = [
        { metric: 'revenue' },
        { metric: 'csat' },
        { metric: 'open_cases' },
        { metric: 'funnel' },
        { metric: 'campaigns' },
        { metric: 'agents' },
        { metric: 'forecast', dimensions: ['channel'] },
      ];
      const later = 300 * INTERVAL;
      const live = queries.map(() => new Map<number, MetricFrame>());
      const restarted: MetricFrame[] = [];
      // The server that was up all along, and the one restarted `later` ms on (a fresh source).
      const subscriptions = queries.map((q, i) => source().query(q).subscribe((f) => live[i]!.set(f.asOf, f)));
      scheduler.schedule(() => queries.forEach((q, i) => source().query(q).pipe(take(1)).subscribe((f) => (restarted[i] = f))), later);
      scheduler.schedule(() => subscriptions.forEach((s) => s.unsubscribe()), later + INTERVAL);
      scheduler.flush();
      queries.forEach((q, i) => {
        const after = restarted[i]!;
        const before = live[i]!.get(after.asOf)!;
        expect(before, `${q.metric}: a live frame at the same time`).to.exist;
        expect(after.rows.length).to.equal(before.rows.length);
        after.rows.forEach((row, r) => {
          for (const [field, value] of Object.entries(row)) {
            const was = before.rows[r]![field];
            if (typeof value === 'number') expect(Math.abs(value - num(was)), `${q.metric} ${field}`).to.be.at.most(Math.max(1e-3, Math.abs(num(was)) * 1e-6));
            else expect(value, `${q.metric} ${field}`).to.equal(was);
          }
        });
        // And the live query did move meanwhile: the match is not a frozen frame.
        expect(live[i]!.get(NOW)!.rows, q.metric).not.to.deep.equal(before.rows);
      });
    });

    it('a query live for 5,000 ticks stays plausible on every frame', () => {
      const values = frames({ metric: 'revenue' }, 5000).map(lastValue);
      expect(values).to.have.length(5000);
      const base = DEMO_KPIS.revenue!.base;
      for (const v of values) expect(v).to.be.within(base * 0.9, base * 1.2);
      const closed = frames({ metric: 'forecast', dimensions: ['channel'] }, 5000).map((f) => f.rows.find((r) => r.category === 'closed')!);
      for (const r of closed) expect(num(r.value)).to.be.at.most(num(r.quota) * 0.8);
    });
  });

  it('an unknown metric answers empty rows', () => {
    expect(frames({ metric: 'churn' }, 2).map((f) => f.rows)).to.deep.equal([[], []]);
  });

  it('intervalMs 0 emits one frame, then completes', () => {
    const scheduler = new TestScheduler(() => {});
    const seen: MetricFrame[] = [];
    let completed = false;
    demoSource({ intervalMs: 0, now: () => NOW, scheduler })
      .query({ metric: 'revenue' })
      .subscribe({ next: (f) => seen.push(f), complete: () => (completed = true) });
    scheduler.flush();
    expect(seen).to.have.length(1);
    expect(completed).to.equal(true);
  });

  it('unsubscribing stops the timer', async () => {
    let ticks = 0;
    const now = () => (ticks++, NOW);
    const subscription = demoSource({ intervalMs: 5, now }).query({ metric: 'funnel' }).subscribe();
    await waitUntil(() => ticks >= 2);
    subscription.unsubscribe();
    const seen = ticks;
    await aTimeout(50);
    expect(ticks).to.equal(seen);
  });

  it('the first frame comes on the scheduler, not inside subscribe', () => {
    const scheduler = new TestScheduler(() => {});
    const seen: MetricFrame[] = [];
    demoSource({ intervalMs: 10, now: () => NOW, scheduler }).query({ metric: 'revenue' }).pipe(take(1)).subscribe((f) => seen.push(f));
    expect(seen).to.have.length(0);
    scheduler.flush();
    expect(seen).to.have.length(1);
  });

  it('a clock that throws errors the query and stops ticking', () => {
    const scheduler = new TestScheduler(() => {});
    let errors = 0;
    let calls = 0;
    const now = () => {
      if (++calls === 2) throw new Error('clock');
      return NOW;
    };
    const seen: MetricFrame[] = [];
    demoSource({ intervalMs: 10, now, scheduler }).query({ metric: 'funnel' }).subscribe({ next: (f) => seen.push(f), error: () => errors++ });
    scheduler.flush();
    expect(seen).to.have.length(1);
    expect(errors).to.equal(1);
  });
});
