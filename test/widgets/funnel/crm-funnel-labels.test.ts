import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/funnel.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import { chartTexts, drawn, expectLabelsApart, expectLabelsClearOf } from './chart-helpers.js';
import type { Row } from '../../helpers/sources.js';

const pipeline: Row[] = [
  { stage: 'Lead', value: 1851 },
  { stage: 'Qualified', value: 948 },
  { stage: 'Proposal', value: 413 },
  { stage: 'Negotiation', value: 206 },
  { stage: 'Won', value: 99 },
];
const long: Row[] = Array.from({ length: 10 }, (_, i) => ({ stage: `Stage with a rather long name ${i + 1}`, value: Math.round(100_000 * 0.8 ** i) }));

async function funnel(rows: Row[], width: number, height: number, orientation: 'vertical' | 'horizontal', locale = 'en-US') {
  const el = await fixture<CrmFunnel>(
    html`<crm-funnel metric="funnel" label="Pipeline" locale=${locale} orientation=${orientation} style="width: ${width}px; height: ${height}px" .source=${staticSource({ funnel: rows })}></crm-funnel>`,
  );
  await drawn(el);
  return el;
}

describe('<crm-funnel> labels never overlap and are never clipped', () => {
  for (const orientation of ['vertical', 'horizontal'] as const) {
    for (const [width, height] of [[280, 200], [240, 160], [200, 120], [360, 140], [900, 420]] as const) {
      for (const [name, rows] of [['5 stages', pipeline], ['10 long stages', long]] as const) {
        it(`${orientation}, ${width}×${height}, ${name}`, async () => {
          const el = await funnel(rows, width, height, orientation);
          const count = expectLabelsApart(el);
          expectLabelsClearOf(el, '.bar');
          expect(count, 'a tile this size has room for some labels').to.be.greaterThan(0);
        });
      }
    }
  }

  it('a 280×200 tile labels every stage of a 5-stage pipeline with its name, value and step conversion', async () => {
    const el = await funnel(pipeline, 280, 200, 'vertical');
    const texts = chartTexts(el);
    expect(texts).to.include.members(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', '948', '413', '206', '99']);
    expect(texts.filter((t) => t.startsWith('↓'))).to.have.length(4);
  });

  it('a wide panel writes both conversions in full', async () => {
    const el = await funnel(pipeline, 900, 420, 'vertical');
    expect(chartTexts(el)).to.include.members(['1,851', '↓ 51.2% · 51.2% overall', '↓ 48.1% · 5.3% overall']);
  });

  it('German numbers are wider and still fit apart', async () => {
    const el = await funnel(pipeline.map((r) => ({ ...r, value: (r.value as number) * 1000 })), 280, 200, 'horizontal', 'de-DE');
    expectLabelsApart(el);
  });

  it('labels re-fit when the widget is resized', async () => {
    const el = await funnel(pipeline, 900, 420, 'vertical');
    el.style.width = '220px';
    el.style.height = '150px';
    await drawn(el);
    await new Promise((r) => setTimeout(r, 50));
    await drawn(el);
    expectLabelsApart(el);
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('width')).to.equal(String(el.shadowRoot!.querySelector('.plot')!.clientWidth));
  });
});

describe('<crm-funnel> stage names use the room there is', () => {
  const longer: Row[] = [
    { stage: 'Marketing qualified', value: 1840 },
    { stage: 'Sales accepted lead', value: 957 },
    { stage: 'Proposal sent', value: 690 },
    { stage: 'Contract negotiation', value: 520 },
    { stage: 'Closed won', value: 394 },
  ];

  it('a tall narrow vertical funnel writes a long name on two lines instead of cutting it', async () => {
    const el = await funnel(longer, 280, 520, 'vertical');
    const texts = chartTexts(el);
    expect(texts.filter((t) => t.endsWith('…'))).to.deep.equal([]);
    const second = [...el.shadowRoot!.querySelectorAll('[data-label^="name2-"]')];
    expect(second.length, 'no name took a second line').to.be.greaterThan(0);
    expectLabelsApart(el);
    expectLabelsClearOf(el, '.bar');
  });

  it('a short one shortens the same names, and never lets them overlap', async () => {
    const el = await funnel(longer, 280, 200, 'vertical');
    expect(el.shadowRoot!.querySelectorAll('[data-label^="name2-"]')).to.have.length(0);
    expectLabelsApart(el);
  });

  it('a narrow horizontal funnel staggers names over two lines where they are wider than their stage', async () => {
    const el = await funnel(pipeline, 280, 260, 'horizontal');
    expect(chartTexts(el)).to.include.members(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won']);
    const tops = new Set([...el.shadowRoot!.querySelectorAll('[data-label^="name-"]')].map((t) => Math.round(t.getBoundingClientRect().top)));
    expect(tops.size).to.equal(2);
    expectLabelsApart(el);
  });

  it('values take one notation: compact for all when the largest does not fit in full', async () => {
    const el = await funnel(pipeline.map((r) => ({ ...r, value: (r.value as number) * 1_000_000 })), 220, 200, 'horizontal');
    const values = [...el.shadowRoot!.querySelectorAll('[data-label^="value-"]')].map((t) => t.textContent!);
    expect(values.length).to.be.greaterThan(0);
    for (const v of values) expect(v, `"${v}" is not compact`).to.match(/[KMB]$/);
  });
});
