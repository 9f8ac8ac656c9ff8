import { scaleLinear } from './linear-scale.js';
import type { Box } from './label-layout.js';
import { type PlotMargins, plotBox } from './plot-box.js';

export interface ScatterPoint {
  cost: number | null;
  revenue: number | null;
  leads: number | null;
}

/** Margins: left the revenue axis labels, below the cost axis labels. */
export interface RoiScatterOptions extends PlotMargins {
  /** About how many ticks fit on each axis. */
  xTicks?: number;
  yTicks?: number;
}

export interface Bubble {
  cx: number;
  cy: number;
  r: number;
}

export interface RoiScatterLayout {
  /** Per campaign, in the given order; null where cost or revenue is missing (nothing to place). */
  bubbles: Array<Bubble | null>;
  plot: Box;
  xTicks: Array<{ value: number; x: number }>;
  yTicks: Array<{ value: number; y: number }>;
  /** The line revenue = cost: above it a campaign paid back, below it lost money. Null if it misses the plot. */
  breakEven: { x1: number; y1: number; x2: number; y2: number } | null;
}

const MIN_RADIUS = 4;

/**
 * Cost (x) against revenue (y), one bubble per campaign with its area proportional to its leads
 * (a bubble never shrinks below a few pixels, so it stays visible and focusable). Both axes start
 * at 0 unless a value is negative; the ranges are inset by the largest radius so no bubble is cut.
 */
export function roiScatterLayout(points: readonly ScatterPoint[], o: RoiScatterOptions): RoiScatterLayout {
  const plot = plotBox(o);
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const placed = points.map((p) => finite(p.cost) && finite(p.revenue));
  const costs = points.filter((_, i) => placed[i]).map((p) => p.cost as number);
  const revenues = points.filter((_, i) => placed[i]).map((p) => p.revenue as number);
  const maxLeads = Math.max(0, ...points.map((p) => (finite(p.leads) && p.leads > 0 ? p.leads : 0)));
  const maxRadius = Math.max(MIN_RADIUS, Math.min(24, Math.min(plot.width, plot.height) / 10));
  const inset = Math.min(maxRadius, plot.width / 4, plot.height / 4);

  const x = scaleLinear().domain(extent(costs)).range([plot.x + inset, plot.x + plot.width - inset]).nice(o.xTicks ?? 5);
  const y = scaleLinear().domain(extent(revenues)).range([plot.y + plot.height - inset, plot.y + inset]).nice(o.yTicks ?? 5);
  const bubbles = points.map((p, i): Bubble | null => {
    if (!placed[i]) return null;
    const share = maxLeads > 0 && finite(p.leads) && p.leads > 0 ? Math.sqrt(p.leads / maxLeads) : 0;
    return { cx: x(p.cost as number), cy: y(p.revenue as number), r: Math.max(MIN_RADIUS, maxRadius * share) };
  });

  const [xlo, xhi] = x.domain() as [number, number];
  const [ylo, yhi] = y.domain() as [number, number];
  const from = Math.max(xlo, ylo);
  const to = Math.min(xhi, yhi);
  const breakEven = to > from ? { x1: x(from), y1: y(from), x2: x(to), y2: y(to) } : null;
  return {
    bubbles,
    plot,
    xTicks: x.ticks(o.xTicks ?? 5).map((value) => ({ value, x: x(value) })),
    yTicks: y.ticks(o.yTicks ?? 5).map((value) => ({ value, y: y(value) })),
    breakEven,
  };
}

/** From 0 (or the lowest value, if negative) to the highest; a span of nothing becomes 0 … 1. */
function extent(values: readonly number[]): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}
