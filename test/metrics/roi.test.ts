import { expect } from '@open-wc/testing';
import { type CampaignFigures, roi, rollUpOthers, sortCampaigns, totalRoi } from '../../src/metrics/roi.js';

const campaign = (name: string, cost: number | null, revenue: number | null, leads: number | null = null): CampaignFigures => ({
  key: name,
  campaign: name,
  cost,
  revenue,
  leads,
  opportunities: null,
  won: null,
  roi: roi(cost, revenue),
  row: { campaign: name, cost, revenue, leads },
  others: 0,
});

describe('roi', () => {
  it('(revenue − cost) ÷ cost: 18 000 → 61 200 is +240 %, 37 000 → 25 900 is −30 %', () => {
    expect(roi(18_000, 61_200)).to.be.closeTo(2.4, 1e-12);
    expect(roi(37_000, 25_900)).to.be.closeTo(-0.3, 1e-12);
    expect(roi(100, 100)).to.equal(0);
    expect(roi(100, 0)).to.equal(-1);
  });

  it('roi(cost 0) is null, not Infinity', () => {
    expect(roi(0, 38_000)).to.equal(null);
    expect(roi(0, 0)).to.equal(null);
  });

  it('a negative cost or a missing / non-finite number gives null', () => {
    expect(roi(-5, 10)).to.equal(null);
    expect(roi(null, 10)).to.equal(null);
    expect(roi(10, null)).to.equal(null);
    expect(roi(Number.NaN, 10)).to.equal(null);
    expect(roi(10, Number.POSITIVE_INFINITY)).to.equal(null);
  });
});

describe('sortCampaigns', () => {
  const list = [campaign('b', 100, 150), campaign('a', 0, 80), campaign('c', 50, 200), campaign('d', 300, 100)];

  it('by roi: highest first, campaigns without an ROI last', () => {
    expect(sortCampaigns(list, 'roi').map((c) => c.campaign)).to.deep.equal(['c', 'b', 'd', 'a']);
  });

  it('by revenue and by cost: highest first', () => {
    expect(sortCampaigns(list, 'revenue').map((c) => c.campaign)).to.deep.equal(['c', 'b', 'd', 'a']);
    expect(sortCampaigns(list, 'cost').map((c) => c.campaign)).to.deep.equal(['d', 'b', 'c', 'a']);
  });

  it('by name: alphabetical in the locale, numbers in numeric order', () => {
    const named = [campaign('Ä10', 1, 1), campaign('a2', 1, 1), campaign('b', 1, 1), campaign('a10', 1, 1)];
    expect(sortCampaigns(named, 'name', 'de').map((c) => c.campaign)).to.deep.equal(['a2', 'Ä10', 'a10', 'b']);
  });

  it('keeps the source order for ties and does not change its input', () => {
    const ties = [campaign('x', 10, 20), campaign('y', 20, 40), campaign('z', 5, 10)];
    expect(sortCampaigns(ties, 'roi').map((c) => c.campaign)).to.deep.equal(['x', 'y', 'z']);
    sortCampaigns(list, 'cost');
    expect(list.map((c) => c.campaign)).to.deep.equal(['b', 'a', 'c', 'd']);
  });
});

describe('rollUpOthers', () => {
  const list = [campaign('a', 100, 300, 10), campaign('b', 100, 200, 5), campaign('c', 100, 50, null), campaign('d', 300, 250, 7)];

  it('keeps the first `limit` and sums the rest; the roll-up ROI is of the sums, not an average', () => {
    const out = rollUpOthers(list, 2, 'Others');
    expect(out.map((c) => c.campaign)).to.deep.equal(['a', 'b', 'Others']);
    const others = out[2]!;
    expect(others.cost).to.equal(400);
    expect(others.revenue).to.equal(300);
    expect(others.leads).to.equal(7); // a missing count does not erase the known one
    expect(others.roi).to.equal(-0.25); // (300 − 400) / 400; the mean of −50 % and −16.7 % would be wrong
    expect(others.others).to.equal(2);
    expect(others.row).to.deep.include({ campaign: 'Others', cost: 400, revenue: 300, others: 2 });
  });

  it('a limit of 0, or one that keeps everything, changes nothing', () => {
    expect(rollUpOthers(list, 0, 'Others')).to.have.length(4);
    expect(rollUpOthers(list, 4, 'Others')).to.have.length(4);
    expect(rollUpOthers(list, Number.NaN, 'Others')).to.have.length(4);
  });

  it('rolled-up cost 0 keeps ROI null', () => {
    const free = [campaign('a', 10, 20), campaign('b', 0, 5), campaign('c', 0, 7)];
    expect(rollUpOthers(free, 1, 'Others')[1]!.roi).to.equal(null);
  });
});

describe('totalRoi', () => {
  it('is the ROI of the summed cost and revenue', () => {
    expect(totalRoi([campaign('a', 100, 300), campaign('b', 100, 100)])).to.equal(1);
  });

  it('counts a free campaign’s revenue, but not revenue whose cost is unknown', () => {
    expect(totalRoi([campaign('free', 0, 50), campaign('paid', 100, 150)])).to.equal(1);
    expect(totalRoi([campaign('unknown', null, 10_000), campaign('paid', 100, 150)])).to.equal(0.5);
  });

  it('is null with nothing priced, or no cost at all', () => {
    expect(totalRoi([])).to.equal(null);
    expect(totalRoi([campaign('x', null, 5)])).to.equal(null);
    expect(totalRoi([campaign('free', 0, 5)])).to.equal(null);
  });
});
