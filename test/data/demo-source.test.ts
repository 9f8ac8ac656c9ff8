import { expect, waitUntil, aTimeout } from '@open-wc/testing';
import { take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { type DemoSourceOptions, demoSource } from '../../src/data/demo-source.js';
import type { MetricFrame, MetricQuery } from '../../src/data/types.js';

const NOW = Date.UTC(2024, 4, 15, 12, 0, 0);
const HOUR = 3_600_000;
const WEEK = 7 * 86_400_000;

/** The first `n` frames of a query, ticking every 10 virtual ms on a TestScheduler, at a fixed clock. */
function frames(q: MetricQuery, n = 3, options: DemoSourceOptions = {}): MetricFrame[] {
  const scheduler = new TestScheduler(() => {});
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

    it('drifts live: deals move up the categories, so the call (closed + commit) never falls and the sum only grows', () => {
      const seen = frames(q, 12).map((f) => f.rows);
      const call = (rows: MetricFrame['rows']) => amount(rows, 'direct', 'closed') + amount(rows, 'direct', 'commit');
      const sum = (rows: MetricFrame['rows']) => rows.filter((r) => r.channel === 'direct').reduce((s, r) => s + num(r.value), 0);
      for (let i = 1; i < seen.length; i++) {
        expect(call(seen[i]!)).to.be.at.least(call(seen[i - 1]!) - 1);
        expect(sum(seen[i]!)).to.be.at.least(sum(seen[i - 1]!) - 5);
      }
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
