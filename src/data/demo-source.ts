import { demoFilterShare } from './demo-filters.js';
import { Observable, type SchedulerLike } from 'rxjs';
import { type Cancel, scheduleOn } from './producer.js';
import { DEMO_AGENTS, DEMO_CAMPAIGNS, DEMO_KPIS, DEMO_RANGES, DEMO_STAGES, type DemoKpi } from './demo-catalog.js';
import { demoCatalog } from './demo-catalog-entries.js';
import { demoForecast } from './demo-forecast.js';
import { type Filter, matches, recordsSimulation } from './demo-records.js';
import { queryKey } from './query-key.js';
import { hashString, seededRandom } from './seeded-random.js';
import type { CatalogEntry, FrameValue, MetricFrame, MetricQuery, MetricSource } from './types.js';

export interface DemoSourceOptions {
  /** Same seed, same numbers: frame n of a query is identical on every run. Default 1. */
  seed?: number;
  /** A new frame this often (ms). Default 2000; 0 emits one frame only. */
  intervalMs?: number;
  /** The clock that stamps `asOf` and the series times. */
  now?: () => number;
  /** Runs the timers, e.g. a TestScheduler in marble tests (pass it even inside `run`). Default: setTimeout. */
  scheduler?: SchedulerLike;
  /**
   * Epoch ms the simulated CRM started: a query starts as if it had been live since then (one
   * step per `intervalMs`), so its numbers derive from the time and a restarted server continues
   * where it was. Every simulation reverts to its seed values, so the numbers stay plausible for
   * any uptime, and a new query replays only the last steps (at most `CATCH_UP`). Default: none
   * (every query starts at its seed values).
   */
  epoch?: number;
}

/**
 * How many steps a new query replays to catch up with the epoch. The KPI, funnel, campaign, agent
 * and forecast walks forget their start (each reverts to its seed values by at least 2 % a step;
 * 0.98^1000 ≈ 2e-9), so the last 1,000 steps give the numbers a query live since the epoch shows,
 * at a bounded cost. Records keep their count and their shares of stages, but which records churned
 * before the window differs: a records list is alike after a restart, not the same.
 */
export const CATCH_UP = 1000;

type Row = Record<string, FrameValue>;
/**
 * One live query's simulated state: `step` moves it one tick on with that step's own draws (so a
 * query that replays the last steps sees the same moves as one that was live through them),
 * `rows` reads it.
 */
interface Simulation {
  step(random: () => number): void;
  rows(): Row[];
  fields?: MetricFrame['fields'];
}

/**
 * A simulated live CRM: the embedded default for demos, stories and tests. It answers the KPIs
 * (`revenue`, `pipeline_value`, `win_rate`, `new_leads`, `open_cases`, `csat`, `avg_handle_time`,
 * `tickets_resolved`, `products_per_customer`, `avg_profit_per_customer`) with a previous-period
 * value, a target and a time series; `funnel` with pipeline stages; `campaigns` with cost, revenue,
 * leads, opportunities and won deals; `forecast` with forecast categories and quota per channel
 * (see `demoForecast`); and `agents` (or any KPI with `dimensions: ['agent']`) with
 * one row per agent. Filters: `channel` (`direct` | `partner`), `team`; any other (`region`, a
 * cross-filtered `stage`…) takes a stable part of the numbers (see `demoFilterShare`). Unknown metrics answer an
 * empty frame. `catalog()` lists all of these, and the record lists behind them (see `demoCatalog`).
 *
 * @example
 * registerSource('crm', demoSource({ seed: 7, intervalMs: 1500 }));
 */
