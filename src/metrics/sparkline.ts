import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';

export interface SeriesPoint {
  time: number;
  value: number;
}

export interface SparklineGeometry {
  line: string;
  area: string;
  /** The last point, where the current value is marked. */
  end: { x: number; y: number };
}

/**
 * Sparkline paths for a series in a `width × height` box: time runs left to right, the value range
 * fills the height with a little headroom (a flat series sits in the middle). Null with fewer than
 * two points: one point is not a trend.
 */
export function sparklineGeometry(series: readonly SeriesPoint[], width: number, height: number): SparklineGeometry | null {
  if (series.length < 2) return null;
  const times = series.map((p) => p.time);
  const values = series.map((p) => p.value);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  const x = scaleLinear().domain([Math.min(...times), Math.max(...times)]).range([0, width]);
  const y = scaleLinear().domain([lo - pad, hi + pad]).range([height, 0]);
  const px = (p: SeriesPoint) => x(p.time);
  const py = (p: SeriesPoint) => y(p.value);
  const last = series[series.length - 1]!;
  return {
    line: line<SeriesPoint>(px, py)(series as SeriesPoint[]) ?? '',
    area: area<SeriesPoint>(px, height, py)(series as SeriesPoint[]) ?? '',
    end: { x: px(last), y: py(last) },
  };
}
