import { seededRandom } from '../src/data/seeded-random.js';
import type { FrameValue, MetricFrame } from '../src/data/types.js';

/** The widget kinds the benchmark can feed, by tag; a tag that is not defined yet is skipped. */
export const KINDS = {
  kpi: 'crm-kpi',
  funnel: 'crm-funnel',
  'campaign-roi': 'crm-campaign-roi',
  leaderboard: 'crm-leaderboard',
} as const;
export type Kind = keyof typeof KINDS;

/** Distinct frames per widget; the feed cycles through them. */
const FRAMES_PER_WIDGET = 64;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 5);

type Row = Record<string, FrameValue>;

/**
 * Each widget's frames, generated up front from a seed so that both dashboards get exactly the same
 * numbers and the feed does no work but hand them out.
 */
export function framesFor(kind: Kind, widget: number): MetricFrame[] {
  const random = seededRandom(1000 + widget * 7919 + kind.length);
  const frames: MetricFrame[] = [];
  const make = ROWS[kind](random);
  for (let k = 0; k < FRAMES_PER_WIDGET; k++) frames.push({ rows: make(k), asOf: T0 + k * 1000 });
  return frames;
}

const ROWS: Record<Kind, (random: () => number) => (k: number) => Row[]> = {
  // A 30-point hourly series that moves one point per frame; the last row carries previous and target.
  kpi(random) {
    const start = 50_000 + random() * 450_000;
    const walk = [start];
    for (let i = 1; i < FRAMES_PER_WIDGET + 30; i++) walk.push(walk[i - 1]! * (1 + (random() - 0.48) * 0.06));
    return (k) => {
      const rows: Row[] = walk.slice(k, k + 30).map((value, i) => ({ time: T0 + (k + i) * HOUR, value: Math.round(value) }));
      const last = rows[29]!;
      rows[29] = { ...last, previous: Math.round(walk[k + 5]!), target: Math.round(start * 1.25) };
      return rows;
    };
  },

  funnel(random) {
    const stages = ['Leads', 'Qualified', 'Proposal', 'Negotiation', 'Won'];
    const base = 2_000 + random() * 8_000;
    return () => {
      let value = base * (0.9 + random() * 0.2);
      return stages.map((stage) => {
        const row = { stage, value: Math.round(value) };
        value *= 0.45 + random() * 0.35;
        return row;
      });
    };
  },

  'campaign-roi'(random) {
    const campaigns = ['Spring webinar', 'Paid search', 'Trade fair', 'Newsletter', 'Partner referrals', 'Retargeting'];
    const costs = campaigns.map(() => 1_000 + random() * 19_000);
    return () =>
      campaigns.map((campaign, i) => {
        const cost = Math.round(costs[i]! * (0.95 + random() * 0.1));
        const leads = Math.round(cost / (20 + random() * 60));
        const opportunities = Math.round(leads * (0.2 + random() * 0.3));
        const won = Math.round(opportunities * (0.2 + random() * 0.4));
        return { campaign, cost, revenue: Math.round(cost * (0.4 + random() * 3.6)), leads, opportunities, won };
      });
  },

  // Ten agents whose totals grow at different speeds, so ranks change now and then.
  leaderboard(random) {
    const names = ['Ada Park', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Eva Novak', 'Farid Haddad', 'Greta Lind', 'Hiro Sato', 'Ines Silva', 'Jon Berg'];
    const totals = names.map(() => 20_000 + random() * 60_000);
    const snapshots = Array.from({ length: FRAMES_PER_WIDGET }, () => {
      for (let i = 0; i < totals.length; i++) totals[i]! += random() < 0.3 ? random() * 4_000 : 0;
      return [...totals];
    });
    return (k) => names.map((name, i) => ({ id: `agent-${i}`, name, value: Math.round(snapshots[k]![i]!), team: i % 2 ? 'East' : 'West' }));
  },
};
