import { expect } from '@open-wc/testing';
import { conversionRates, ratio } from '../../src/metrics/conversion.js';

describe('conversionRates', () => {
  it('1000 → 400 → 100: steps 40 % and 25 %, overall 10 % at the last stage, drop-offs 600 and 300', () => {
    const [a, b, c] = conversionRates([1000, 400, 100]);
    expect(a).to.deep.equal({ value: 1000, step: null, overall: 1, dropOff: null, dropOffRate: null, increased: false });
    expect(b!.step).to.equal(0.4);
    expect(b!.overall).to.equal(0.4);
    expect(b!.dropOff).to.equal(600);
    expect(b!.dropOffRate).to.be.closeTo(0.6, 1e-12);
    expect(c!.step).to.equal(0.25);
    expect(c!.overall).to.equal(0.1);
    expect(c!.dropOff).to.equal(300);
  });

  it('is computed from the values, not as a share of the sum of all stages', () => {
    const [, b] = conversionRates([1000, 400, 100]);
    expect(b!.overall).to.not.equal(400 / 1500);
  });

  it('a first stage of 0 gives null conversions, never NaN or Infinity', () => {
    const stages = conversionRates([0, 0, 5]);
    for (const s of stages) {
      expect(s.overall).to.equal(null);
    }
    expect(stages[1]!.step).to.equal(null);
    expect(stages[2]!.step).to.equal(null);
    expect(stages[2]!.increased).to.equal(true);
  });

  it('zero stages give an empty list; one stage has overall 100 % and no step', () => {
    expect(conversionRates([])).to.deep.equal([]);
    expect(conversionRates([250])).to.deep.equal([{ value: 250, step: null, overall: 1, dropOff: null, dropOffRate: null, increased: false }]);
  });

  it('an increasing stage keeps its honest ratio above 100 % and is flagged', () => {
    const [, b, c] = conversionRates([100, 150, 60]);
    expect(b!.step).to.equal(1.5);
    expect(b!.dropOff).to.equal(-50);
    expect(b!.increased).to.equal(true);
    expect(c!.increased).to.equal(false);
    expect(c!.step).to.equal(0.4);
  });

  it('NaN, Infinity, null and negatives become null values, and only the ratios that need them are null', () => {
    const stages = conversionRates([100, Number.NaN, 50, -3, Number.POSITIVE_INFINITY, null]);
    expect(stages.map((s) => s.value)).to.deep.equal([100, null, 50, null, null, null]);
    expect(stages[1]!.step).to.equal(null);
    expect(stages[2]!.step).to.equal(null); // previous unknown
    expect(stages[2]!.overall).to.equal(0.5); // still known against the first stage
    for (const s of stages) for (const v of [s.step, s.overall, s.dropOff, s.dropOffRate]) expect(v === null || Number.isFinite(v)).to.be.true;
  });

  it('ratio(x, 0) is null, not Infinity', () => {
    expect(ratio(5, 0)).to.equal(null);
    expect(ratio(0, 0)).to.equal(null);
    expect(ratio(null, 4)).to.equal(null);
    expect(ratio(1, 4)).to.equal(0.25);
  });
});
