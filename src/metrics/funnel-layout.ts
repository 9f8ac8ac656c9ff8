import { bandScale } from './band-scale.js';
import type { Box } from './label-layout.js';

export type FunnelOrientation = 'vertical' | 'horizontal';

export interface FunnelLayoutOptions {
  width: number;
  height: number;
  /** `vertical`: stages run top to bottom as horizontal bars; `horizontal`: left to right as columns. */
  orientation: FunnelOrientation;
  /** Pixels kept free across the flow for labels: columns left/right (vertical), rows above/below (horizontal). */
  before?: number;
  after?: number;
  /** Share of each stage's band left empty between bars, where the connector shows the flow. */
  gap?: number;
}

export interface FunnelLayout {
  /** One bar per stage, its length proportional to the stage's value, centred across the flow. */
  bars: Box[];
  /** Each stage's full slice of the chart: the hit area, and where its labels line up. */
  bands: Box[];
  /** Where bars may extend: a bar for the largest stage fills it. */
  span: Box;
}

/**
 * Funnel geometry from stage values, in pixels. Bar lengths are proportional to the values, measured
 * against the largest stage — not the first — so a stage that grew (a data quirk) is drawn as large
 * as it is. Missing values get a bar of length 0. Bands tile the chart along the flow exactly.
 */
export function funnelLayout(values: ReadonlyArray<number | null>, o: FunnelLayoutOptions): FunnelLayout {
  const vertical = o.orientation === 'vertical';
  const width = Math.max(0, o.width);
  const height = Math.max(0, o.height);
  const flowLength = vertical ? height : width;
  const crossLength = vertical ? width : height;
  const before = Math.max(0, o.before ?? 0);
  const span = Math.max(0, crossLength - before - Math.max(0, o.after ?? 0));
  const gap = o.gap ?? 0.3;
  // paddingOuter = gap / 2 makes every band's step exactly flowLength / n, so hit areas tile the chart.
  const band = bandScale(values.length, [0, flowLength], gap, gap / 2);
  const max = Math.max(0, ...values.map((v) => (v !== null && Number.isFinite(v) ? v : 0)));
  // d3's clamped linear scale from [0, max] onto [0, span], to the same numbers (r0·(1 − t) + r1·t
  // with r0 = 0): written out, the funnel carries no scale and no tick code (0.5 KiB gz).
  const length = (v: number) => span * Math.min(1, Math.max(0, v / (max || 1)));
  const centre = before + span / 2;
  const { step, bandwidth } = band;

  const bars: Box[] = [];
  const bands: Box[] = [];
  values.forEach((v, i) => {
    const along = band.at(i);
    const across = v !== null && Number.isFinite(v) && v > 0 ? length(v) : 0;
    const slice = i * step;
    if (vertical) {
      bars.push({ x: centre - across / 2, y: along, width: across, height: bandwidth });
      bands.push({ x: 0, y: slice, width, height: step });
    } else {
      bars.push({ x: along, y: centre - across / 2, width: bandwidth, height: across });
      bands.push({ x: slice, y: 0, width: step, height });
    }
  });
  const spanBox = vertical ? { x: before, y: 0, width: span, height } : { x: 0, y: before, width, height: span };
  return { bars, bands, span: spanBox };
}

/** The polygon joining one bar's trailing edge to the next bar's leading edge: the flow between stages. */
export function connectorPoints(from: Box, to: Box, orientation: FunnelOrientation): string {
  const p = (x: number, y: number) => `${round(x)},${round(y)}`;
  if (orientation === 'vertical') {
    const y0 = from.y + from.height;
    return [p(from.x, y0), p(from.x + from.width, y0), p(to.x + to.width, to.y), p(to.x, to.y)].join(' ');
  }
  const x0 = from.x + from.width;
  return [p(x0, from.y), p(x0, from.y + from.height), p(to.x, to.y + to.height), p(to.x, to.y)].join(' ');
}

/** The same flow as an SVG path (`M … Z`), whose `d` the browser can transition as the bars move. */
export function connectorPath(from: Box, to: Box, orientation: FunnelOrientation): string {
  return `M${connectorPoints(from, to, orientation).replaceAll(' ', 'L')}Z`;
}

const round = (n: number) => Math.round(n * 100) / 100;
