import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/campaign-roi.js';
import type { CrmCampaignRoi } from '../../../src/campaign-roi.js';
import { staticSource } from '../../../src/data/index.js';
import type { Row } from '../../helpers/sources.js';
import { all, chartTexts, drawn, expectLabelsApart, expectLabelsClearOf, num, one } from '../funnel/chart-helpers.js';
import { campaigns, euro } from './campaigns.js';

const many: Row[] = Array.from({ length: 14 }, (_, i) => ({
  campaign: `Regional campaign number ${i + 1} with a long name`,
  cost: 10_000 + i * 7_000,
  revenue: (10_000 + i * 7_000) * (0.4 + ((i * 37) % 17) / 6),
  leads: 20 + ((i * 53) % 300),
  opportunities: 5 + i,
  won: i,
}));

async function roiChart(rows: Row[], view: 'bars' | 'scatter', width: number, height: number, columns = '', locale = 'en-US') {
  const el = await fixture<CrmCampaignRoi>(
    html`<crm-campaign-roi metric="campaigns" label="Campaign ROI" locale=${locale} view=${view} metric-columns=${columns} style="width: ${width}px; height: ${height}px" .source=${staticSource({ campaigns: euro(rows) })}></crm-campaign-roi>`,
  );
  await drawn(el);
  return el;
}

/**
 * Asserts that the break-even diagonal runs through no label (a name across it hides its side),
 * except its own caption, which sits on it: the line passes through the caption's centre.
 */
function expectLabelsOffDiagonal(el: CrmCampaignRoi): void {
  const line = one(el, '.diagonal');
  expect(line, 'no break-even diagonal').to.exist;
  const svg = one(el, '.plot > svg')!.getBoundingClientRect();
  const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => num(line!, a)) as [number, number, number, number];
  const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1));
  const caption = one<HTMLElement>(el, '.plot [data-label="break-even"]');
  if (caption) {
    const c = caption.getBoundingClientRect();
    const [cx, cy] = [c.left + c.width / 2 - svg.left, c.top + c.height / 2 - svg.top];
    const distance = Math.abs((y2 - y1) * cx - (x2 - x1) * cy + x2 * y1 - y2 * x1) / Math.hypot(x2 - x1, y2 - y1);
    expect(distance, 'the break-even caption is off its line').to.be.below(1.5);
  }
  for (const label of all(el, '.plot [data-label]')) {
    if ((label as Element) === caption) continue;
    const box = label.getBoundingClientRect();
    for (let k = 0; k <= steps; k++) {
      const x = svg.left + x1 + ((x2 - x1) * k) / steps;
      const y = svg.top + y1 + ((y2 - y1) * k) / steps;
      const crosses = x > box.left + 1 && x < box.right - 1 && y > box.top + 1 && y < box.bottom - 1;
      expect(crosses, `the break-even diagonal runs through "${label.textContent}"`).to.be.false;
    }
  }
}

describe('<crm-campaign-roi> labels never overlap, are never clipped, and stay off the break-even line', () => {
  for (const view of ['bars', 'scatter'] as const) {
    for (const [width, height] of [[280, 200], [240, 160], [200, 120], [420, 150], [960, 420]] as const) {
      for (const [name, rows] of [['5 campaigns', campaigns], ['14 long names', many]] as const) {
        it(`${view}, ${width}×${height}, ${name}`, async () => {
          const el = await roiChart(rows, view, width, height, view === 'bars' ? 'leads,opportunities,won' : '');
          const count = expectLabelsApart(el);
          expectLabelsClearOf(el, view === 'bars' ? '.bar' : 'circle.dot', '.inside');
          expect(count).to.be.greaterThan(0);
          if (view === 'scatter') expectLabelsOffDiagonal(el);
        });
      }
    }
  }

  it('a 280×200 tile with many campaigns shows its top campaigns and "Others", each row labelled', async () => {
    const el = await roiChart(many, 'bars', 280, 200);
    const rows = all(el, '.mark').length;
    expect(rows).to.be.within(3, 13);
    const texts = chartTexts(el);
    expect(texts.some((t) => t.startsWith('Others ('))).to.be.true;
    // Every row has its ROI written.
    expect(all(el, '.plot [data-label].roi')).to.have.length(rows);
  });

  it('count columns that do not fit are left out from the right, not squeezed, and the chart says how many', async () => {
    const el = await roiChart(campaigns, 'bars', 300, 220, 'leads,opportunities,won');
    const texts = chartTexts(el);
    expect(texts).to.not.include('Won');
    const shown = ['Leads', 'Opps', 'Won'].filter((h) => texts.includes(h)).length;
    expect(texts).to.include(`+${3 - shown} ${3 - shown === 1 ? 'column' : 'columns'}`);
    expectLabelsApart(el);
  });

  it('German money on the scatter axes fits apart', async () => {
    const el = await roiChart(campaigns, 'scatter', 280, 200, '', 'de-DE');
    expectLabelsApart(el);
  });
});

describe('<crm-campaign-roi> names use their row', () => {
  it('a tall narrow tile writes a long campaign name on two lines instead of cutting it', async () => {
    const rows = campaigns.map((c, i) => (i === 0 ? { ...c, campaign: 'Spring webinar series for enterprises' } : c));
    const el = await roiChart(rows, 'bars', 280, 420);
    expect(chartTexts(el).filter((t) => t.endsWith('…'))).to.deep.equal([]);
    expect(all(el, '[data-label^="name2-"]')).to.have.length(1);
    expectLabelsApart(el);
    expectLabelsClearOf(el, '.bar');
  });

  it('a gain\'s name runs on over the room losses take left of the break-even line', async () => {
    const el = await roiChart([{ campaign: 'Autumn partner roadshow', cost: 10_000, revenue: 30_000 }, { campaign: 'Ads', cost: 10_000, revenue: 1_000 }], 'bars', 300, 160);
    const name = one<HTMLElement>(el, '[data-label="name-0"]')!;
    const loss = one<HTMLElement>(el, '[data-label="roi-1"]')!;
    expect(name.textContent).to.equal('Autumn partner roadshow');
    // The gain's name reaches past where the loss's ROI label starts.
    expect(name.getBoundingClientRect().right).to.be.above(loss.getBoundingClientRect().left);
    expectLabelsApart(el);
  });
});
