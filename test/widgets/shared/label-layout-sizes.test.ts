import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Observable } from 'rxjs';
import '../../../src/campaign-roi.js';
import '../../../src/funnel.js';
import '../../../src/kpi.js';
import '../../../src/leaderboard.js';
import type { CrmCampaignRoi } from '../../../src/campaign-roi.js';
import type { MetricFrame, MetricSource } from '../../../src/data/types.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { DEMO_AGENTS, DEMO_CAMPAIGNS } from '../../../src/data/demo-catalog.js';
import type { Row } from '../../helpers/sources.js';
import { frames } from '../../helpers/sources.js';
import { all, chartTexts, drawn, expectLabelsApart, expectLabelsClearOf, num, one, plain, settled, tableRow } from '../funnel/chart-helpers.js';
import { rows as boardRows } from '../leaderboard/helpers.js';

/** Tile widths from a phone column to a wide dashboard, each with a tile height a dashboard gives it. */
const SIZES = [
  [280, 260],
  [410, 300],
  [800, 360],
  [1200, 420],
] as const;

const campaigns: MetricFrame = {
  rows: DEMO_CAMPAIGNS.map((c) => ({ ...c, opportunities: Math.round(c.leads * 0.3), won: Math.round(c.leads * 0.08) })),
  fields: [
    { name: 'cost', type: 'number', unit: 'EUR' },
    { name: 'revenue', type: 'number', unit: 'EUR' },
  ],
  asOf: Date.now(),
};
const names = DEMO_CAMPAIGNS.map((c) => c.campaign);
/** 1,840 leads to 394 won: 21.4 % overall, a ratio that rounds differently to whole percent. */
const pipeline: Row[] = [
  { stage: 'Lead', value: 1840 },
  { stage: 'Qualified', value: 957 },
  { stage: 'Proposal', value: 690 },
  { stage: 'Negotiation', value: 520 },
  { stage: 'Won', value: 394 },
];

const box = (e: Element) => e.getBoundingClientRect();
const overlapsY = (a: DOMRect, b: DOMRect) => a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** A text's width as its label would draw it: a copy of the label with that text, measured. */
function textWidthOf(label: Element, text: string): number {
  const copy = label.cloneNode() as HTMLElement;
  copy.textContent = text;
  copy.removeAttribute('data-label');
  label.parentNode!.append(copy);
  const width = copy.getBoundingClientRect().width;
  copy.remove();
  return width;
}

/**
 * The free room right of a label in its own row: up to the nearest mark or text that shares its
 * line (a bar, another label, the break-even line), else the plot's right edge.
 */
function roomRightOf(el: HTMLElement, label: Element, marks: string): number {
  const a = box(label);
  const plot = box(one<HTMLElement>(el, '.plot')!);
  const others = [...all(el, '.plot [data-label]').filter((t) => t !== label), ...all(el, marks)].map(box).filter((b) => b.width > 0 && overlapsY(a, b) && b.left >= a.left + 1);
  return Math.min(plot.right, ...others.map((b) => b.left)) - a.left;
}

/** Asserts that every name drawn shortened ("…") would not have fitted the free room beside it. */
function expectNoNeedlessCut(el: HTMLElement, fullNames: readonly string[], marks: string, gap: number): number {
  let cut = 0;
  for (const label of all(el, '.plot [data-label^="name-"]')) {
    const text = plain(label.textContent!);
    if (!text.endsWith('…')) continue;
    cut++;
    const full = fullNames.find((n) => n.startsWith(text.slice(0, -1).trimEnd()));
    expect(full, `no name starts like "${text}"`).to.exist;
    const room = roomRightOf(el, label, marks);
    expect(textWidthOf(label, full!) + gap, `"${text}" is cut though "${full}" fits the ${Math.round(room)} px beside it`).to.be.above(room);
  }
  return cut;
}

async function roi(view: 'bars' | 'scatter', width: number, height: number, columns = '') {
  const el = await fixture<CrmCampaignRoi>(
    html`<crm-campaign-roi metric="campaigns" label="Campaign ROI" locale="en-US" view=${view} metric-columns=${columns} style="width: ${width}px; height: ${height}px" .source=${staticSource({ campaigns })}></crm-campaign-roi>`,
  );
  await drawn(el);
  // Labels ride with their marks into place: measure where they end up.
  await settled(el);
  return el;
}

async function funnel(orientation: 'vertical' | 'horizontal', width: number, height: number) {
  const el = await fixture<CrmFunnel>(
    html`<crm-funnel metric="funnel" label="Pipeline" locale="en-US" orientation=${orientation} style="width: ${width}px; height: ${height}px" .source=${staticSource({ funnel: pipeline })}></crm-funnel>`,
  );
  await drawn(el);
  return el;
}

