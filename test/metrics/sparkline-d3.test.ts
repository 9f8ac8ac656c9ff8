import { expect } from '@open-wc/testing';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { seededRandom } from '../../src/data/seeded-random.js';
import { type SeriesPoint, sparklineGeometry } from '../../src/metrics/sparkline.js';

/**
 * The sparkline builds its paths in place to keep d3-shape and d3-scale's interpolators out of the
 * bundle; it must draw exactly what d3-shape's linear line and area draw through d3's linear scales.
 */
function d3Paths(series: SeriesPoint[], width: number, height: number) {
  const values = series.map((p) => p.value);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  const x = scaleLinear().domain([Math.min(...series.map((p) => p.time)), Math.max(...series.map((p) => p.time))]).range([0, width]);
  const y = scaleLinear().domain([lo - pad, hi + pad]).range([height, 0]);
  return {
    line: line<SeriesPoint>((p) => x(p.time), (p) => y(p.value))(series),
    area: area<SeriesPoint>((p) => x(p.time), height, (p) => y(p.value))(series),
  };
}

describe('sparklineGeometry', () => {
  it('draws exactly the paths of d3-shape line() and area() for 200 random series', () => {
    const random = seededRandom(2026);
    for (let n = 0; n < 200; n++) {
      const length = 2 + Math.floor(random() * 40);
      const scale = 10 ** Math.floor(random() * 9 - 3);
      const flat = random() < 0.1;
      const series = Array.from({ length }, (_, i) => ({ time: 1_700_000_000_000 + i * 86_400_000, value: flat ? 5 : (random() - 0.3) * scale }));
      const ours = sparklineGeometry(series, 100, 32)!;
      const theirs = d3Paths(series, 100, 32);
      expect(ours.line, `series #${n}`).to.equal(theirs.line);
      expect(ours.area, `series #${n}`).to.equal(theirs.area);
    }
  });
});
