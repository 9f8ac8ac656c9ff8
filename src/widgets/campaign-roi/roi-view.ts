import { NO_VALUE, numberFormat } from '../../format/number-format.js';
import { type CampaignFigures, totalRoi } from '../../metrics/roi.js';
import type { RoiMessages } from './roi-messages.js';

export type MetricColumn = 'leads' | 'opportunities' | 'won';

export interface RoiViewOptions {
  /** ISO 4217 code for cost and revenue; plain numbers without one. */
  currency: string | undefined;
  locale: string;
  messages: RoiMessages;
}

/** Everything one campaign says, as text. */
export interface CampaignText {
  name: string;
  /** Signed: `+240%`, `−30%`, or "n/a" without a cost. */
  roi: string;
  tone: 'gain' | 'loss' | 'none';
  cost: string;
  revenue: string;
  counts: Record<MetricColumn, string>;
  ariaLabel: string;
  tip: string[];
}

export interface RoiView {
  campaigns: CampaignText[];
  /** Total ROI of all campaigns for the header: "ROI +83%". */
  headline: string;
  summary: string;
  /** Money on an axis: compact (`€20K`). */
  axisMoney: (value: number) => string;
  /** An ROI on an axis: `−50%`, `0%`, `+100%`. */
  axisRoi: (value: number) => string;
}

const MINUS = '\u2212';

/** An ROI as a reader wants it: signed, whole percent from 10 % up, one decimal below. */
export function formatRoi(value: number | null, locale: string, notAvailable: string): string {
  if (value === null || !Number.isFinite(value)) return notAvailable;
  const digits = Math.abs(value) < 0.1 ? 1 : 0;
  return numberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: digits }).format(value).replace('-', MINUS);
}

/**
 * The words and numbers of the campaigns in display order; `all` is every campaign (for the
 * total in the header), `shown` the sorted, limited list with its "others" roll-up.
 */
export function roiView(all: readonly CampaignFigures[], shown: readonly CampaignFigures[], label: string, o: RoiViewOptions): RoiView {
  const m = o.messages;
  const currency = o.currency ? { style: 'currency' as const, currency: o.currency } : {};
  const money = (v: number | null, compact = false) => {
    if (v === null || !Number.isFinite(v)) return NO_VALUE;
    if (compact) return numberFormat(o.locale, { ...currency, notation: 'compact', maximumFractionDigits: 1 }).format(v);
    // Whole amounts without cents (€0, not €0.00); amounts with cents keep them.
    const digits = Number.isInteger(v) ? 0 : 2;
    return numberFormat(o.locale, { ...currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  };
  // Counts as plain numbers: whole from 100 up, at most two decimals below (as a KPI writes them).
  const count = (v: number | null) =>
    v === null || !Number.isFinite(v) ? NO_VALUE : numberFormat(o.locale, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 }).format(v);
  const roiText = (v: number | null) => formatRoi(v, o.locale, m.notAvailable);

  const campaigns = shown.map((c): CampaignText => {
    const r = roiText(c.roi);
    const why = c.roi === null && c.cost === 0 ? ` (${m.noCost})` : '';
    const counts = { leads: count(c.leads), opportunities: count(c.opportunities), won: count(c.won) };
    const facts = [`${m.roi} ${r}${why}`, `${m.cost} ${money(c.cost)}`, `${m.revenue} ${money(c.revenue)}`];
    const countFacts = (['leads', 'opportunities', 'won'] as const).filter((k) => c[k] !== null).map((k) => `${m[k]} ${counts[k]}`);
    return {
      name: c.campaign,
      roi: r,
      tone: c.roi === null ? 'none' : c.roi < 0 ? 'loss' : 'gain',
      cost: money(c.cost),
      revenue: money(c.revenue),
      counts,
      ariaLabel: [`${c.campaign}: ${facts[0]}`, ...facts.slice(1), ...countFacts].join(', '),
      tip: [...facts, ...countFacts],
    };
  });

  const total = roiText(totalRoi(all));
  const best = shown.filter((c) => c.roi !== null && c.others === 0).sort((a, b) => b.roi! - a.roi!)[0];
  return {
    campaigns,
    headline: m.totalRoi(total),
    summary: m.roiSummary(label, all.length, total, best ? `${best.campaign} (${roiText(best.roi)})` : null),
    axisMoney: (v) => money(v, true),
    axisRoi: (v) => numberFormat(o.locale, { style: 'percent', maximumFractionDigits: 0 }).format(v).replace('-', MINUS),
  };
}
