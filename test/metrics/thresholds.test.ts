import { expect } from '@open-wc/testing';
import { type Threshold, parseThresholds, thresholdStatus } from '../../src/metrics/thresholds.js';

describe('parseThresholds', () => {
  let warnings: unknown[][];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('parseThresholds("0:Critical, 800000:At risk, 1000000:On track") gives three bands', () => {
    expect(parseThresholds('0:Critical, 800000:At risk, 1000000:On track')).to.deep.equal([
      { from: 0, label: 'Critical' },
      { from: 800000, label: 'At risk' },
      { from: 1000000, label: 'On track' },
    ]);
    expect(warnings).to.deep.equal([]);
  });

  it('sorts bands by their start', () => {
    expect(parseThresholds('0.9:Great,0.5:OK, 0:Poor').map((b) => b.from)).to.deep.equal([0, 0.5, 0.9]);
  });

  it('reads negative, decimal and exponent starts, and keeps a colon inside a label', () => {
    expect(parseThresholds('-10:Loss, 1.5e3:Big, 2.25: Ratio: high ')).to.deep.equal([
      { from: -10, label: 'Loss' },
      { from: 2.25, label: 'Ratio: high' },
      { from: 1500, label: 'Big' },
    ]);
  });

  it('skips malformed entries with a console warning naming each, and keeps the rest', () => {
    expect(parseThresholds('0:Low, abc, 500, :Nameless, x:Bad, 100:')).to.deep.equal([{ from: 0, label: 'Low' }]);
    expect(warnings).to.have.length(5);
    for (const [entry, [message]] of ['abc', '500', ':Nameless', 'x:Bad', '100:'].map((e, i) => [e, warnings[i]!] as const)) {
      expect(message).to.be.a('string').and.contain(`"${entry}"`);
    }
  });

  it('empty entries (a trailing comma) are skipped silently', () => {
    expect(parseThresholds('0:Low,,  , 10:High,')).to.have.length(2);
    expect(warnings).to.deep.equal([]);
  });

  it('null, undefined and "" give no bands', () => {
    expect(parseThresholds(null)).to.deep.equal([]);
    expect(parseThresholds(undefined)).to.deep.equal([]);
    expect(parseThresholds('')).to.deep.equal([]);
  });
});

describe('thresholdStatus', () => {
  const bands: Threshold[] = [
    { from: 0, label: 'Critical' },
    { from: 800000, label: 'At risk' },
    { from: 1000000, label: 'On track' },
  ];

  it("positive 'up': the highest band is good, the middle a warning, the lowest bad", () => {
    expect(thresholdStatus(1234567, bands)).to.deep.equal({ label: 'On track', tone: 'good' });
    expect(thresholdStatus(900000, bands)).to.deep.equal({ label: 'At risk', tone: 'warning' });
    expect(thresholdStatus(100, bands)).to.deep.equal({ label: 'Critical', tone: 'bad' });
  });

  it('a band starts at its value, inclusive', () => {
    expect(thresholdStatus(800000, bands)!.label).to.equal('At risk');
    expect(thresholdStatus(799999.99, bands)!.label).to.equal('Critical');
  });

  it("positive 'down': the lowest band is good and the highest bad", () => {
    const handleTime: Threshold[] = [
      { from: 0, label: 'Fast' },
      { from: 300, label: 'OK' },
      { from: 600, label: 'Slow' },
    ];
    expect(thresholdStatus(120, handleTime, 'down')).to.deep.equal({ label: 'Fast', tone: 'good' });
    expect(thresholdStatus(372, handleTime, 'down')).to.deep.equal({ label: 'OK', tone: 'warning' });
    expect(thresholdStatus(900, handleTime, 'down')).to.deep.equal({ label: 'Slow', tone: 'bad' });
  });

  it('a value below every band gets the first band’s label: bad for up, good for down', () => {
    expect(thresholdStatus(-5, bands)).to.deep.equal({ label: 'Critical', tone: 'bad' });
    expect(thresholdStatus(-5, bands, 'down')).to.deep.equal({ label: 'Critical', tone: 'good' });
  });

  it('two bands are bad and good; one band is neutral', () => {
    const two: Threshold[] = [
      { from: 0, label: 'Below' },
      { from: 10, label: 'Above' },
    ];
    expect(thresholdStatus(5, two)!.tone).to.equal('bad');
    expect(thresholdStatus(15, two)!.tone).to.equal('good');
    expect(thresholdStatus(15, [{ from: 0, label: 'Any' }])).to.deep.equal({ label: 'Any', tone: 'neutral' });
  });

  it('no value, a NaN value or no bands give no status', () => {
    expect(thresholdStatus(null, bands)).to.equal(null);
    expect(thresholdStatus(Number.NaN, bands)).to.equal(null);
    expect(thresholdStatus(Infinity, bands)).to.equal(null);
    expect(thresholdStatus(5, [])).to.equal(null);
  });

  it('works on what parseThresholds returns', () => {
    expect(thresholdStatus(0.95, parseThresholds('0.9:Great, 0:Poor, 0.5:OK'))).to.deep.equal({ label: 'Great', tone: 'good' });
  });
});
