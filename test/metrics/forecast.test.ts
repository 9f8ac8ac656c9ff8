import { expect } from '@open-wc/testing';
import { amountsFromLevels, categoryKey, forecastFigures, totalFigures } from '../../src/metrics/forecast.js';

describe('forecast math', () => {
  it('forecastFigures(closed 600K, commit 250K, best case 150K, pipeline 400K; quota 1M): call 850K, 85 %, 150K to go', () => {
    const f = forecastFigures([600_000, 250_000, 150_000, 400_000], 1_000_000);
    expect(f.levels).to.deep.equal([600_000, 850_000, 1_000_000, 1_400_000]);
    expect(f.closed).to.equal(600_000);
    expect(f.call).to.equal(850_000);
    expect(f.total).to.equal(1_400_000);
    expect(f.attainment).to.equal(0.85);
    expect(f.gap).to.equal(150_000);
  });

  it('a call over quota gives a negative gap', () => {
    expect(forecastFigures([900_000, 140_000], 1_000_000).gap).to.equal(-40_000);
  });

  it('quota 0 gives no attainment and no gap (n/a), never Infinity', () => {
    const f = forecastFigures([10, 5], 0);
    expect(f.attainment).to.equal(null);
    expect(f.gap).to.equal(null);
    expect(f.quota).to.equal(0);
  });

  it('without a quota there is no attainment, not 0 %', () => {
    const f = forecastFigures([10, 5], null);
    expect([f.attainment, f.gap, f.quota]).to.deep.equal([null, null, null]);
  });

  it('unusable amounts count as 0 in the levels', () => {
    expect(forecastFigures([100, null, 50], null).levels).to.deep.equal([100, 100, 150]);
  });

  it('amountsFromLevels: running levels become category amounts; a level below the one before is reported and counts 0', () => {
    expect(amountsFromLevels([600, 850, 1000, 1400])).to.deep.equal({ amounts: [600, 250, 150, 400], notCumulative: [] });
    // Commit (900) larger than best case (700): best case is not cumulative.
    expect(amountsFromLevels([600, 900, 700, 1400])).to.deep.equal({ amounts: [600, 300, 0, 500], notCumulative: [2] });
    expect(amountsFromLevels([600, null, 1000])).to.deep.equal({ amounts: [600, null, 400], notCumulative: [] });
  });

  it('totalFigures adds per category; its quota only when every group has one, or the one given', () => {
    const direct = { amounts: [600, 250], quota: 1000 };
    const partner = { amounts: [100, 50, 30], quota: 500 };
    const t = totalFigures([direct, partner]);
    expect(t.levels).to.deep.equal([700, 1000, 1030]);
    expect(t.quota).to.equal(1500);
    expect(totalFigures([direct, { ...partner, quota: null }]).quota).to.equal(null);
    expect(totalFigures([direct, { ...partner, quota: null }], 2000).attainment).to.equal(0.5);
  });

  it('categoryKey reads the spellings CRMs use', () => {
    expect(['Best Case', 'best-case', ' BEST_CASE '].map(categoryKey)).to.deep.equal(['best_case', 'best_case', 'best_case']);
    expect(categoryKey(null)).to.equal('');
  });
});
