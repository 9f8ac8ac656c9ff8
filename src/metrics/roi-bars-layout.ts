import { bandScale } from './band-scale.js';
import { scaleLinear } from './linear-scale.js';
import type { Box } from './label-layout.js';
import { type PlotMargins, plotBox } from './plot-box.js';

/**
 * Margins: left of the bars the campaign names, right of them the metric columns, above them the
 * break-even caption, below them the axis.
 */
export interface RoiBarsOptions extends PlotMargins {
  /** About how many axis ticks fit. */
  ticks?: number;
  /** The thickest a bar gets in a tall panel. */
  maxBar?: number;
}

export interface RoiBarsLayout {
  /** One bar per campaign from the break-even line to its ROI: right of it for a gain, left for a loss. */
  bars: Box[];
  /** Each campaign's row across the whole chart: the hit area and its labels' line. */
  bands: Box[];
  /** Where the bars live. */
  plot: Box;
  /** x of ROI 0 %: the break-even line. */
  zeroX: number;
  ticks: Array<{ value: number; x: number }>;
}

/**
 * Horizontal ROI bars, one row per campaign in the given order. The scale always includes 0, so
 * gains and losses share one break-even line; a campaign without an ROI (no cost) gets a bar of
 * length 0 on that line.
 */
export function roiBarsLayout(rois: ReadonlyArray<number | null>, o: RoiBarsOptions): RoiBarsLayout {
  const plot = plotBox(o);
  const known = rois.filter((r): r is number => r !== null && Number.isFinite(r));
  let lo = Math.min(0, ...known);
  let hi = Math.max(0, ...known);
  if (lo === hi) hi = 1;
  // A fine nice step keeps the domain tight (−36 % rounds to −40 %, not −200 %); fewer ticks may be labelled.
  const x = scaleLinear().domain([lo, hi]).range([plot.x, plot.x + plot.width]).nice(Math.max(10, o.ticks ?? 5));
  [lo, hi] = x.domain() as [number, number];
  const inner = 0.3;
  const outer = 0.15;
  const band = bandScale(rois.length, [plot.y, plot.y + plot.height], inner, outer);
  const thickness = Math.min(band.bandwidth, o.maxBar ?? 24);
  const zeroX = x(0);
  const bars = rois.map((r, i): Box => {
    const end = r !== null && Number.isFinite(r) ? x(r) : zeroX;
    const y = band.at(i) + (band.bandwidth - thickness) / 2;
    return { x: Math.min(zeroX, end), y, width: Math.abs(end - zeroX), height: thickness };
  });
  const { step } = band;
  const start = plot.y + outer * step - (inner * step) / 2;
  const bands = rois.map((_, i): Box => ({ x: 0, y: start + i * step, width: o.width, height: step }));
  const ticks = x.ticks(o.ticks ?? 5).map((value) => ({ value, x: x(value) }));
  return { bars, bands, plot, zeroX, ticks };
}
