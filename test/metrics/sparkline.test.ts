import { expect } from '@open-wc/testing';
import { type SeriesPoint, sparklineGeometry } from '../../src/metrics/sparkline.js';

/** The [x, y] vertices of a d3 linear path ("M0,1L2,3…"). */
const points = (path: string) => [...path.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
const series = (...values: number[]): SeriesPoint[] => values.map((value, i) => ({ time: 1_700_000_000_000 + i * 3_600_000, value }));

describe('sparklineGeometry', () => {
  it('is null with fewer than two points', () => {
    expect(sparklineGeometry([], 100, 40)).to.equal(null);
    expect(sparklineGeometry(series(5), 100, 40)).to.equal(null);
  });

  it('time runs from x 0 at the first point to x = width at the last, proportionally', () => {
    const g = sparklineGeometry([{ time: 0, value: 1 }, { time: 25, value: 2 }, { time: 100, value: 3 }], 200, 40)!;
    expect(points(g.line).map(([x]) => x)).to.deep.equal([0, 50, 200]);
    expect(g.end.x).to.equal(200);
  });

  it('a higher value is drawn higher (a smaller y), all inside the box with headroom', () => {
    const g = sparklineGeometry(series(10, 30, 20), 100, 40)!;
    const ys = points(g.line).map(([, y]) => y);
    expect(ys[1]).to.be.below(ys[2]!);
    expect(ys[2]).to.be.below(ys[0]!);
    for (const y of ys) expect(y).to.be.above(0).and.below(40);
  });

  it('the value range fills the height with 8 % headroom at top and bottom', () => {
    const ys = points(sparklineGeometry(series(0, 100), 100, 116)!.line).map(([, y]) => y);
    // domain −8 … 108 onto 116 px: 0 → 108 px, 100 → 8 px
    expect(ys[0]).to.be.closeTo(108, 1e-9);
    expect(ys[1]).to.be.closeTo(8, 1e-9);
  });

  it('a flat series sits in the middle', () => {
    const g = sparklineGeometry(series(7, 7, 7), 100, 40)!;
    for (const [, y] of points(g.line)) expect(y).to.be.closeTo(20, 1e-9);
    expect(g.end).to.deep.equal({ x: 100, y: 20 });
  });

  it('end is the last point', () => {
    const g = sparklineGeometry(series(10, 30, 20), 100, 40)!;
    const last = points(g.line).at(-1)!;
    expect([g.end.x, g.end.y]).to.deep.equal([...last]);
  });

  it('line and area are SVG paths; the area closes along the bottom edge', () => {
    const g = sparklineGeometry(series(1, 3, 2), 90, 30)!;
    expect(g.line).to.match(/^M0,[\d.]+L45,[\d.]+L90,[\d.]+$/);
    expect(g.area).to.match(/^M0,[\d.]+L45,[\d.]+L90,[\d.]+L90,30L45,30L0,30Z$/);
  });
});
