import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/campaign-roi.js';
import type { CrmCampaignRoi } from '../../../src/campaign-roi.js';
import { staticSource } from '../../../src/data/index.js';
import type { MetricFrame } from '../../../src/data/types.js';
import { all, chartTexts, drawn, everyText, num, one, plain, tableRow } from '../funnel/chart-helpers.js';
import { campaigns, euro } from './campaigns.js';

async function roiChart(data: MetricFrame = euro(), attrs: { view?: string; sort?: string; limit?: number; columns?: string; locale?: string } = {}, size = 'width: 720px; height: 360px') {
  const el = await fixture<CrmCampaignRoi>(html`<crm-campaign-roi
    metric="campaigns"
    label="Campaign ROI"
    locale=${attrs.locale ?? 'en-US'}
    view=${attrs.view ?? 'bars'}
    sort=${attrs.sort ?? 'roi'}
    limit=${attrs.limit ?? 0}
    metric-columns=${attrs.columns ?? ''}
    style=${size}
    .source=${staticSource({ campaigns: data })}
  ></crm-campaign-roi>`);
  await drawn(el);
  return el;
}

const markKeys = (el: CrmCampaignRoi) => all(el, '.mark').map((m) => m.dataset.key);
const bar = (el: CrmCampaignRoi, key: string) => all(el, '.row').find((r) => r.dataset.row === key)!.querySelector('.bar')!;
/** x of the break-even line (a 1.5 px wide rect, so that it glides by its x like the bars). */
const zeroX = (el: CrmCampaignRoi) => num(one(el, '.break-even'), 'x') + 0.75;

describe('<crm-campaign-roi> bars', () => {
  it('ROI = (revenue − cost) ÷ cost for known campaigns; a campaign without cost shows "n/a"', async () => {
    const el = await roiChart();
    const texts = chartTexts(el);
    expect(texts).to.include.members(['+240%', '−30%', '+120%', '+60%', 'n/a', 'Break-even']);
    expect(tableRow(el, 0)).to.equal('Webinar|€18,000|€61,200|+240%|400|120|30');
    expect(tableRow(el, 4)).to.equal('Referral|€0|€38,000|n/a|25|12|5');
    expect(all(el, '.mark').find((m) => m.dataset.key === 'Referral')!.getAttribute('aria-label')).to.contain('ROI n/a (no cost)');
    expect(everyText(el)).to.not.match(/NaN|Infinity|∞/);
    // Total: (293 100 − 145 000) ÷ 145 000
    expect(one(el, '[part="headline"]')!.textContent!.trim()).to.equal('ROI +102%');
    await expect(el).to.be.accessible();
  });

  it('sorted by ROI, highest first, no-cost last', async () => {
    const el = await roiChart();
    expect(markKeys(el)).to.deep.equal(['Webinar', 'Search ads', 'Trade fair', 'LinkedIn ABM', 'Referral']);
    const ys = markKeys(el).map((k) => bar(el, k!).getBoundingClientRect().top);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).to.be.above(ys[i - 1]!);
  });

  it('bar lengths are proportional to ROI; gains right of the break-even line, losses left of it', async () => {
    const el = await roiChart();
    const zero = zeroX(el);
    const webinar = bar(el, 'Webinar');
    const search = bar(el, 'Search ads');
    const linkedin = bar(el, 'LinkedIn ABM');
    expect(num(webinar, 'x')).to.be.closeTo(zero, 1e-6);
    expect(num(search, 'width') / num(webinar, 'width')).to.be.closeTo(1.2 / 2.4, 1e-6);
    expect(num(linkedin, 'x') + num(linkedin, 'width')).to.be.closeTo(zero, 1e-6);
    expect(num(linkedin, 'width') / num(webinar, 'width')).to.be.closeTo(0.3 / 2.4, 1e-6);
    expect(num(bar(el, 'Referral'), 'width')).to.equal(0);
    expect(all(el, '.mark').find((m) => m.dataset.key === 'LinkedIn ABM')!.classList.contains('loss')).to.be.true;
    // On screen too: the loss is drawn left of the line, the gains right of it.
    const line = one(el, '.break-even')!.getBoundingClientRect();
    expect(linkedin.getBoundingClientRect().right).to.be.at.most(line.left + 1);
    expect(webinar.getBoundingClientRect().left).to.be.at.least(line.left - 1);
  });

  it('sort="revenue", "cost" and "name"', async () => {
    const el = await roiChart(euro(), { sort: 'revenue' });
    expect(markKeys(el)).to.deep.equal(['Search ads', 'Trade fair', 'Webinar', 'Referral', 'LinkedIn ABM']);
    el.sort = 'cost';
    await el.updateComplete;
    expect(markKeys(el)).to.deep.equal(['Trade fair', 'Search ads', 'LinkedIn ABM', 'Webinar', 'Referral']);
    el.sort = 'name';
    await el.updateComplete;
    expect(markKeys(el)).to.deep.equal(['LinkedIn ABM', 'Referral', 'Search ads', 'Trade fair', 'Webinar']);
  });

  it('limit rolls the rest up into "Others" with summed figures and the ROI of the sums', async () => {
    const el = await roiChart(euro(), { limit: 2 });
    expect(all(el, '.mark')).to.have.length(3);
    expect(chartTexts(el)).to.include('Others (3)');
    // Trade fair + LinkedIn + Referral: cost 87 000, revenue 143 900 → +65 %
    const others = all(el, '.mark')[2]!;
    expect(others.getAttribute('aria-label')).to.contain('Others (3): ROI +65%').and.contain('Cost €87,000').and.contain('Revenue €143,900');
    // The table still lists every campaign.
    expect(all(el, 'table tbody tr')).to.have.length(5);
  });

  it('metric-columns shows leads, opportunities and won beside the bars', async () => {
    const el = await roiChart(euro(), { columns: 'leads,opportunities,won' });
    const texts = chartTexts(el);
    expect(texts).to.include.members(['Leads', 'Opps', 'Won', '400', '120', '30', '900', '280', '70']);
    // Columns in the order asked for, left to right.
    const x = (t: string) => all(el, '.plot [data-label]').find((n) => n.textContent === t)!.getBoundingClientRect().left;
    expect(x('Leads')).to.be.below(x('Opps'));
    expect(x('Opps')).to.be.below(x('Won'));
    el.metricColumns = 'won, nonsense';
    await el.updateComplete;
    expect(chartTexts(el)).to.include('Won').and.not.include('Leads');
  });

  it('German locale: axis ticks, ROI and money in German', async () => {
    const el = await roiChart(euro(), { locale: 'de-DE' });
    const texts = chartTexts(el);
    expect(texts).to.include.members(['+240 %', '−30 %', 'k. A.', '0 %']);
    expect(tableRow(el, 0)).to.equal('Webinar|18.000 €|61.200 €|+240 %|400|120|30');
    expect(plain(one(el, '[part="headline"]')!.textContent!)).to.equal('ROI +102 %');
    expect(all(el, 'table th').map((t) => t.textContent)).to.include('Kampagne');
  });

  it('currency overrides the unit, and without any unit money is a plain number', async () => {
    const el = await roiChart(euro(), { locale: 'en-US' });
    el.currency = 'USD';
    await el.updateComplete;
    expect(tableRow(el, 0)).to.contain('$18,000');
    const plainFrame: MetricFrame = { rows: campaigns, asOf: Date.now() };
    el.currency = undefined;
    el.source = staticSource({ campaigns: plainFrame });
    await drawn(el);
    expect(tableRow(el, 0)).to.equal('Webinar|18,000|61,200|+240%|400|120|30');
  });

  it('bad input (NaN, null, text, negative cost, missing fields, duplicates) gives defined output', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await roiChart({
        rows: [
          { campaign: 'A', cost: Number.NaN, revenue: 10 },
          { campaign: 'A', cost: '100', revenue: '150' },
          { campaign: null, cost: -5, revenue: 10 },
          { campaign: 'C', cost: 10, revenue: 'lots', leads: -3 },
          { other: 1 },
        ],
        asOf: Date.now(),
      });
      expect(markKeys(el)).to.have.length(5);
      expect(new Set(markKeys(el)).size).to.equal(5);
      expect(chartTexts(el)).to.include('+50%');
      expect(everyText(el)).to.not.match(/NaN|Infinity/);
      expect(tableRow(el, 1)).to.match(/^A\|—\|€?10\|n\/a/);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('no rows: the empty view', async () => {
    const el = await fixture<CrmCampaignRoi>(html`<crm-campaign-roi metric="campaigns" .source=${staticSource({ campaigns: [] })}></crm-campaign-roi>`);
    await waitUntil(() => el.state === 'empty', 'never empty', { timeout: 4000 });
    expect(one(el, '[part="empty"]')).to.exist;
    await expect(el).to.be.accessible();
  });
});

