import { expect } from '@open-wc/testing';
import { toNumber } from '../../src/metrics/to-number.js';

describe('toNumber', () => {
  it('toNumber(1234.5) is 1234.5; 0, negatives and -0 pass', () => {
    expect(toNumber(1234.5)).to.equal(1234.5);
    expect(toNumber(0)).to.equal(0);
    expect(toNumber(-12)).to.equal(-12);
    expect(Object.is(toNumber(-0), -0)).to.equal(true);
  });

  it("toNumber('1234.5') is 1234.5: numeric strings, with spaces or exponent, are numbers", () => {
    expect(toNumber('1234.5')).to.equal(1234.5);
    expect(toNumber(' 42 ')).to.equal(42);
    expect(toNumber('-0.25')).to.equal(-0.25);
    expect(toNumber('1e3')).to.equal(1000);
  });

  it('NaN, Infinity and -Infinity are null', () => {
    expect(toNumber(Number.NaN)).to.equal(null);
    expect(toNumber(Infinity)).to.equal(null);
    expect(toNumber(-Infinity)).to.equal(null);
  });

  it("non-numeric strings, '', whitespace and 'Infinity' are null", () => {
    for (const text of ['', '   ', 'abc', '12 EUR', '1.234,5', 'Infinity', 'NaN']) expect(toNumber(text), JSON.stringify(text)).to.equal(null);
  });

  it('null, undefined, booleans, objects, arrays and dates are null', () => {
    for (const value of [null, undefined, true, false, {}, { value: 1 }, [], [5], new Date(0), 10n]) {
      expect(toNumber(value), String(value)).to.equal(null);
    }
  });
});
