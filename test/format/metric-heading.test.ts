import { expect } from '@open-wc/testing';
import { metricHeading } from '../../src/format/metric-heading.js';

describe('metricHeading', () => {
  it('metricHeading("revenue", "de-DE") is "Umsatz"; in English "Revenue"', () => {
    expect(metricHeading('revenue', 'de-DE')).to.equal('Umsatz');
    expect(metricHeading('revenue', 'de-AT')).to.equal('Umsatz');
    expect(metricHeading('revenue', 'en-US')).to.equal('Revenue');
  });

  it('a name without words of its own is written from the name: win_rate → "Win rate", in any locale', () => {
    expect(metricHeading('win_rate', 'en-GB')).to.equal('Win rate');
    expect(metricHeading('weird-metric_x', 'de-DE')).to.equal('Weird metric x');
    expect(metricHeading('win_rate', 'de-DE')).to.equal('Abschlussquote');
  });
});