describe('<crm-campaign-roi> scatter', () => {
  it('cost runs right, revenue up; bubble area is proportional to leads', async () => {
    const el = await roiChart(euro(), { view: 'scatter' });
    const dot = (key: string) => all(el, '.mark').find((m) => m.dataset.key === key)!.querySelector('circle.dot')!;
    expect(num(dot('Search ads'), 'r') / num(dot('Webinar'), 'r')).to.be.closeTo(Math.sqrt(900 / 400), 1e-6);
    expect(num(dot('Trade fair'), 'cx')).to.be.above(num(dot('Search ads'), 'cx'));
    expect(num(dot('Search ads'), 'cy')).to.be.below(num(dot('Trade fair'), 'cy'));
    // The no-cost campaign sits on the revenue axis, hollow.
    expect(num(dot('Referral'), 'cx')).to.be.below(num(dot('Webinar'), 'cx'));
    expect(all(el, '.mark').find((m) => m.dataset.key === 'Referral')!.classList.contains('none')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('the break-even diagonal separates gains (above) from losses (below)', async () => {
    const el = await roiChart(euro(), { view: 'scatter' });
    const d = one(el, '.diagonal')!;
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => num(d, a)) as [number, number, number, number];
    const side = (key: string) => {
      const c = all(el, '.mark').find((m) => m.dataset.key === key)!.querySelector('circle.dot')!;
      return Math.sign((x2 - x1) * (num(c, 'cy') - y1) - (y2 - y1) * (num(c, 'cx') - x1));
    };
    expect(side('Webinar')).to.equal(side('Search ads'));
    expect(side('LinkedIn ABM')).to.equal(-side('Webinar'));
    expect(chartTexts(el)).to.include('Break-even');
  });

  it('axis ticks are money in the locale', async () => {
    const el = await roiChart(euro(), { view: 'scatter' });
    expect(chartTexts(el)).to.include.members(['€0', '↑ Revenue', 'Cost →']);
    expect(chartTexts(el).some((t) => /^€\d+K$/.test(t))).to.be.true;
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(chartTexts(el)).to.include.members(['0 €', '↑ Umsatz', 'Kosten →']);
  });
});
