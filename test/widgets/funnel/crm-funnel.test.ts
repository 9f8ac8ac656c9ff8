import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/funnel.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import { all, chartTexts, drawn, everyText, num, one, plain, tableRow } from './chart-helpers.js';
import type { Row } from '../../helpers/sources.js';

const stages = (...values: Array<Row['value']>): Row[] => values.map((value, i) => ({ stage: ['Lead', 'Opportunity', 'Won', 'Extra', 'More'][i] ?? `S${i}`, value }));

async function funnel(rows: Row[], size = 'width: 600px; height: 320px') {
  const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" style=${size} .source=${staticSource({ funnel: rows })}></crm-funnel>`);
  await drawn(el);
  return el;
}

const barWidths = (el: CrmFunnel) => all(el, '.bar').map((b) => num(b, 'width'));
const barHeights = (el: CrmFunnel) => all(el, '.bar').map((b) => num(b, 'height'));

describe('<crm-funnel> shows the numbers', () => {
  it('1000 → 400 → 100: 40 % and 25 % step conversion, 10 % overall at the last stage', async () => {
    const el = await funnel(stages(1000, 400, 100));
    const texts = chartTexts(el);
    expect(texts).to.include.members(['Lead', 'Opportunity', 'Won', '1,000', '400', '100']);
    expect(texts.join(' ')).to.contain('↓ 40% · 40% overall').and.contain('↓ 25% · 10% overall');
    expect(one(el, '[part="headline"]')!.textContent!.trim()).to.equal('10% overall');
    expect(tableRow(el, 1)).to.equal('Opportunity|400|40%|40%|600');
    expect(tableRow(el, 2)).to.equal('Won|100|25%|10%|300');
    await expect(el).to.be.accessible();
  });

  it('bar lengths are proportional to the values, each stage in its own band, top to bottom', async () => {
    const el = await funnel(stages(1000, 400, 100));
    const [a, b, c] = barWidths(el);
    expect(b! / a!).to.be.closeTo(0.4, 1e-6);
    expect(c! / a!).to.be.closeTo(0.1, 1e-6);
    const ys = all(el, '.bar').map((r) => num(r, 'y'));
    expect(ys[0]).to.be.below(ys[1]!);
    expect(ys[1]).to.be.below(ys[2]!);
    // The drawn bars really are that size on screen.
    const rendered = all(el, '.bar').map((r) => r.getBoundingClientRect().width);
    expect(rendered[1]! / rendered[0]!).to.be.closeTo(0.4, 0.01);
  });

  it('orientation="horizontal": stages run left to right, column heights proportional', async () => {
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" orientation="horizontal" style="width: 600px; height: 320px" .source=${staticSource({ funnel: stages(800, 200) })}></crm-funnel>`);
    await drawn(el);
    const [a, b] = barHeights(el);
    expect(b! / a!).to.be.closeTo(0.25, 1e-6);
    const xs = all(el, '.bar').map((r) => num(r, 'x'));
    expect(xs[0]).to.be.below(xs[1]!);
    expect(chartTexts(el).join(' ')).to.contain('→ 25%');
    await expect(el).to.be.accessible();
  });

  it('conversion="step" and "overall" write only that conversion on the chart', async () => {
    const el = await funnel(stages(1000, 400, 100));
    el.conversion = 'step';
    await el.updateComplete;
    expect(chartTexts(el)).to.include.members(['↓ 40%', '↓ 25%']);
    expect(chartTexts(el).join(' ')).to.not.contain('overall');
    el.conversion = 'overall';
    await el.updateComplete;
    expect(chartTexts(el)).to.include.members(['40% overall', '10% overall']);
  });

  it('a first stage of 0 gives "n/a" conversions, never NaN or Infinity', async () => {
    const el = await funnel(stages(0, 0, 0));
    expect(tableRow(el, 1)).to.equal('Opportunity|0|n/a|n/a|0');
    expect(one(el, '[part="headline"]')!.textContent).to.contain('n/a');
    expect(everyText(el)).to.not.match(/NaN|Infinity|∞/);
    for (const w of barWidths(el)) expect(w).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('one stage: its value, 100 % overall, no step and no headline', async () => {
    const el = await funnel([{ stage: 'Lead', value: 250 }]);
    expect(chartTexts(el)).to.deep.equal(['Lead', '250']);
    expect(tableRow(el, 0)).to.equal('Lead|250||100%|');
    expect(one(el, '[part="headline"]')).to.equal(null);
  });

  it('zero stages: the empty view', async () => {
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" .source=${staticSource({ funnel: [] })}></crm-funnel>`);
    await waitUntil(() => el.state === 'empty', 'never empty', { timeout: 4000 });
    expect(one(el, '[part="empty"]')!.textContent).to.contain('No data');
    await expect(el).to.be.accessible();
  });

  it('a stage larger than the one before is drawn larger and flagged in words and colour', async () => {
    const el = await funnel(stages(100, 150, 60));
    const [a, b] = barWidths(el);
    expect(b! / a!).to.be.closeTo(1.5, 1e-6);
    const marks = all(el, '.mark');
    expect(marks[1]!.classList.contains('increased')).to.be.true;
    expect(marks[2]!.classList.contains('increased')).to.be.false;
    expect(chartTexts(el).join(' ')).to.contain('▲ 150%');
    expect(tableRow(el, 1)).to.contain('150% (more than the previous stage)');
    expect(marks[1]!.getAttribute('aria-label')).to.contain('more than the previous stage');
  });

  it('NaN, null, text and negatives show "—" and the chart keeps working', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await funnel([
        { stage: 'Lead', value: 500 },
        { stage: 'MQL', value: Number.NaN },
        { stage: 'SQL', value: 'lots' },
        { stage: 'Deal', value: -4 },
        { stage: null, value: null },
        { stage: 'Won', value: '50' },
      ]);
      expect(tableRow(el, 1)).to.equal('MQL|—|n/a|n/a|');
      expect(tableRow(el, 4)).to.match(/^Stage 5\|—/);
      expect(tableRow(el, 5)).to.equal('Won|50|n/a|10%|');
      expect(everyText(el)).to.not.match(/NaN|Infinity/);
      expect(warnings.length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('stage-field and value-field read other field names', async () => {
    const source = staticSource({ funnel: [{ phase: 'Visit', count: 10 }, { phase: 'Signup', count: 4 }] });
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" stage-field="phase" value-field="count" style="width: 500px; height: 240px" .source=${source}></crm-funnel>`);
    await drawn(el);
    expect(tableRow(el, 1)).to.equal('Signup|4|40%|40%|6');
    el.valueField = 'nothing';
    await el.updateComplete;
    expect(tableRow(el, 1)).to.equal('Signup|—|n/a|n/a|');
  });

  it('German locale: German numbers, words and "k. A."', async () => {
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="de-DE" style="width: 600px; height: 320px" .source=${staticSource({ funnel: stages(2000, 500, 0) })}></crm-funnel>`);
    await drawn(el);
    expect(chartTexts(el)).to.include('2.000');
    expect(chartTexts(el).join(' ')).to.contain('↓ 25 % · 25 % gesamt');
    expect(plain(one(el, '[part="headline"]')!.textContent!)).to.equal('0 % gesamt');
    expect(all(el, 'table th').map((t) => t.textContent)).to.include('Konversion gesamt');
    const zero = staticSource({ funnel: stages(0, 5) });
    el.source = zero;
    await drawn(el);
    expect(tableRow(el, 1)).to.contain('k. A.');
  });

  it('format="currency" writes money: a pipeline value funnel', async () => {
    const source = staticSource({ funnel: [{ stage: 'Open', value: 1_200_000 }, { stage: 'Won', value: 300_000 }] });
    const el = await fixture<CrmFunnel>(html`<crm-funnel metric="funnel" locale="en-US" format="currency" currency="USD" style="width: 640px; height: 240px" .source=${source}></crm-funnel>`);
    await drawn(el);
    expect(chartTexts(el)).to.include('$1,200,000');
    expect(tableRow(el, 1)).to.equal('Won|$300,000|25%|25%|$900,000');
  });

  it('a screen-reader summary names the chart, its ends and the overall conversion', async () => {
    const el = await funnel(stages(1000, 400, 100));
    el.label = 'Pipeline';
    await el.updateComplete;
    const summary = 'Pipeline: 3 stages, from Lead (1,000) to Won (100), 10% overall conversion.';
    expect(one(el, 'svg')!.getAttribute('aria-label')).to.equal(summary);
    expect(one(el, 'table caption')!.textContent).to.equal(summary);
    expect(one(el, '[part="label"]')!.textContent).to.equal('Pipeline');
  });
});
