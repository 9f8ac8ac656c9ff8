import { expect } from '@open-wc/testing';
import { scaleLinear as d3ScaleLinear } from 'd3-scale';
import { seededRandom } from '../../src/data/seeded-random.js';
import { scaleLinear } from '../../src/metrics/linear-scale.js';
import { ticks } from '../../src/metrics/ticks.js';

/** Domains and ranges of every shape: ascending, descending, empty, negative, tiny, huge. */
function cases(n: number): Array<{ domain: [number, number]; range: [number, number] }> {
  const random = seededRandom(7);
  const magnitude = () => 10 ** Math.floor(random() * 12 - 4);
  const value = () => (random() - 0.3) * magnitude();
  const fixed: Array<{ domain: [number, number]; range: [number, number] }> = [
    { domain: [0, 1], range: [0, 1] },
    { domain: [5, 5], range: [0, 100] },
    { domain: [10, 0], range: [0, 200] },
    { domain: [-0.36, 0.2], range: [40, 300] },
    { domain: [0, 1234567], range: [116, 0] },
    { domain: [1e-7, 3e-7], range: [0, 50] },
  ];
  return fixed.concat(Array.from({ length: n }, () => ({ domain: [value(), value()], range: [value(), value()] })));
}

describe('scaleLinear (d3-scale subset)', () => {
  it('maps every value exactly as d3-scale does, ascending or descending, clamped or not', () => {
    const random = seededRandom(11);
    for (const { domain, range } of cases(300)) {
      for (const clamp of [false, true]) {
        const ours = scaleLinear().domain(domain).range(range).clamp(clamp);
        const theirs = d3ScaleLinear().domain(domain).range(range).clamp(clamp);
        const span = domain[1] - domain[0];
        for (const v of [domain[0], domain[1], 0, domain[0] - span, domain[1] + span, domain[0] + random() * span]) {
          expect(ours(v), `${domain} → ${range} at ${v}`).to.equal(theirs(v));
        }
      }
    }
  });

  it('nice(count) widens the domain to the same round values as d3-scale', () => {
    for (const { domain } of cases(300)) {
      for (const count of [undefined, 2, 5, 10, 12]) {
        expect(scaleLinear().domain(domain).nice(count).domain(), `${domain} nice(${count})`).to.deep.equal(d3ScaleLinear().domain(domain).nice(count).domain());
      }
    }
  });

  it('ticks(count) are the same values as d3-scale gives', () => {
    for (const { domain } of cases(300)) {
      for (const count of [undefined, 0, 1, 3, 5, 10]) {
        expect(scaleLinear().domain(domain).ticks(count), `${domain} ticks(${count})`).to.deep.equal(d3ScaleLinear().domain(domain).ticks(count));
      }
    }
  });

  it('an empty domain maps to the middle of the range', () => {
    expect(scaleLinear().domain([3, 3]).range([0, 100])(3)).to.equal(50);
  });

  it('NaN, null and undefined map to undefined, as in d3', () => {
    const x = scaleLinear().domain([0, 10]).range([0, 100]);
    expect(x(NaN)).to.equal(undefined);
    expect(x(null as unknown as number)).to.equal(undefined);
    expect(x(undefined as unknown as number)).to.equal(undefined);
  });

  it('clamp(true) keeps values outside the domain at the range ends', () => {
    const x = scaleLinear().domain([0, 10]).range([0, 100]).clamp(true);
    expect([x(-5), x(5), x(50)]).to.deep.equal([0, 50, 100]);
    expect(x.clamp()).to.equal(true);
  });

  it('domain() and range() return copies', () => {
    const x = scaleLinear().domain([0, 10]).range([0, 100]);
    x.domain()[0] = 99;
    x.range()[1] = 0;
    expect(x(5)).to.equal(50);
  });

  it('ticks(0, 1, 5) is 0, 0.2 … 1; reversed ticks run backwards; no count, no ticks', () => {
    expect(ticks(0, 1, 5)).to.deep.equal([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(1, 0, 5)).to.deep.equal([1, 0.8, 0.6, 0.4, 0.2, 0]);
    expect(ticks(0, 1, 0)).to.deep.equal([]);
    expect(ticks(NaN, 1, 5)).to.deep.equal([]);
  });
});
