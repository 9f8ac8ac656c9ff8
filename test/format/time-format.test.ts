import { expect } from '@open-wc/testing';
import { formatAsOf, formatShare } from '../../src/format/time-format.js';

const plain = (text: string) => text.replace(/\s/g, ' ');

describe('formatAsOf', () => {
  const now = new Date(2024, 4, 15, 16, 0).getTime();

  it('data from today shows the time only: 10:42 in de-DE', () => {
    expect(formatAsOf(new Date(2024, 4, 15, 10, 42).getTime(), 'de-DE', now)).to.equal('10:42');
    expect(plain(formatAsOf(new Date(2024, 4, 15, 10, 42).getTime(), 'en-US', now))).to.equal('10:42 AM');
  });

  it('older data shows the date too', () => {
    const text = plain(formatAsOf(new Date(2024, 4, 14, 10, 42).getTime(), 'en-US', now));
    expect(text).to.contain('May 14, 2024').and.contain('10:42');
  });

  it('a non-finite time is empty', () => {
    expect(formatAsOf(Number.NaN, 'en-US', now)).to.equal('');
  });
});

describe('formatShare', () => {
  it('formatShare(0.823, en-US) is "82%"; de-DE "82 %"', () => {
    expect(formatShare(0.823, 'en-US')).to.equal('82%');
    expect(plain(formatShare(0.823, 'de-DE'))).to.equal('82 %');
  });
});
