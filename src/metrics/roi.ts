import type { FrameValue } from '../data/types.js';

/**
 * Return on investment, (revenue − cost) ÷ cost: 0.5 is +50 %, −1 is every cent lost. Null when it
 * has no meaning — no cost (a free campaign has no ROI, not an infinite one), a negative cost, or a
 * missing number — so a widget writes "n/a" instead of Infinity or NaN.
 */
export function roi(cost: number | null, revenue: number | null): number | null {
  if (cost === null || revenue === null || !Number.isFinite(cost) || !Number.isFinite(revenue) || cost <= 0) return null;
  return (revenue - cost) / cost;
}

/** One campaign's figures as a widget shows them; counts are null where the source sent none usable. */
export interface CampaignFigures {
  /** Unique within a frame (a repeated name gets `#2`, `#3`): keys marks, focus and animation. */
  key: string;
  campaign: string;
  cost: number | null;
  revenue: number | null;
  leads: number | null;
  opportunities: number | null;
  won: number | null;
  roi: number | null;
  /** The row as the source sent it (for an "others" roll-up: the summed figures). */
  row: Readonly<Record<string, FrameValue>>;
  /** How many campaigns an "others" roll-up holds; 0 for a real campaign. */
  others: number;
}

export type CampaignSort = 'roi' | 'revenue' | 'cost' | 'name';

const byNumberDesc = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a);

/**
 * Campaigns in the order a reader ranks them: highest ROI, revenue or cost first (campaigns without
 * the number last), or by name. Ties keep the source's order.
 */
export function sortCampaigns(list: readonly CampaignFigures[], by: CampaignSort, locale?: string): CampaignFigures[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const compare =
    by === 'name'
      ? (a: CampaignFigures, b: CampaignFigures) => collator.compare(a.campaign, b.campaign)
      : (a: CampaignFigures, b: CampaignFigures) => byNumberDesc(a[by], b[by]);
  return [...list].sort(compare);
}

/** A sum that stays null only when every part is null: one missing count does not erase the others. */
function sum(values: ReadonlyArray<number | null>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

/**
 * The ROI of a group of campaigns: of their summed cost and revenue, counting only campaigns whose
 * cost and revenue are both known — revenue without a known cost would inflate it. Null when no
 * campaign counts or their cost adds up to 0.
 */
export function totalRoi(list: readonly CampaignFigures[]): number | null {
  const priced = list.filter((c) => c.cost !== null && c.revenue !== null);
  return roi(sum(priced.map((c) => c.cost)), sum(priced.map((c) => c.revenue)));
}

/**
 * The first `limit` campaigns, and the rest rolled up into one "others" entry: cost, revenue and
 * counts summed, ROI of the sums (`totalRoi`; not an average of ROIs, which would weigh a €10 test
 * like a €100k campaign). A limit of 0, or one that keeps every campaign, returns the list unchanged.
 */
export function rollUpOthers(list: readonly CampaignFigures[], limit: number, label: string): CampaignFigures[] {
  if (!(limit > 0) || list.length <= limit) return [...list];
  const kept = list.slice(0, limit);
  const rest = list.slice(limit);
  const total = (field: 'cost' | 'revenue' | 'leads' | 'opportunities' | 'won') => sum(rest.map((c) => c[field]));
  const figures = { campaign: label, cost: total('cost'), revenue: total('revenue'), leads: total('leads'), opportunities: total('opportunities'), won: total('won'), others: rest.length };
  return [...kept, { key: '\u0000others', ...figures, roi: totalRoi(rest), row: figures }];
}