describe('Labels read right at 280, 410, 800 and 1200 px', () => {
  for (const [width, height] of SIZES) {
    describe(`${width}×${height}`, () => {
      it('ROI bars: no overlap, no clipping, no name cut while the room beside it is free', async () => {
        const el = await roi('bars', width, height, 'leads,opportunities,won');
        expectLabelsApart(el);
        expectLabelsClearOf(el, '.bar');
        const cut = expectNoNeedlessCut(el, names, '.bar, .break-even', 6);
        if (width >= 410) expect(cut, 'a tile this wide has room for every campaign name').to.equal(0);
      });

      it('ROI bars: every requested column is drawn or announced', async () => {
        const el = await roi('bars', width, height, 'leads,opportunities,won');
        const texts = chartTexts(el);
        const shown = ['Leads', 'Opps', 'Won'].filter((h) => texts.includes(h));
        // Shown columns are the first ones asked for, in order.
        expect(shown).to.deep.equal(['Leads', 'Opps', 'Won'].slice(0, shown.length));
        const hidden = 3 - shown.length;
        const note = texts.find((t) => /^\+\d+ columns?$/.test(t));
        if (hidden) expect(note, `${hidden} column(s) left out without a word`).to.equal(`+${hidden} ${hidden === 1 ? 'column' : 'columns'}`);
        else expect(note).to.be.undefined;
        if (width >= 800) expect(hidden, 'a wide tile shows every column').to.equal(0);
        // The columns left out are in the tooltip and the data table.
        const mark = all<SVGGElement>(el, '.mark')[0]!;
        mark.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
        await waitUntil(() => one(el, '.tip'), 'no tooltip');
        const tip = plain(one<HTMLElement>(el, '.tip')!.textContent!);
        for (const word of ['Leads', 'Opportunities', 'Won']) expect(tip).to.contain(word);
        const head = all<HTMLElement>(el, 'table thead th').map((th) => plain(th.textContent!));
        expect(head).to.include.members(['Leads', 'Opportunities', 'Won']);
      });

      it('ROI scatter: every bubble is named, by a label, a leader line or a legend number; the caption sits on its line', async () => {
        const el = await roi('scatter', width, height);
        expectLabelsApart(el);
        expectLabelsClearOf(el, 'circle.dot', '.inside');
        const bubbles = all(el, '.mark').length;
        expect(bubbles).to.equal(names.length);
        const label = (id: string) => one<HTMLElement>(el, `.plot [data-label="${id}"]`);
        let named = 0;
        for (let i = 0; i < bubbles; i++) {
          const name = label(`name-${i}`);
          if (name) {
            const text = plain(name.textContent!).replace(/…$/, '');
            expect(names.some((n) => n.startsWith(text)), `"${text}" names no campaign`).to.be.true;
            named++;
            continue;
          }
          const number = label(`number-${i}`);
          const entry = label(`legend-name-${i}`);
          expect(number && entry, `bubble ${i} has no name`).to.be.ok;
          expect(plain(label(`legend-number-${i}`)!.textContent!)).to.equal(plain(number!.textContent!));
          expect(names.some((n) => n.startsWith(plain(entry!.textContent!).replace(/…$/, '')))).to.be.true;
          named++;
        }
        expect(named).to.equal(bubbles);
        // A leader line runs from its bubble's edge to its label's box.
        const svg = box(one(el, '.plot > svg')!);
        for (const leader of all(el, '.leader')) {
          const b = box(label(leader.dataset.leader!)!);
          const [x, y] = [svg.left + num(leader, 'x2'), svg.top + num(leader, 'y2')];
          expect(x).to.be.within(b.left - 3, b.right + 3);
          expect(y).to.be.within(b.top - 3, b.bottom + 3);
        }
        const caption = label('break-even');
        const line = one(el, '.diagonal')!;
        if (width >= 410) expect(caption, 'no break-even caption').to.exist;
        if (caption) {
          const c = box(caption);
          const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => num(line, a)) as [number, number, number, number];
          const [cx, cy] = [c.left + c.width / 2 - svg.left, c.top + c.height / 2 - svg.top];
          expect(Math.abs((y2 - y1) * cx - (x2 - x1) * cy + x2 * y1 - y2 * x1) / Math.hypot(x2 - x1, y2 - y1), 'caption off its line').to.be.below(1.5);
        }
      });

      for (const orientation of ['vertical', 'horizontal'] as const) {
        it(`funnel (${orientation}): no overlap, one notation, no name cut while there is room`, async () => {
          const el = await funnel(orientation, width, height);
          expectLabelsApart(el);
          expectLabelsClearOf(el, '.bar');
          const values = all(el, '.plot [data-label^="value-"]').map((t) => plain(t.textContent!));
          const full = pipeline.map((r) => new Intl.NumberFormat('en-US').format(r.value as number));
          const compact = pipeline.map((r) => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(r.value as number));
          const drawnAs = (list: string[]) => values.every((v) => list.includes(v));
          expect(drawnAs(full) || drawnAs(compact), `mixed notations: ${values.join(', ')}`).to.be.true;
          if (width >= 410) expect(values, 'full numbers fit a tile this wide').to.have.members(full);
          const stageNames = pipeline.map((r) => r.stage as string);
          if (orientation === 'vertical') expectNoNeedlessCut(el, stageNames, '.bar', 8);
          else expect(chartTexts(el).filter((t) => t.endsWith('…')), 'a stage name is cut').to.deep.equal([]);
        });
      }

      it('funnel: the same ratio reads the same in the header, on the chart, in the tooltip and in the table', async () => {
        const el = await funnel('vertical', width, height);
        const headline = plain(one<HTMLElement>(el, '[part="headline"]')!.textContent!);
        expect(headline).to.equal('21.4% overall');
        expect(tableRow(el, 4).split('|')[3]).to.equal('21.4%');
        const last = all<SVGGElement>(el, '.mark').at(-1)!;
        expect(last.getAttribute('aria-label')).to.contain('21.4% overall');
        const lastConversion = one<HTMLElement>(el, '.plot [data-label="conversion-4"]');
        if (lastConversion?.textContent!.includes('overall')) expect(plain(lastConversion.textContent!)).to.contain('21.4% overall');
        last.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
        await waitUntil(() => one(el, '.tip'), 'no tooltip');
        expect(plain(one<HTMLElement>(el, '.tip')!.textContent!)).to.contain('21.4% overall');
      });

      it('leaderboard: names are not cut, and the "You" tag covers neither name nor rank', async () => {
        const agents = DEMO_AGENTS.map((a) => ({ id: a.id, name: a.name, value: Math.round(100 * a.skill) }));
        const el = await fixture<CrmLeaderboard>(
          html`<crm-leaderboard metric="agents" label="Tickets resolved" locale="en-US" limit="5" highlight="a12" style="width: ${width}px" .source=${staticSource({ agents })}></crm-leaderboard>`,
        );
        await waitUntil(() => boardRows(el).length === 6, 'the board never drew its rows');
        await frames(2);
        for (const row of boardRows(el)) {
          const name = row.querySelector<HTMLElement>('.name')!;
          expect(name.scrollWidth, `"${name.textContent}" is cut`).to.be.at.most(name.clientWidth + 0.5);
        }
        const you = one<HTMLElement>(el, '.you')!;
        const row = you.closest('.row')!;
        for (const other of [row.querySelector('.name')!, row.querySelector('.rank [aria-hidden]')!]) {
          const a = box(you);
          const b = box(other);
          const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && overlapsY(a, b);
          expect(overlap, `"You" covers "${other.textContent}"`).to.be.false;
        }
        expect(box(you).bottom).to.be.at.most(box(row).bottom + 0.5);
      });

      it('error views sit in the same place in every widget: filling the body under the heading, content centred', async () => {
        const failing: MetricSource = { query: () => new Observable<MetricFrame>((s) => s.error(new Error('HTTP 500'))) };
        const tiles = await fixture<HTMLElement>(html`<div>
          <crm-kpi metric="revenue" .source=${failing} style="width: ${width}px; height: ${height}px"></crm-kpi>
          <crm-leaderboard metric="agents" .source=${failing} style="width: ${width}px; height: ${height}px"></crm-leaderboard>
          <crm-funnel metric="funnel" .source=${failing} style="width: ${width}px; height: ${height}px"></crm-funnel>
          <crm-campaign-roi metric="campaigns" .source=${failing} style="width: ${width}px; height: ${height}px"></crm-campaign-roi>
        </div>`);
        const widgets = [...tiles.children] as HTMLElement[];
        await waitUntil(() => widgets.every((w) => w.getAttribute('state') === 'error'), 'not every widget showed its error', { timeout: 6000 });
        await frames(2);
        const places = widgets.map((w) => {
          const view = w.shadowRoot!.querySelector('[part="error"]')!;
          const tile = box(w.shadowRoot!.querySelector('.tile')!);
          const header = box(w.shadowRoot!.querySelector('.header')!);
          const content = [...view.children].map(box).filter((b) => b.height > 0);
          const top = Math.min(...content.map((b) => b.top));
          const bottom = Math.max(...content.map((b) => b.bottom));
          const padding = Number.parseFloat(getComputedStyle(w.shadowRoot!.querySelector('.tile')!).paddingBottom);
          // Where the content's middle is between the heading and the tile's inner bottom edge (0.5: centred).
          const body = { top: header.bottom, bottom: tile.bottom - padding - 1 };
          return { tag: w.localName, middle: ((top + bottom) / 2 - body.top) / (body.bottom - body.top), left: Math.min(...content.map((b) => b.left)) - header.left };
        });
        for (const p of places) {
          expect(p.middle, `${p.tag}: error view not centred in its body`).to.be.closeTo(0.5, 0.06);
          expect(p.left, `${p.tag}: error view not at the heading's left edge`).to.be.closeTo(0, 1);
        }
      });
    });
  }
});
