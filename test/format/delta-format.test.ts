import { expect } from '@open-wc/testing';
import { formatDeltaAbsolute, formatDeltaRatio } from '../../src/format/delta-format.js';
import { type Delta, delta } from '../../src/metrics/delta.js';

const plain = (text: string) => text.replace(/\s/g, ' ');
const d = (current: number, previous: number) => delta(current, previous)!;
const MINUS = '\u2212';

describe('formatDeltaAbsolute', () => {
  it('delta(1234567, 1000000) in EUR de-DE is "+234.567 €"', () => {
    expect(plain(formatDeltaAbsolute(d(1234567, 1000000), { format: 'currency', currency: 'EUR', locale: 'de-DE' }))).to.equal('+234.567 €');
  });

  it('a fall is written with U+2212: delta(1000000, 1234567) is "−234.567 €"', () => {
    expect(plain(formatDeltaAbsolute(d(1000000, 1234567), { format: 'currency', currency: 'EUR', locale: 'de-DE' }))).to.equal(`${MINUS}234.567 €`);
  });

  it('numbers: "+12", "−12", and "0" without a sign', () => {
    expect(formatDeltaAbsolute(d(112, 100), { format: 'number', locale: 'en-US' })).to.equal('+12');
    expect(formatDeltaAbsolute(d(88, 100), { format: 'number', locale: 'en-US' })).to.equal(`${MINUS}12`);
    expect(formatDeltaAbsolute(d(100, 100), { format: 'number', locale: 'en-US' })).to.equal('0');
  });

  it('compact: +1.5 M EUR de-DE is "+1,5 Mio. €"', () => {
    expect(plain(formatDeltaAbsolute(d(2_500_000, 1_000_000), { format: 'currency', currency: 'EUR', locale: 'de-DE', compact: true }))).to.equal('+1,5 Mio. €');
  });

  it('percent changes are percentage points: 0.318 → 0.333 is "+1.5 pp", de-DE "+1,5 pp"', () => {
    expect(plain(formatDeltaAbsolute(d(0.333, 0.318), { format: 'percent', locale: 'en-US' }))).to.equal('+1.5 pp');
    expect(plain(formatDeltaAbsolute(d(0.333, 0.318), { format: 'percent', locale: 'de-DE' }))).to.equal('+1,5 pp');
  });

  it('a fall in percentage points uses U+2212: "−1.5 pp"; no change is "0 pp"', () => {
    expect(plain(formatDeltaAbsolute(d(0.318, 0.333), { format: 'percent', locale: 'en-US' }))).to.equal(`${MINUS}1.5 pp`);
    expect(plain(formatDeltaAbsolute(d(0.318, 0.318), { format: 'percent', locale: 'en-US' }))).to.equal('0 pp');
  });

  it('durations: "+18s" and "−18s"', () => {
    expect(plain(formatDeltaAbsolute(d(390, 372), { format: 'duration', locale: 'en-US' }))).to.equal('+18s');
    expect(plain(formatDeltaAbsolute(d(372, 390), { format: 'duration', locale: 'en-US' }))).to.equal(`${MINUS}18s`);
  });
});

describe('formatDeltaRatio', () => {
  it('delta(1234567, 1000000) is "+23.5%" in en-US and "+23,5 %" in de-DE', () => {
    expect(plain(formatDeltaRatio(d(1234567, 1000000), 'en-US'))).to.equal('+23.5%');
    expect(plain(formatDeltaRatio(d(1234567, 1000000), 'de-DE'))).to.equal('+23,5 %');
  });

  it('a fall is written with U+2212: delta(81, 100) is "−19%"', () => {
    expect(formatDeltaRatio(d(81, 100), 'en-US')).to.equal(`${MINUS}19%`);
    expect(plain(formatDeltaRatio(d(81, 100), 'de-DE'))).to.equal(`${MINUS}19 %`);
  });

  it('no change, or one that rounds to 0.0 %, has no sign', () => {
    expect(formatDeltaRatio(d(100, 100), 'en-US')).to.equal('0%');
    expect(formatDeltaRatio(d(100000.1, 100000), 'en-US')).to.equal('0%');
  });

  it('ratio null (previous was 0) is "—"', () => {
    const fromZero: Delta = d(50, 0);
    expect(fromZero.ratio).to.equal(null);
    expect(formatDeltaRatio(fromZero, 'en-US')).to.equal('—');
  });
});
