import { expect } from '@open-wc/testing';
import { roiBarsLayout } from '../../src/metrics/roi-bars-layout.js';
import { roiScatterLayout } from '../../src/metrics/roi-scatter-layout.js';

describe('roiBarsLayout', () => {
  it('gains go right of the break-even line and losses left, lengths proportional to ROI', () => {
    const { bars, zeroX, plot } = roiBarsLayout([2, -0.4, 1], { width: 400, height: 120, left: 100 });
    // domain −0.4 … 2 over 300 px: 125 px per 1.0
    expect(zeroX).to.be.closeTo(plot.x + 50, 1e-9);
    expect(bars[0]!.x).to.be.closeTo(zeroX, 1e-9);
    expect(bars[0]!.width).to.be.closeTo(250, 1e-9);
    expect(bars[1]!.x + bars[1]!.width).to.be.closeTo(zeroX, 1e-9);
    expect(bars[1]!.width).to.be.closeTo(50, 1e-9);
    expect(bars[2]!.width / bars[0]!.width).to.be.closeTo(0.5, 1e-9);
  });

  it('a campaign without an ROI sits on the break-even line with length 0', () => {
    const { bars, zeroX } = roiBarsLayout([null, 0.5], { width: 200, height: 60 });
    expect(bars[0]!.width).to.equal(0);
    expect(bars[0]!.x).to.equal(zeroX);
  });

  it('the domain stays tight: a −36 % loss next to +554 % does not stretch the axis to −200 %', () => {
    const { zeroX, plot } = roiBarsLayout([5.54, -0.36], { width: 300, height: 100, ticks: 3 });
    // −0.4 … 6: the loss side takes 6 % of the width, not a quarter of it.
    expect((zeroX - plot.x) / plot.width).to.be.below(0.1);
  });

  it('only losses: the break-even line is at the right end', () => {
    const { zeroX, plot } = roiBarsLayout([-0.2, -0.8], { width: 200, height: 60 });
    expect(zeroX).to.be.closeTo(plot.x + plot.width, 1e-9);
  });

  it('rows tile the plot top to bottom; bars stay inside their rows and thinner than maxBar', () => {
    const { bars, bands } = roiBarsLayout([1, 2, 3], { width: 300, height: 600, top: 20, bottom: 20, maxBar: 24 });
    for (let i = 0; i < 3; i++) {
      expect(bars[i]!.height).to.equal(24);
      expect(bars[i]!.y).to.be.at.least(bands[i]!.y);
      expect(bars[i]!.y + bars[i]!.height).to.be.at.most(bands[i]!.y + bands[i]!.height);
      if (i) expect(bands[i]!.y).to.be.closeTo(bands[i - 1]!.y + bands[i - 1]!.height, 1e-9);
    }
  });

  it('ticks include 0 and lie inside the plot', () => {
    const { ticks, plot } = roiBarsLayout([1.5, -0.4], { width: 300, height: 100, ticks: 4 });
    expect(ticks.map((t) => t.value)).to.include(0);
    for (const t of ticks) expect(t.x).to.be.within(plot.x - 1e-9, plot.x + plot.width + 1e-9);
  });

  it('no campaigns, or none with an ROI, gives a 0 … 100 % axis and no NaN', () => {
    const empty = roiBarsLayout([], { width: 100, height: 100 });
    expect(empty.bars).to.deep.equal([]);
    expect(Number.isFinite(empty.zeroX)).to.be.true;
    const none = roiBarsLayout([null, null], { width: 100, height: 100 });
    expect(none.ticks.at(-1)!.value).to.equal(1);
  });
});

describe('roiScatterLayout', () => {
  const points = [
    { cost: 100, revenue: 300, leads: 400 },
    { cost: 200, revenue: 100, leads: 100 },
    { cost: 0, revenue: 50, leads: 0 },
    { cost: null, revenue: 10, leads: 5 },
  ];

  it('cost runs right, revenue up; a bubble per placed campaign, null where a number is missing', () => {
    const { bubbles } = roiScatterLayout(points, { width: 400, height: 300, left: 40, bottom: 20 });
    expect(bubbles[3]).to.equal(null);
    expect(bubbles[1]!.cx).to.be.above(bubbles[0]!.cx);
    expect(bubbles[0]!.cy).to.be.below(bubbles[1]!.cy);
    expect(bubbles[2]!.cx).to.be.below(bubbles[0]!.cx);
  });

  it('bubble area is proportional to leads (radius ∝ √leads), with a visible minimum', () => {
    const { bubbles } = roiScatterLayout(points, { width: 400, height: 300 });
    expect(bubbles[0]!.r / bubbles[1]!.r).to.be.closeTo(2, 1e-9);
    expect(bubbles[2]!.r).to.be.at.least(4);
  });

  it('the break-even diagonal joins points where revenue equals cost', () => {
    const { breakEven } = roiScatterLayout(points, { width: 400, height: 300 });
    const probe = roiScatterLayout([...points, { cost: 100, revenue: 100, leads: 1 }], { width: 400, height: 300 });
    const p = probe.bubbles[4]!;
    // (p.cx, p.cy) lies on the line through the diagonal's ends
    const { x1, y1, x2, y2 } = breakEven!;
    const cross = (x2 - x1) * (p.cy - y1) - (y2 - y1) * (p.cx - x1);
    expect(Math.abs(cross)).to.be.below(1e-6);
  });

  it('bubbles stay inside the plot', () => {
    const { bubbles, plot } = roiScatterLayout(points, { width: 300, height: 200, left: 40, bottom: 20 });
    for (const b of bubbles) {
      if (!b) continue;
      expect(b.cx - b.r).to.be.at.least(plot.x - 1e-9);
      expect(b.cx + b.r).to.be.at.most(plot.x + plot.width + 1e-9);
      expect(b.cy - b.r).to.be.at.least(plot.y - 1e-9);
      expect(b.cy + b.r).to.be.at.most(plot.y + plot.height + 1e-9);
    }
  });

  it('nothing to place gives finite axes and no bubbles', () => {
    const { bubbles, xTicks, yTicks } = roiScatterLayout([{ cost: null, revenue: null, leads: null }], { width: 100, height: 100 });
    expect(bubbles).to.deep.equal([null]);
    for (const t of [...xTicks.map((t) => t.x), ...yTicks.map((t) => t.y)]) expect(Number.isFinite(t)).to.be.true;
  });
});
