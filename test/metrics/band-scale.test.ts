import { expect } from '@open-wc/testing';
import { scaleBand } from 'd3-scale';
import { seededRandom } from '../../src/data/seeded-random.js';
import { bandScale } from '../../src/metrics/band-scale.js';

describe('bandScale (d3-scale scaleBand subset)', () => {
  it('places every band exactly where d3-scale does: any count, ascending or descending range, any padding', () => {
    const random = seededRandom(5);
    const fixed: Array<[number, [number, number], number, number]> = [
      [5, [0, 300], 0.3, 0.15],
      [1, [0, 100], 0.3, 0.15],
      [0, [0, 100], 0.3, 0.15],
      [4, [240, 20], 0.5, 0.25],
      [7, [0, 0], 0, 0],
      [3, [0, 90], 1.5, 0], // inner padding above 1 is read as 1, as d3 does
    ];
    const drawn = Array.from({ length: 200 }, (): [number, [number, number], number, number] => [
      Math.floor(random() * 12),
      [(random() - 0.3) * 800, (random() - 0.3) * 800],
      random(),
      random(),
    ]);
    for (const [count, range, inner, outer] of [...fixed, ...drawn]) {
      const ours = bandScale(count, range, inner, outer);
      const theirs = scaleBand<number>().domain(Array.from({ length: count }, (_, i) => i)).range(range).paddingInner(inner).paddingOuter(outer);
      const label = `${count} bands over ${range}, padding ${inner}/${outer}`;
      expect(ours.step, label).to.equal(theirs.step());
      expect(ours.bandwidth, label).to.equal(theirs.bandwidth());
      for (let i = 0; i < count; i++) expect(ours.at(i), `${label}: band ${i}`).to.equal(theirs(i));
    }
  });

  it('bandScale(3, [0, 90]) without padding tiles the range: 0, 30, 60, each 30 wide', () => {
    const band = bandScale(3, [0, 90]);
    expect([0, 1, 2].map(band.at)).to.deep.equal([0, 30, 60]);
    expect(band.bandwidth).to.equal(30);
  });
});
