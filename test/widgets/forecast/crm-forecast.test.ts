import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { staticSource } from '../../../src/data/index.js';
import type { CrmForecast } from '../../../src/forecast.js';
import { all, drawn, everyText, one, plain, tableRow } from '../funnel/chart-helpers.js';
import { direct, forecast, label, partner, segments } from './helpers.js';

/** Collects console warnings while `run` runs. */
async function warnings(run: () => Promise<unknown>): Promise<string[]> {
  const warn = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => seen.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return seen;
}

describe('<crm-forecast> shows the numbers', () => {
  it('the known case: closed 600K, call 850K, 85 % of 1M, "150K to go"', async () => {
    const el = await forecast(direct);
    expect(label(el, 'status-0')).to.equal('85% of 1M · 150K to go');
    expect(label(el, 'caption-0')).to.match(/^Closed 600K · Call 850K/);
    expect(plain(one(el, '[part="headline"]')!.textContent!)).to.equal('85% of 1M');
    expect(tableRow(el, 0)).to.equal('direct|600,000|250,000|150,000|400,000|850,000|1,000,000|85%|150,000 to go|');
    // One group: no total row.
    expect(all(el, 'table tbody tr').length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('segment lengths are proportional to the values on one scale shared by every group', async () => {
    const el = await forecast([...direct, ...partner]);
    const values: Record<string, number[]> = { direct: [600_000, 250_000, 150_000, 400_000], partner: [100_000, 50_000, 200_000, 300_000] };
    const perUnit: number[] = [];
    for (const group of ['direct', 'partner']) {
      const segs = segments(el, group);
      expect(segs.map((s) => s.category)).to.deep.equal(['closed', 'commit', 'best_case', 'pipeline']);
      segs.forEach((s, i) => perUnit.push(s.width / values[group]![i]!));
      // Stacked: each segment starts where the one before ends, all from the same start.
      for (let i = 1; i < segs.length; i++) expect(segs[i]!.x).to.be.closeTo(segs[i - 1]!.x + segs[i - 1]!.width, 1e-6);
      expect(segs[0]!.x).to.equal(segments(el, 'direct')[0]!.x);
    }
    for (const k of perUnit) expect(k).to.be.closeTo(perUnit[0]!, 1e-9);
    // The longest bar (direct's 1.4M) spans the plot; the quota marker sits at 1M on the same scale.
    const quota = all(el, '.quota').filter((q) => q.closest('.group'))[0]!;
    const start = segments(el, 'direct')[0]!.x;
    expect(Number(quota.getAttribute('x')) + 1 - start).to.be.closeTo(1_000_000 * perUnit[0]!, 1e-6);
    // The drawn rects really are that size on screen.
    const rects = all(el, '.seg').map((r) => r.getBoundingClientRect().width);
    expect(rects[1]! / rects[0]!).to.be.closeTo(250 / 600, 0.01);
  });

  it('a total row with more than one group: amounts added, quota of both', async () => {
    const el = await forecast([...direct, ...partner]);
    expect(label(el, 'name-t')).to.equal('Total');
    // Call 850K + 150K = 1M of 1.5M: 67 %, 500K to go.
    expect(label(el, 'status-t')).to.equal('67% of 1.5M · 500K to go');
    expect(tableRow(el, 2)).to.equal('Total|700,000|300,000|350,000|700,000|1,000,000|1,500,000|67%|500,000 to go|');
    expect(label(el, 'status-1')).to.equal('30% of 500K · 350K to go');
    await expect(el).to.be.accessible();
  });

  it('over quota says so: "40K over"', async () => {
    const el = await forecast([{ category: 'closed', value: 900_000, quota: 1_000_000 }, { category: 'commit', value: 140_000 }]);
    expect(label(el, 'status-0')).to.equal('104% of 1M · 40K over');
    expect(label(el, 'name-0')).to.equal('All');
  });

  it('quota 0: attainment "n/a", no marker, never Infinity', async () => {
    const el = await forecast(direct.map((r) => (r.quota ? { ...r, quota: 0 } : r)));
    expect(label(el, 'status-0')).to.equal('n/a · Quota 0');
    expect(tableRow(el, 0)).to.contain('|850,000|0|n/a||');
    expect(all(el, '.group .quota').length).to.equal(0);
    expect(everyText(el)).to.not.match(/Infinity|NaN|∞/);
  });

  it('missing quota: no marker and no attainment, not "0 %"', async () => {
    const el = await forecast([...direct.map(({ quota: _q, ...r }) => r), ...partner]);
    expect(label(el, 'status-0')).to.equal('no quota');
    expect(all(el, '.group')[0]!.querySelector('.quota')).to.equal(null);
    expect(all(el, '.group')[1]!.querySelector('.quota')).to.not.equal(null);
    expect(tableRow(el, 0)).to.equal('direct|600,000|250,000|150,000|400,000|850,000|—|||');
    // The total has no quota either: half a quota would mislead.
    expect(label(el, 'status-t')).to.equal('no quota');
    expect(plain(one(el, '[part="headline"]')!.textContent!)).to.equal('Call 1M');
    expect(label(el, 'status-0')! + label(el, 'status-t')).to.not.contain('%');
  });

  it('the quota attribute wins over the rows: for the whole, or per group', async () => {
    const el = await forecast(direct, { quota: '2000000' });
    expect(label(el, 'status-0')).to.equal('43% of 2M · 1.2M to go');
    const two = await forecast([...direct, ...partner], { quota: 'direct:850000, partner:150000' });
    expect(label(two, 'status-0')).to.equal('100% of 850K · 0 over');
    expect(label(two, 'status-1')).to.equal('100% of 150K · 0 over');
  });

  it('omitted is listed, never summed', async () => {
    const el = await forecast([...direct, { channel: 'direct', category: 'Omitted', value: 80_000 }]);
    const plainBar = await forecast(direct);
    expect(segments(el, 'direct')).to.deep.equal(segments(plainBar, 'direct'));
    expect(label(el, 'status-0')).to.equal('85% of 1M · 150K to go');
    expect(label(el, 'caption-0')).to.contain('Omitted 80K (not summed)');
    expect(tableRow(el, 0)).to.match(/\|850,000\|.*\|Omitted 80K$/);
  });

  it('unknown categories are listed, not summed, with one console warning', async () => {
    let el!: CrmForecast;
    const seen = await warnings(async () => {
      el = await forecast([...direct, { channel: 'direct', category: 'Renewal', value: 70_000 }]);
    });
    expect(label(el, 'status-0')).to.equal('85% of 1M · 150K to go');
    expect(label(el, 'caption-0')).to.contain('Renewal 70K (not summed)');
    expect(segments(el, 'direct').map((s) => s.category)).to.not.include('renewal');
    expect(seen.join()).to.contain('unknown category "Renewal"');
  });

  it('Salesforce spellings ("Best Case") and repeated rows (one per rep) are read and added', async () => {
    const el = await forecast([
      { channel: 'direct', category: 'Closed', value: 400_000, quota: 1_000_000 },
      { channel: 'direct', category: 'Closed', value: 200_000 },
      { channel: 'direct', category: 'Commit', value: 250_000 },
      { channel: 'direct', category: 'Best Case', value: '150000' },
    ]);
    expect(label(el, 'status-0')).to.equal('85% of 1M · 150K to go');
    expect(tableRow(el, 0)).to.match(/^direct\|600,000\|250,000\|150,000\|/);
  });

  it('negative and non-numeric values: "—" with the reason, shown as a warning on the chart, the rest still adds up', async () => {
    let el!: CrmForecast;
    const seen = await warnings(async () => {
      el = await forecast([
        { channel: 'direct', category: 'closed', value: 600_000, quota: 1_000_000 },
        { channel: 'direct', category: 'commit', value: -5 },
        { channel: 'direct', category: 'best_case', value: 'lots' },
        { channel: 'direct', category: 'pipeline', value: Number.NaN },
      ]);
    });
    expect(label(el, 'warn-0')).to.equal('⚠ Commit: no usable value · Best case: no usable value · Pipeline: no usable value'.replace(/ · (?=\w)/g, ' · ⚠ '));
    expect(tableRow(el, 0)).to.equal('direct|600,000|— (no usable value)|— (no usable value)|— (no usable value)|600,000|1,000,000|60%|400,000 to go|');
    expect(all(el, '.mark.warning').length).to.equal(3);
    expect(everyText(el)).to.not.match(/NaN|Infinity/);
    expect(seen.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('amounts="cumulative": levels become segments; commit larger than best case is flagged "not cumulative" and counted as 0', async () => {
    const el = await forecast(
      [
        { category: 'closed', value: 600_000, quota: 1_000_000 },
        { category: 'commit', value: 850_000 },
        { category: 'best_case', value: 700_000 },
        { category: 'pipeline', value: 1_400_000 },
      ],
      { amounts: 'cumulative' },
    );
    expect(label(el, 'status-0')).to.equal('85% of 1M · 150K to go');
    const segs = segments(el, '');
    expect(segs[2]!.width).to.equal(0);
    expect(segs[3]!.width / segs[0]!.width).to.be.closeTo(550 / 600, 1e-9);
    expect(label(el, 'warn-0')).to.equal('⚠ Best case: not cumulative');
    expect(tableRow(el, 0)).to.contain('0 (below the category before, counted as 0)');
  });

  it('categories renames and reorders; the call is the first two', async () => {
    const el = await forecast(
      [
        { category: 'won', value: 500, quota: 1000 },
        { category: 'likely', value: 200 },
        { category: 'maybe', value: 100 },
      ],
      { categories: 'won:Won,likely:Likely,maybe:Upside' },
    );
    expect(all(el, '[data-label^="legend"]').map((t) => t.textContent)).to.deep.equal(['Won', 'Likely', 'Upside', 'Quota']);
    expect(label(el, 'caption-0')).to.match(/^Won 500 · Call 700/);
    expect(label(el, 'status-0')).to.equal('70% of 1K · 300 to go');
  });

  it('hostile strings are text: no markup from a group or category name', async () => {
    const evil = '<img src=x onerror="window.hacked=1">';
    const el = await forecast([{ group: evil, category: 'closed', value: 5, quota: 10 }, { group: evil, category: `<b>${evil}</b>`, value: 3 }]);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    expect(tableRow(el, 0).startsWith(evil)).to.be.true;
    expect(label(el, 'name-0')).to.contain('<img');
  });

  it('German: German numbers and words', async () => {
    const el = await forecast([...direct, ...partner], { locale: 'de-DE' });
    expect(label(el, 'status-0')).to.equal('85 % von 1 Mio. · noch 150.000');
    expect(label(el, 'caption-0')).to.match(/^Abgeschlossen 600.000 · Prognose 850.000/);
    expect(label(el, 'name-t')).to.equal('Gesamt');
    expect(all(el, 'table th').map((t) => t.textContent)).to.include('Zielerreichung');
    const none = await forecast(direct.map((r) => (r.quota ? { ...r, quota: 0 } : r)), { locale: 'de-DE' });
    expect(label(none, 'status-0')).to.equal('k. A. · Quote 0');
  });

  it('money from the field unit, in a small tile: compact everywhere on the chart, no overlap or clipping', async () => {
    const source = staticSource({ forecast: [...direct, ...partner] }, { fields: { forecast: [{ name: 'value', type: 'number', unit: 'EUR' }] } });
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" style="width: 320px; height: 260px" .source=${source}></crm-forecast>`);
    await drawn(el);
    expect(label(el, 'status-0')).to.equal('85% of €1M · €150K to go');
    expect(tableRow(el, 0)).to.contain('€850,000');
    const { expectLabelsApart } = await import('../funnel/chart-helpers.js');
    expect(expectLabelsApart(el)).to.be.greaterThan(4);
  });

  it('zero rows: the empty view', async () => {
    const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" locale="en-US" .source=${staticSource({ forecast: [] })}></crm-forecast>`);
    await waitUntil(() => el.state === 'empty', `state is ${el.state}`);
    await expect(el).to.be.accessible();
  });
});
