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
 *
 * The paths are the same strings d3-shape's `line()`/`area()` with the linear curve draw, built
 * here instead: d3-shape and d3-scale ship as single pre-bundled files that bundlers cannot
 * tree-shake, and a polyline through a linear map cost ~15 KB gzipped through them.
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
  const x = linearMap(Math.min(...times), Math.max(...times), 0, width);
  const y = linearMap(lo - pad, hi + pad, height, 0);
  const top = series.map((p): Vertex => [x(p.time), y(p.value)]);
  const bottom = top.map(([px]): Vertex => [px, height]).reverse();
  const [endX, endY] = top[top.length - 1]!;
  return { line: polyline(top), area: `${polyline([...top, ...bottom])}Z`, end: { x: endX, y: endY } };
}

type Vertex = readonly [x: number, y: number];

/**
 * d3's linear scale for a two-number domain and range: an empty domain maps to the middle of the
 * range, as d3-scale does.
 */
function linearMap(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => {
    const t = span ? (v - d0) / span : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
}

/** "M x,y L x,y …" with coordinates rounded to 3 decimals, as d3-path writes them. */
function polyline(vertices: readonly Vertex[]): string {
  return vertices.map(([x, y], i) => `${i ? 'L' : 'M'}${round3(x)},${round3(y)}`).join('');
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
