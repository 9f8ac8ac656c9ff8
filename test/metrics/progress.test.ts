import { expect } from '@open-wc/testing';
import { targetProgress } from '../../src/metrics/progress.js';

describe('targetProgress', () => {
  it('targetProgress(800, 1000) is 0.8', () => {
    expect(targetProgress(800, 1000)).to.equal(0.8);
  });

  it('is above 1 past the target, and 0 at zero', () => {
    expect(targetProgress(1500, 1000)).to.equal(1.5);
    expect(targetProgress(0, 1000)).to.equal(0);
  });

  it("positive 'down': under the target is reached, the ratio is target / current", () => {
    expect(targetProgress(400, 300, 'down')).to.equal(0.75);
    expect(targetProgress(300, 300, 'down')).to.equal(1);
    expect(targetProgress(200, 300, 'down')).to.equal(1.5);
    expect(targetProgress(0, 300, 'down')).to.equal(1);
  });

  it('target 0 or negative is null: no usable target', () => {
    expect(targetProgress(100, 0)).to.equal(null);
    expect(targetProgress(100, -5)).to.equal(null);
    expect(targetProgress(100, 0, 'down')).to.equal(null);
  });

  it('a negative current is null', () => {
    expect(targetProgress(-1, 100)).to.equal(null);
  });

  it('missing, NaN or infinite values are null', () => {
    expect(targetProgress(null, 100)).to.equal(null);
    expect(targetProgress(100, null)).to.equal(null);
    expect(targetProgress(Number.NaN, 100)).to.equal(null);
    expect(targetProgress(100, Number.NaN)).to.equal(null);
    expect(targetProgress(100, Infinity)).to.equal(null);
    expect(targetProgress(Infinity, 100, 'down')).to.equal(null);
  });
});
