import { expect } from '@open-wc/testing';
import { delta } from '../../src/metrics/delta.js';

describe('delta', () => {
  it('delta(1234567, 1000000) is up 234567, ratio 0.234567, good', () => {
    expect(delta(1234567, 1000000)).to.deep.equal({ absolute: 234567, ratio: 0.234567, direction: 'up', good: true });
  });

  it('delta(80, 100) is down 20, ratio -0.2, not good', () => {
    expect(delta(80, 100)).to.deep.equal({ absolute: -20, ratio: -0.2, direction: 'down', good: false });
  });

  it('delta(5, 5) is flat, ratio 0, good null', () => {
    expect(delta(5, 5)).to.deep.equal({ absolute: 0, ratio: 0, direction: 'flat', good: null });
  });

  it('delta(50, 0).ratio is null: no percentage from zero', () => {
    expect(delta(50, 0)).to.deep.equal({ absolute: 50, ratio: null, direction: 'up', good: true });
    expect(delta(0, 0)!.ratio).to.equal(null);
  });

  it("positive 'down' flips good: handle time falling is good news", () => {
    expect(delta(340, 372, 'down')!.good).to.equal(true);
    expect(delta(400, 372, 'down')!.good).to.equal(false);
    expect(delta(372, 372, 'down')!.good).to.equal(null);
  });

  it('delta(-50, -100).ratio is 0.5: the ratio is against |previous|', () => {
    expect(delta(-50, -100)).to.deep.equal({ absolute: 50, ratio: 0.5, direction: 'up', good: true });
    expect(delta(-150, -100)!.ratio).to.equal(-0.5);
  });

  it('is null when either value is missing', () => {
    expect(delta(null, 100)).to.equal(null);
    expect(delta(100, null)).to.equal(null);
  });

  it('is null when either value is NaN or infinite, never a NaN delta', () => {
    expect(delta(Number.NaN, 100)).to.equal(null);
    expect(delta(100, Number.NaN)).to.equal(null);
    expect(delta(Infinity, 100)).to.equal(null);
    expect(delta(100, -Infinity)).to.equal(null);
  });
});
