import { expect } from '@open-wc/testing';
import { scaleLinear } from 'd3-scale';
import { connectorPath, connectorPoints, funnelLayout } from '../../src/metrics/funnel-layout.js';

describe('funnelLayout', () => {
  it('bar lengths are exactly what the clamped linear scale of d3-scale from [0, largest] onto the span gives', () => {
    const cases: Array<Array<number | null>> = [[1000, 400, 100], [0.1, 0.3, 0.7], [7, 7, 7], [123456.789, 98765.4321, 1e-7], [0, 0], [5, -2, null, Number.NaN, 3]];
    for (const values of cases) {
      for (const orientation of ['vertical', 'horizontal'] as const) {
        const { bars, span } = funnelLayout(values, { width: 437, height: 311, orientation, before: 37, after: 29 });
        const finite = values.map((v) => (v !== null && Number.isFinite(v) ? v : 0));
        const max = Math.max(0, ...finite);
        const length = orientation === 'vertical' ? span.width : span.height;
        const d3 = scaleLinear().domain([0, max || 1]).range([0, length]).clamp(true);
        const drawn = bars.map((b) => (orientation === 'vertical' ? b.width : b.height));
        expect(drawn, `${orientation} ${values.join(',')}`).to.deep.equal(finite.map((v) => (v > 0 ? d3(v) : 0)));
      }
    }
  });

  it('vertical: bar widths are proportional to the values, centred in the span between the label columns', () => {
    const { bars, span } = funnelLayout([1000, 400, 100], { width: 500, height: 300, orientation: 'vertical', before: 100, after: 100 });
    expect(span).to.deep.equal({ x: 100, y: 0, width: 300, height: 300 });
    expect(bars.map((b) => b.width)).to.deep.equal([300, 120, 30]);
    for (const b of bars) expect(b.x + b.width / 2).to.be.closeTo(250, 1e-9);
  });

  it('vertical: stages run top to bottom, each band exactly height ÷ n, bars inside their bands', () => {
    const { bars, bands } = funnelLayout([5, 4, 3, 2], { width: 200, height: 400, orientation: 'vertical' });
    expect(bands.map((b) => b.y)).to.deep.equal([0, 100, 200, 300]);
    bands.forEach((band, i) => {
      expect(band.height).to.equal(100);
      expect(bars[i]!.y).to.be.at.least(band.y);
      expect(bars[i]!.y + bars[i]!.height).to.be.at.most(band.y + band.height + 1e-9);
    });
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.y).to.be.above(bars[i - 1]!.y + bars[i - 1]!.height); // a gap for the connector
  });

  it('horizontal: stages run left to right as columns whose heights are proportional to the values', () => {
    const { bars, bands } = funnelLayout([800, 200], { width: 400, height: 240, orientation: 'horizontal', before: 20, after: 20 });
    expect(bars.map((b) => b.height)).to.deep.equal([200, 50]);
    expect(bands.map((b) => [b.x, b.width])).to.deep.equal([[0, 200], [200, 200]]);
    for (const b of bars) expect(b.y + b.height / 2).to.be.closeTo(120, 1e-9);
  });

  it('an increasing stage is drawn larger than the one before, measured against the largest stage', () => {
    const { bars } = funnelLayout([100, 200, 50], { width: 200, height: 90, orientation: 'vertical' });
    expect(bars.map((b) => b.width)).to.deep.equal([100, 200, 50]);
  });

  it('missing, negative and zero values get zero-length bars; all zero draws nothing and no NaN', () => {
    const { bars } = funnelLayout([null, -5, 0, Number.NaN], { width: 100, height: 100, orientation: 'vertical' });
    for (const b of bars) {
      expect(b.width).to.equal(0);
      for (const n of [b.x, b.y, b.width, b.height]) expect(Number.isFinite(n)).to.be.true;
    }
  });

  it('zero stages give nothing; one stage fills the span', () => {
    expect(funnelLayout([], { width: 100, height: 100, orientation: 'vertical' }).bars).to.deep.equal([]);
    const one = funnelLayout([7], { width: 100, height: 100, orientation: 'vertical' });
    expect(one.bars[0]!.width).to.equal(100);
    expect(one.bands[0]).to.deep.equal({ x: 0, y: 0, width: 100, height: 100 });
  });

  it('a zero or negative size does not throw and gives finite boxes', () => {
    const { bars } = funnelLayout([3, 2], { width: -10, height: 0, orientation: 'horizontal', before: 50, after: 50 });
    for (const b of bars) for (const n of [b.x, b.y, b.width, b.height]) expect(Number.isFinite(n)).to.be.true;
  });

  it('connectorPoints joins the bottom edge of one bar to the top edge of the next', () => {
    const points = connectorPoints({ x: 0, y: 0, width: 100, height: 10 }, { x: 25, y: 20, width: 50, height: 10 }, 'vertical');
    expect(points).to.equal('0,10 100,10 75,20 25,20');
    const side = connectorPoints({ x: 0, y: 0, width: 10, height: 100 }, { x: 20, y: 25, width: 10, height: 50 }, 'horizontal');
    expect(side).to.equal('10,0 10,100 20,75 20,25');
  });

  it('connectorPath is the same four corners as one closed path, the same commands whatever the bars', () => {
    expect(connectorPath({ x: 0, y: 0, width: 100, height: 10 }, { x: 25, y: 20, width: 50, height: 10 }, 'vertical')).to.equal('M0,10L100,10L75,20L25,20Z');
    // A transition between two paths needs the same commands in both: an empty bar keeps them.
    expect(connectorPath({ x: 50, y: 0, width: 0, height: 10 }, { x: 50, y: 20, width: 0, height: 10 }, 'vertical')).to.equal('M50,10L50,10L50,20L50,20Z');
  });
});
