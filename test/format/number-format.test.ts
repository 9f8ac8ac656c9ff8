import { expect } from '@open-wc/testing';
import { NO_VALUE, type FormatOptions, formatDuration, formatValue, numberFormat } from '../../src/format/number-format.js';

/** Intl puts no-break spaces (U+00A0, U+202F) between number and unit: compare with plain ones. */
const plain = (text: string) => text.replace(/\s/g, ' ');
const fmt = (value: number | null, options: FormatOptions) => plain(formatValue(value, options));

describe('formatValue', () => {
  describe('number', () => {
    it('formatValue(1234567, number, en-US) is "1,234,567"; de-DE "1.234.567"', () => {
      expect(fmt(1234567, { format: 'number', locale: 'en-US' })).to.equal('1,234,567');
      expect(fmt(1234567, { format: 'number', locale: 'de-DE' })).to.equal('1.234.567');
    });

    it('keeps up to 2 decimals under 100 and none from 100 on', () => {
      expect(fmt(2.4149, { format: 'number', locale: 'en-US' })).to.equal('2.41');
      expect(fmt(99.5, { format: 'number', locale: 'de-DE' })).to.equal('99,5');
      expect(fmt(100.6, { format: 'number', locale: 'en-US' })).to.equal('101');
      expect(fmt(-250.4, { format: 'number', locale: 'en-US' })).to.equal('-250');
    });

    it('compact: 1234567 is "1.2M" in en-US and "1,2 Mio." in de-DE', () => {
      expect(fmt(1234567, { format: 'number', locale: 'en-US', compact: true })).to.equal('1.2M');
      expect(fmt(1234567, { format: 'number', locale: 'de-DE', compact: true })).to.equal('1,2 Mio.');
    });
  });

  describe('currency', () => {
    it('formatValue(1234567, EUR, de-DE) is "1.234.567 €"', () => {
      expect(fmt(1234567, { format: 'currency', currency: 'EUR', locale: 'de-DE' })).to.equal('1.234.567 €');
    });

    it('formatValue(1234567, EUR, de-DE, compact) is "1,2 Mio. €"', () => {
      expect(fmt(1234567, { format: 'currency', currency: 'EUR', locale: 'de-DE', compact: true })).to.equal('1,2 Mio. €');
    });

    it('en-US writes "€1,234,567" and "$1,234,567"', () => {
      expect(fmt(1234567, { format: 'currency', currency: 'EUR', locale: 'en-US' })).to.equal('€1,234,567');
      expect(fmt(1234567, { format: 'currency', currency: 'USD', locale: 'en-US' })).to.equal('$1,234,567');
    });

    it('amounts under 100 keep cents: 12.5 EUR de-DE is "12,50 €"', () => {
      expect(fmt(12.5, { format: 'currency', currency: 'EUR', locale: 'de-DE' })).to.equal('12,50 €');
    });

    it('without a currency code it writes a plain number', () => {
      expect(fmt(1234567, { format: 'currency', locale: 'en-US' })).to.equal('1,234,567');
    });

    it('an invalid currency code does not throw: it falls back to a plain number', () => {
      expect(() => formatValue(1234567, { format: 'currency', currency: 'EURO', locale: 'en-US' })).not.to.throw();
      expect(fmt(1234567, { format: 'currency', currency: 'EURO', locale: 'en-US' })).to.equal('1,234,567');
      expect(fmt(1234567, { format: 'currency', currency: '€', locale: 'de-DE', compact: true })).to.equal('1,2 Mio.');
    });
  });

  describe('percent', () => {
    it('formatValue(0.318, percent, en-US) is "31.8%"; de-DE "31,8 %"', () => {
      expect(fmt(0.318, { format: 'percent', locale: 'en-US' })).to.equal('31.8%');
      expect(fmt(0.318, { format: 'percent', locale: 'de-DE' })).to.equal('31,8 %');
    });

    it('rounds to one decimal: 0.91234 is "91.2%"', () => {
      expect(fmt(0.91234, { format: 'percent', locale: 'en-US' })).to.equal('91.2%');
    });
  });

  describe('duration', () => {
    it('formatValue(372, duration) is 6 minutes 12 seconds in en-US and de-DE', () => {
      for (const locale of ['en-US', 'de-DE']) {
        const text = fmt(372, { format: 'duration', locale });
        expect(text).to.match(/^6\D+12\D+$/);
      }
      expect(fmt(372, { format: 'duration', locale: 'en-US' })).to.equal('6m 12s');
    });

    it('formatDuration: 45 s, 1 h 2 m (seconds dropped past an hour), negative with U+2212', () => {
      expect(plain(formatDuration(45, 'en-US'))).to.equal('45s');
      expect(plain(formatDuration(3725, 'en-US'))).to.equal('1h 2m');
      expect(plain(formatDuration(-372, 'en-US'))).to.equal('\u22126m 12s');
      expect(plain(formatDuration(0, 'en-US'))).to.equal('0s');
      expect(plain(formatDuration(59.6, 'en-US'))).to.equal('1m 0s');
    });
  });

  it('null, NaN and ±Infinity are "—" (NO_VALUE) in every format', () => {
    expect(NO_VALUE).to.equal('—');
    for (const format of ['number', 'currency', 'percent', 'duration'] as const) {
      for (const value of [null, Number.NaN, Infinity, -Infinity]) {
        expect(formatValue(value, { format, locale: 'en-US', currency: 'EUR' })).to.equal('—');
      }
    }
  });

  it('an invalid locale tag does not throw: it formats in the browser’s locale', () => {
    const expected = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(1234567);
    expect(formatValue(1234567, { format: 'number', locale: 'en_US' })).to.equal(expected);
    expect(() => formatValue(0.5, { format: 'percent', locale: '!!' })).not.to.throw();
    expect(() => formatValue(372, { format: 'duration', locale: '' })).not.to.throw();
  });
});

describe('numberFormat', () => {
  it('reuses one formatter for the same locale and options', () => {
    expect(numberFormat('de-DE', { maximumFractionDigits: 1 })).to.equal(numberFormat('de-DE', { maximumFractionDigits: 1 }));
    expect(numberFormat('de-DE', { maximumFractionDigits: 1 })).not.to.equal(numberFormat('en-US', { maximumFractionDigits: 1 }));
  });
});