export function demoSource(options: DemoSourceOptions = {}): MetricSource {
  const { seed = 1, intervalMs = 2000, now = Date.now } = options;
  const schedule = scheduleOn(options.scheduler);
  return {
    query(q: MetricQuery): Observable<MetricFrame> {
      return new Observable<MetricFrame>((subscriber) => {
        // Every forecast query reads one simulated forecast, so the bars, the trend and a filtered
        // channel agree; other metrics draw per query.
        const drawn = q.metric === 'forecast' ? { metric: q.metric, range: q.range } : q;
        const key = hashString(queryKey(drawn), seed);
        const sim = simulate(q, seededRandom(key), now);
        // Step n draws from its own seed, whenever a query runs it.
        let index = 0;
        const step = () => sim.step(seededRandom(hashString(String(index++), key)));
        let ticks = 0;
        // Catch up with the time since the epoch: the numbers a query shows depend on when, not on
        // since when. The walks revert to their seed values, so the last CATCH_UP steps are enough.
        if (options.epoch !== undefined && intervalMs > 0) {
          const behind = Math.max(0, Math.floor((now() - options.epoch) / intervalMs));
          if (Number.isFinite(behind)) {
            index = Math.max(0, behind - CATCH_UP);
            while (index < behind) step();
          }
        }
        let cancel: Cancel;
        // The first frame comes on the scheduler too, as from rxjs's timer(0, intervalMs).
        const tick = () => {
          try {
            if (ticks++ > 0) step();
            const frame: MetricFrame = { rows: sim.rows(), asOf: now() };
            subscriber.next(sim.fields ? { ...frame, fields: sim.fields } : frame);
          } catch (error) {
            subscriber.error(error);
          }
          // Without an interval there is one frame; a subscriber may also have left inside next().
          if (!(intervalMs > 0)) subscriber.complete();
          else if (!subscriber.closed) cancel = schedule(tick, intervalMs);
        };
        cancel = schedule(tick, 0);
        return () => cancel();
      });
    },
    catalog: (): Promise<readonly CatalogEntry[]> => Promise.resolve(demoCatalog()),
  };
}


function simulate(q: MetricQuery, random: () => number, now: () => number): Simulation {
  // `funnel_records`, `agents_records`, …: the rows behind a number (see demo-records.ts).
  if (q.metric.endsWith('_records')) return recordsSimulation(q, now);
  const range = DEMO_RANGES[q.range ?? 'this_quarter'] ?? DEMO_RANGES.this_quarter!;
  const channel = q.filters?.channel;
  // Other filters (a region, a cross-filtered stage or campaign) take their part of every number.
  const channelShare = ((matches(channel, 'direct') ? 0.68 : 0) + (matches(channel, 'partner') ? 0.32 : 0)) * demoFilterShare(q.filters);
  if (q.metric === 'funnel') return funnel(random, range.share * channelShare);
  if (q.metric === 'campaigns') return campaigns(random, channel, demoFilterShare(q.filters));
  if (q.metric === 'forecast') return demoForecast(q, random, range, now, (c) => matches(channel, c));
  const kpi = DEMO_KPIS[q.metric === 'agents' ? 'tickets_resolved' : q.metric];
  if (!kpi) return { step() {}, rows: () => [] };
  if (q.metric === 'agents' || q.dimensions?.includes('agent')) return agents(kpi, random, range.share * demoFilterShare(q.filters), q.filters?.team);
  return series(kpi, random, range, channelShare, q.compare, now);
}

/** A KPI: a time series whose last row carries the previous-period value and the target. */
function series(kpi: DemoKpi, random: () => number, range: (typeof DEMO_RANGES)[string], share: number, compare: MetricQuery['compare'], now: () => number): Simulation {
  const scale = kpi.kind === 'sum' ? range.share * share : 1;
  const current = kpi.base * scale * (0.97 + random() * 0.06);
  const values: number[] = [];
  if (kpi.kind === 'sum') {
    // Cumulative: random increments, scaled so the last point is today's total.
    const steps = Array.from({ length: range.points }, () => 0.4 + random());
    const total = steps.reduce((a, b) => a + b, 0);
    let running = 0;
    for (const s of steps) values.push((running += (s / total) * current));
  } else {
    // A random walk that ends at the current value, drawn backwards from it.
    let v = current;
    values.push(current);
    for (let i = 1; i < range.points; i++) values.unshift((v *= 1 + kpi.volatility * 2 * (random() * 2 - 1)));
  }
  const previous = current * (compare === 'previous_year' ? kpi.previous * 0.9 : kpi.previous);
  const target = current * kpi.target;
  // A share (CSAT, win rate) stays within 0–100 %.
  const round = (v: number) => Number((kpi.unit === '%' ? Math.min(Math.max(v, 0), 1) : v).toFixed(kpi.decimals));
  // The live part of the last point, relative to `current`: a sum gains (deals close) while
  // corrections and late entries pull it back, settling about 10 volatilities above `current`
  // (revenue +4 %); a level wanders about `current` with a spread of about 3 volatilities.
  let drift = 0;
  return {
    fields: [
      { name: 'time', type: 'time' },
      { name: 'value', type: 'number', label: kpi.label, ...(kpi.unit ? { unit: kpi.unit } : {}) },
      { name: 'previous', type: 'number', ...(kpi.unit ? { unit: kpi.unit } : {}) },
      { name: 'target', type: 'number', ...(kpi.unit ? { unit: kpi.unit } : {}) },
    ],
    step(random) {
      drift = kpi.kind === 'sum' ? drift * 0.95 + kpi.volatility * random() : drift * 0.98 + kpi.volatility * (random() * 2 - 1);
      values[values.length - 1] = current * Math.max(0.05, 1 + drift);
    },
    rows() {
      const end = now();
      return values.map((v, i) => {
        const row: Row = { time: end - (values.length - 1 - i) * range.stepMs, value: round(v) };
        if (i === values.length - 1) Object.assign(row, { previous: round(previous), target: round(target) });
        return row;
      });
    },
  };
}

