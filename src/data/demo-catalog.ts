/** What the demo CRM knows about each KPI it can answer. */
export interface DemoKpi {
  label: string;
  /** Field unit: an ISO currency code, '%' for ratios, 's' for seconds. */
  unit?: string;
  /** Current value for a quarter (sums scale with the range; levels do not). */
  base: number;
  /** Sums accumulate over the range (revenue); levels hover around a value (win rate). */
  kind: 'sum' | 'level';
  previous: number;
  target: number;
  /** Relative size of a live change per tick. */
  volatility: number;
  decimals: number;
}

export const DEMO_KPIS: Record<string, DemoKpi> = {
  revenue: { label: 'Revenue', unit: 'EUR', base: 1_234_567, kind: 'sum', previous: 0.81, target: 1.2, volatility: 0.004, decimals: 0 },
  pipeline_value: { label: 'Pipeline value', unit: 'EUR', base: 4_860_000, kind: 'sum', previous: 0.92, target: 1.1, volatility: 0.003, decimals: 0 },
  win_rate: { label: 'Win rate', unit: '%', base: 0.318, kind: 'level', previous: 0.94, target: 1.1, volatility: 0.01, decimals: 3 },
  new_leads: { label: 'New leads', base: 1840, kind: 'sum', previous: 1.08, target: 1.15, volatility: 0.004, decimals: 0 },
  open_cases: { label: 'Open cases', base: 126, kind: 'level', previous: 1.12, target: 0.8, volatility: 0.03, decimals: 0 },
  csat: { label: 'CSAT', unit: '%', base: 0.912, kind: 'level', previous: 0.98, target: 1.03, volatility: 0.004, decimals: 3 },
  avg_handle_time: { label: 'Average handle time', unit: 's', base: 372, kind: 'level', previous: 1.06, target: 0.9, volatility: 0.02, decimals: 0 },
  products_per_customer: { label: 'Products per customer', base: 2.41, kind: 'level', previous: 0.97, target: 1.08, volatility: 0.006, decimals: 2 },
  tickets_resolved: { label: 'Tickets resolved', base: 2_900, kind: 'sum', previous: 0.96, target: 1.1, volatility: 0.003, decimals: 0 },
  avg_profit_per_customer: { label: 'Average profit per customer', unit: 'EUR', base: 1_852, kind: 'level', previous: 0.95, target: 1.05, volatility: 0.008, decimals: 0 },
};

/** Pipeline stages, with the share of leads that reach each. */
export const DEMO_STAGES: ReadonlyArray<[stage: string, share: number]> = [
  ['Lead', 1],
  ['Qualified', 0.52],
  ['Proposal', 0.23],
  ['Negotiation', 0.11],
  ['Won', 0.055],
];

/** Campaigns this quarter; the referral programme costs nothing, so its ROI is "n/a". */
export const DEMO_CAMPAIGNS: ReadonlyArray<{ campaign: string; channel: string; cost: number; revenue: number; leads: number }> = [
  { campaign: 'Spring webinar series', channel: 'direct', cost: 18_000, revenue: 61_200, leads: 420 },
  { campaign: 'Trade fair Hannover', channel: 'direct', cost: 64_000, revenue: 102_400, leads: 310 },
  { campaign: 'Search ads Q2', channel: 'direct', cost: 42_000, revenue: 92_400, leads: 690 },
  { campaign: 'Partner co-marketing', channel: 'partner', cost: 25_000, revenue: 72_500, leads: 240 },
  { campaign: 'LinkedIn ABM', channel: 'direct', cost: 37_000, revenue: 25_900, leads: 150 },
  { campaign: 'Customer referral', channel: 'partner', cost: 0, revenue: 38_000, leads: 95 },
  { campaign: 'Newsletter upsell', channel: 'direct', cost: 4_500, revenue: 27_400, leads: 210 },
  { campaign: 'Print mailing', channel: 'direct', cost: 21_000, revenue: 8_400, leads: 60 },
];

/** Agents of the service and sales teams. Avatars are left empty: widgets show initials. */
export const DEMO_AGENTS: ReadonlyArray<{ id: string; name: string; team: string; skill: number }> = [
  { id: 'a01', name: 'Amira Haddad', team: 'Service', skill: 1.18 },
  { id: 'a02', name: 'Jonas Becker', team: 'Service', skill: 1.05 },
  { id: 'a03', name: 'Li Wei', team: 'Sales', skill: 1.22 },
  { id: 'a04', name: 'Sofia Rossi', team: 'Sales', skill: 0.97 },
  { id: 'a05', name: 'Mateo García', team: 'Service', skill: 0.91 },
  { id: 'a06', name: 'Hannah Schmidt', team: 'Sales', skill: 1.1 },
  { id: 'a07', name: 'Kwame Mensah', team: 'Service', skill: 1.0 },
  { id: 'a08', name: 'Elif Yılmaz', team: 'Sales', skill: 0.88 },
  { id: 'a09', name: 'Noah Dubois', team: 'Service', skill: 0.83 },
  { id: 'a10', name: 'Priya Nair', team: 'Sales', skill: 1.14 },
  { id: 'a11', name: 'Lukas Novak', team: 'Service', skill: 0.95 },
  { id: 'a12', name: 'Maja Lindqvist', team: 'Sales', skill: 0.79 },
];

/** How many sparkline points each range has, and how much of a quarter's sums it covers. */
export const DEMO_RANGES: Record<string, { points: number; stepMs: number; share: number }> = {
  today: { points: 12, stepMs: 3_600_000, share: 1 / 90 },
  this_week: { points: 7, stepMs: 86_400_000, share: 7 / 90 },
  this_month: { points: 30, stepMs: 86_400_000, share: 1 / 3 },
  last_30_days: { points: 30, stepMs: 86_400_000, share: 1 / 3 },
  this_quarter: { points: 13, stepMs: 7 * 86_400_000, share: 1 },
  this_year: { points: 12, stepMs: 30 * 86_400_000, share: 4 },
};

/** A range of the demo CRM: its sparkline points, their spacing, and its share of a quarter's sums. */
export type DemoRange = (typeof DEMO_RANGES)[string];

/**
 * The forecast per sales channel this quarter: the quota, and each forecast category's amount as a
 * share of it (each category alone: the call is closed + commit). Direct sales are ahead of the
 * partner channel, which carries more early pipeline.
 */
export const DEMO_FORECAST: ReadonlyArray<{ channel: string; label: string; quota: number; shares: Record<'closed' | 'commit' | 'best_case' | 'pipeline' | 'omitted', number> }> = [
  { channel: 'direct', label: 'Direct', quota: 1_200_000, shares: { closed: 0.48, commit: 0.22, best_case: 0.12, pipeline: 0.35, omitted: 0.06 } },
  { channel: 'partner', label: 'Partner', quota: 500_000, shares: { closed: 0.36, commit: 0.27, best_case: 0.18, pipeline: 0.45, omitted: 0.09 } },
];
