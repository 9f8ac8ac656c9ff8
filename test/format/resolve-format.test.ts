import { expect } from '@open-wc/testing';
import { resolveFormat } from '../../src/format/resolve-format.js';

describe('resolveFormat', () => {
  it('an explicit format wins, taking a currency from the unit when the page gives none', () => {
    expect(resolveFormat('number', 'EUR', undefined)).to.deep.equal({ format: 'number', currency: 'EUR' });
    expect(resolveFormat('currency', 'EUR', 'USD')).to.deep.equal({ format: 'currency', currency: 'USD' });
  });

  it('reads the unit: an ISO currency code, % for ratios, s for durations', () => {
    expect(resolveFormat(undefined, 'EUR', undefined)).to.deep.equal({ format: 'currency', currency: 'EUR' });
    expect(resolveFormat(undefined, '%', undefined)).to.deep.equal({ format: 'percent', currency: undefined });
    expect(resolveFormat(undefined, 's', undefined)).to.deep.equal({ format: 'duration', currency: undefined });
  });

  it('a currency attribute alone means currency; anything else is a plain number', () => {
    expect(resolveFormat(undefined, undefined, 'CHF')).to.deep.equal({ format: 'currency', currency: 'CHF' });
    expect(resolveFormat(undefined, 'eur', undefined)).to.deep.equal({ format: 'number', currency: undefined });
    expect(resolveFormat(undefined, 'kg', undefined)).to.deep.equal({ format: 'number', currency: undefined });
  });
});