function funnel(random: () => number, share: number): Simulation {
  const base = DEMO_KPIS.new_leads!.base * share;
  let leads = base;
  const noise = DEMO_STAGES.map(() => 0.96 + random() * 0.08);
  return {
    step(random) {
      // New leads come in, old ones age out of the range: about 4 % above the start, never off.
      leads = base + (leads - base) * 0.95 + base * 0.004 * random();
      const i = 1 + Math.floor(random() * (noise.length - 1));
      noise[i] = Math.min(1.08, Math.max(0.92, noise[i]! + (random() - 0.45) * 0.02));
    },
    rows: () => DEMO_STAGES.map(([stage, s], i) => ({ stage, value: Math.round(leads * s * (i ? noise[i]! : 1)) })),
  };
}

function campaigns(random: () => number, channel: Filter, share: number): Simulation {
  const live = DEMO_CAMPAIGNS.filter((c) => matches(channel, c.channel)).map((c) => ({
    ...c,
    cost: Math.round(c.cost * share),
    revenue: c.revenue * share * (0.9 + random() * 0.2),
    leads: Math.round(c.leads * share * (0.9 + random() * 0.2)),
    // What came in live on top, fading as it ages out of the range (a few leads, a few k€).
    moreLeads: 0,
    moreRevenue: 0,
  }));
  return {
    fields: [
      { name: 'campaign', type: 'string' },
      { name: 'cost', type: 'number', unit: 'EUR' },
      { name: 'revenue', type: 'number', unit: 'EUR' },
    ],
    step(random) {
      for (const c of live) {
        c.moreLeads *= 0.98;
        c.moreRevenue *= 0.98;
      }
      if (live.length === 0) return;
      const c = live[Math.floor(random() * live.length)]!;
      c.moreLeads += random() < 0.6 ? 1 : 0;
      c.moreRevenue += random() < 0.3 ? 500 + random() * 4_000 : 0;
    },
    rows: () =>
      live.map((c) => {
        const leads = c.leads + Math.round(c.moreLeads);
        const opportunities = Math.round(leads * 0.31);
        return { campaign: c.campaign, channel: c.channel, cost: c.cost, revenue: Math.round(c.revenue + c.moreRevenue), leads, opportunities, won: Math.round(opportunities * 0.27) };
      }),
  };
}

function agents(kpi: DemoKpi, random: () => number, share: number, team: Filter): Simulation {
  const perAgent = kpi.kind === 'sum' ? (kpi.base * share) / DEMO_AGENTS.length : kpi.base;
  // Lower is better for handle time and open cases: better agents have less of it.
  const lowerIsBetter = kpi.target < 1;
  // Sums spread with skill; levels (a rate, a score) only a little around the team's.
  const spread = (skill: number) => (kpi.kind === 'sum' ? skill : 1 + (skill - 1) * 0.3);
  const live = DEMO_AGENTS.filter((a) => matches(team, a.team)).map((a) => ({
    ...a,
    value: perAgent * (lowerIsBetter ? 1 / spread(a.skill) : spread(a.skill)) * (0.97 + random() * 0.06),
    // The live part: a sum gains and ages out (settling about 6 % above for the team's tickets), a level wanders about its start.
    drift: 0,
  }));
  // A share (CSAT, win rate) never passes 100 %.
  const round = (v: number) => Number((kpi.unit === '%' ? Math.min(v, 1) : v).toFixed(kpi.decimals));
  return {
    fields: [
      { name: 'name', type: 'string' },
      { name: 'value', type: 'number', label: kpi.label, ...(kpi.unit ? { unit: kpi.unit } : {}) },
    ],
    step(random) {
      for (const a of live) {
        if (kpi.kind === 'sum') a.drift = a.drift * 0.95 + (random() < 0.25 * a.skill ? Math.max(1, perAgent * kpi.volatility * 4) : 0);
        else a.drift = a.drift * 0.98 + kpi.volatility * (random() * 2 - 1);
      }
    },
    rows: () =>
      live.map((a) => ({ id: a.id, name: a.name, team: a.team, avatar: '', value: round(kpi.kind === 'sum' ? a.value + a.drift : a.value * Math.max(0.05, 1 + a.drift)) })),
  };
}
