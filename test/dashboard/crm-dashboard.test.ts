import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/dashboard.js';
import '../../src/kpi.js';
import '../../src/funnel.js';
import '../../src/leaderboard.js';
import '../../src/records.js';
import type { CrmConfigChangeEvent, CrmDashboard, DashboardConfig } from '../../src/dashboard.js';
import type { CrmFunnel } from '../../src/funnel.js';
import type { CrmKpi } from '../../src/kpi.js';
import type { CrmRecords } from '../../src/records.js';
import { RecordingSource, chips, crmAnswer, shadow, widget, widgetsOf } from './helpers.js';

const ready = (el: Element) => waitUntil(() => el.getAttribute('state') === 'ready', `${el.localName} is ${el.getAttribute('state')}`, { timeout: 5000 });
const kpiValue = (el: Element) => el.shadowRoot!.querySelector('[part~="value"]')?.textContent?.trim();
const stageMark = (funnel: CrmFunnel, stage: string) => [...funnel.shadowRoot!.querySelectorAll<SVGGElement>('[data-key]')].find((m) => m.getAttribute('aria-label')?.startsWith(stage))!;
const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));

const CONFIG: DashboardConfig = {
  title: 'Sales',
  range: 'this_quarter',
  widgets: [
    { type: 'kpi', id: 'rev', metric: 'revenue', label: 'Revenue', x: 0, y: 0, w: 4, h: 3 },
    { type: 'funnel', id: 'funnel', metric: 'funnel', label: 'Pipeline', x: 4, y: 0, w: 8, h: 5 },
    { type: 'leaderboard', id: 'reps', metric: 'agents', label: 'Reps', x: 0, y: 5, w: 6, h: 4 },
  ],
};

async function dashboard(source: RecordingSource, extra: Partial<CrmDashboard> = {}, config: DashboardConfig = CONFIG) {
  const el = await fixture<CrmDashboard>(html`<crm-dashboard locale="en-US" style="display:block; width: 1100px" .source=${source} .config=${config} ...=${extra}></crm-dashboard>`);
  Object.assign(el, extra);
  await el.updateComplete;
  for (const w of widgetsOf(el)) await ready(w);
  return el;
}

describe('<crm-dashboard> gives its widgets a context', () => {
  it('source, range and filters reach every widget query; a widget’s own attribute wins', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await fixture<CrmDashboard>(html`<crm-dashboard locale="en-US" range="this_month" filters="region=EMEA" .source=${source}>
      <crm-kpi id="inherits" metric="revenue"></crm-kpi>
      <crm-kpi id="own" metric="revenue" range="today" filters="region=APAC" compare="previous_year"></crm-kpi>
    </crm-dashboard>`);
    await ready(el.querySelector('#inherits')!);
    await ready(el.querySelector('#own')!);
    const asked = source.asked('revenue').map(({ range, filters, compare }) => ({ range, filters, compare }));
    expect(asked).to.deep.include({ range: 'this_month', filters: { region: 'EMEA' }, compare: 'previous_period' });
    expect(asked).to.deep.include({ range: 'today', filters: { region: 'APAC' }, compare: 'previous_year' });
    // Filtered numbers: the region halves the revenue in the test source.
    expect(kpiValue(el.querySelector('#inherits')!)).to.equal('500');
  });

  it('a new range re-queries every widget once, and identical queries share one upstream subscription', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await fixture<CrmDashboard>(html`<crm-dashboard .source=${source}>
      <crm-kpi metric="revenue"></crm-kpi>
      <crm-kpi metric="revenue" label="Revenue again"></crm-kpi>
      <crm-funnel metric="funnel"></crm-funnel>
    </crm-dashboard>`);
    for (const w of widgetsOf(el)) await ready(w);
    expect(source.active).to.equal(2);
    const before = source.queries.length;
    el.range = 'today';
    await waitUntil(() => source.queries.length - before === 2, `asked ${source.queries.length - before} times`);
    for (const w of widgetsOf(el)) await ready(w);
    await new Promise((r) => setTimeout(r, 100));
    const after = source.queries.slice(before);
    expect(after.map((q) => `${q.metric}:${q.range}`).sort()).to.deep.equal(['funnel:today', 'revenue:today']);
    expect(source.active).to.equal(2);
  });

  it('theme and locale flow to widgets that set none', async () => {
    const source = new RecordingSource(() => [{ value: 12345.5 }]);
    const el = await fixture<CrmDashboard>(html`<crm-dashboard theme="dark" locale="de-DE" .source=${source}>
      <crm-kpi id="a" metric="revenue"></crm-kpi>
      <crm-kpi id="b" metric="revenue" theme="light" locale="en-US"></crm-kpi>
    </crm-dashboard>`);
    const [a, b] = [el.querySelector('#a')!, el.querySelector('#b')!];
    await ready(a);
    await ready(b);
    expect(a.getAttribute('crm-theme')).to.equal('dark');
    expect(b.getAttribute('crm-theme')).to.equal('light');
    expect(getComputedStyle(a.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor).to.not.equal(getComputedStyle(b.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor);
    expect(kpiValue(a)).to.equal('12.345,5');
    expect(kpiValue(b)).to.match(/^12(,345\.5|\.3K)$/);
  });

  it('leaves no subscription open after the dashboard is removed', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source);
    expect(source.active).to.equal(3);
    el.remove();
    await waitUntil(() => source.active === 0, `${source.active} left open`);
  });
});

describe('<crm-dashboard cross-filter>', () => {
  it('a funnel stage becomes a chip, the other widgets ask with it, the stage is highlighted; removing the chip goes back', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source, { crossFilter: true });
    const rev = widget<CrmKpi>(el, 'rev');
    const funnel = widget<CrmFunnel>(el, 'funnel');
    expect(kpiValue(rev)).to.equal('1,000');
    const drilled = oneEvent(el, 'crm-drilldown');
    click(stageMark(funnel, 'Proposal'));
    const event = await drilled;
    // Still dispatched for hosts, and cancelled by the dashboard (which handled it).
    expect(event.detail.filters).to.deep.equal({ stage: 'Proposal' });
    expect(event.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Stage: Proposal']);
    await waitUntil(() => kpiValue(rev) === '500', `revenue reads ${kpiValue(rev)}`);
    expect(source.asked('revenue').at(-1)!.filters).to.deep.equal({ stage: 'Proposal' });
    expect(source.asked('agents').at(-1)!.filters).to.deep.equal({ stage: 'Proposal' });
    // The origin does not filter itself: it highlights the mark.
    expect(source.asked('funnel').every((q) => !q.filters)).to.equal(true);
    await waitUntil(() => stageMark(funnel, 'Proposal').getAttribute('data-selected') === 'true');
    expect(stageMark(funnel, 'Lead').getAttribute('data-selected')).to.equal('false');
    expect(stageMark(funnel, 'Proposal').getAttribute('aria-current')).to.equal('true');

    shadow(el).querySelector<HTMLButtonElement>('[part~="chip-remove"]')!.click();
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
    await waitUntil(() => kpiValue(rev) === '1,000');
    expect(source.asked('revenue').at(-1)!.filters).to.equal(undefined);
    await waitUntil(() => !stageMark(funnel, 'Lead').hasAttribute('data-selected'));
  });

  it('Escape clears the cross-filter; a leaderboard agent filters by owner', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source, { crossFilter: true });
    const reps = widget(el, 'reps');
    click(reps.shadowRoot!.querySelector('.row[data-key]')!);
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Owner: a1']);
    await waitUntil(() => source.asked('funnel').at(-1)!.filters?.owner === 'a1');
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
    await waitUntil(() => source.asked('funnel').at(-1)!.filters === undefined);
  });

  it('a host that cancels the drill-down first keeps it for itself', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source, { crossFilter: true });
    const funnel = widget<CrmFunnel>(el, 'funnel');
    funnel.addEventListener('crm-drilldown', (e) => e.preventDefault());
    click(stageMark(funnel, 'Lead'));
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
  });
});

describe('<crm-dashboard> drill to the records', () => {
  it('without cross-filter a stage opens its records; Back and Escape return', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source, { filters: { region: 'EMEA' } });
    click(stageMark(widget<CrmFunnel>(el, 'funnel'), 'Proposal'));
    await el.updateComplete;
    const panel = shadow(el).querySelector('[part~="records-panel"]')!;
    expect(panel).to.exist;
    expect(shadow(el).querySelector<HTMLElement>('[part~="grid"]')!.hidden).to.equal(true);
    const records = panel.querySelector<CrmRecords>('crm-records')!;
    await ready(records);
    // The mark's filter and the dashboard's own, the dashboard's period.
    expect(source.asked('funnel_records').at(-1)).to.deep.include({ metric: 'funnel_records', range: 'this_quarter', filters: { region: 'EMEA', stage: 'Proposal' } });
    expect(records.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('Records behind Pipeline: Proposal');
    const names = [...records.shadowRoot!.querySelectorAll('[part~="primary"]')].map((c) => c.textContent!.trim());
    expect(names).to.include('<b>Globex</b>');
    expect(records.shadowRoot!.querySelector('b')).to.equal(null);
    expect(shadow(el).activeElement?.getAttribute('part')).to.contain('back');

    shadow(el).querySelector<HTMLButtonElement>('[part~="back"]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="records-panel"]')).to.equal(null);
    expect(shadow(el).querySelector<HTMLElement>('[part~="grid"]')!.hidden).to.equal(false);

    click(widget(el, 'rev').shadowRoot!.querySelector('[part~="base"]')!);
    await el.updateComplete;
    expect(shadow(el).querySelector('crm-records')!.metric).to.equal('revenue_records');
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="records-panel"]')).to.equal(null);
  });

  it('drill="records" opens records even with cross-filter; records-metric names the list', async () => {
    const source = new RecordingSource(crmAnswer);
    const config: DashboardConfig = { widgets: [{ type: 'funnel', id: 'f', metric: 'funnel', drill: 'records', 'records-metric': 'funnel_records', x: 0, y: 0 }] };
    const el = await dashboard(source, { crossFilter: true }, config);
    click(stageMark(widget<CrmFunnel>(el, 'f'), 'Won'));
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
    expect(shadow(el).querySelector<CrmRecords>('crm-records')!.filters).to.deep.equal({ stage: 'Won' });
  });
});

describe('<crm-dashboard> controls', () => {
  it('the period picker re-queries with the range and fires crm-config-change with the whole config', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source);
    const select = shadow(el).querySelector<HTMLSelectElement>('[part~="period"] select')!;
    expect(select.value).to.equal('this_quarter');
    const changed = oneEvent(el, 'crm-config-change');
    select.value = 'this_month';
    select.dispatchEvent(new Event('change'));
    const { detail } = (await changed) as CrmConfigChangeEvent;
    expect(detail.config.range).to.equal('this_month');
    expect(detail.config.widgets.map((w) => w.id)).to.deep.equal(['rev', 'funnel', 'reps']);
    expect(JSON.parse(JSON.stringify(detail.config))).to.deep.equal(detail.config);
    await waitUntil(() => source.asked('revenue').at(-1)!.range === 'this_month');
  });

  it('a custom interval is applied as an ISO interval and shown in words', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source);
    const select = shadow(el).querySelector<HTMLSelectElement>('[part~="period"] select')!;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const form = shadow(el).querySelector<HTMLFormElement>('[part~="custom-range"]')!;
    (form.elements.namedItem('from') as HTMLInputElement).value = '2026-10-01';
    (form.elements.namedItem('to') as HTMLInputElement).value = '2026-12-31';
    form.requestSubmit();
    await el.updateComplete;
    expect(el.currentConfig.range).to.equal('2026-10-01/2026-12-31');
    await waitUntil(() => source.asked('funnel').at(-1)!.range === '2026-10-01/2026-12-31');
    const shown = shadow(el).querySelector<HTMLSelectElement>('[part~="period"] select')!;
    expect(shown.selectedOptions[0]!.textContent).to.equal('Oct 1, 2026 – Dec 31, 2026');
  });

  it('filter selects set dashboard filters shown as chips; a chip removes its filter', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source, { filterOptions: 'region=EMEA,APAC;channel=direct,partner' });
    const region = shadow(el).querySelectorAll<HTMLSelectElement>('[part~="filter"] select')[0]!;
    region.value = 'APAC';
    region.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Region: APAC']);
    await waitUntil(() => kpiValue(widget(el, 'rev')) === '500');
    expect(el.currentConfig.filters).to.deep.equal({ region: 'APAC' });
    shadow(el).querySelector<HTMLButtonElement>('[part~="chip-remove"]')!.click();
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
    await waitUntil(() => kpiValue(widget(el, 'rev')) === '1,000');
  });
});

describe('<crm-dashboard> config', () => {
  it('places widgets on the grid where the config says, in proportion to their cells', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source);
    const box = (id: string) => widget(el, id).getBoundingClientRect();
    const [rev, funnel, reps] = [box('rev'), box('funnel'), box('reps')];
    expect(funnel.left).to.be.greaterThan(rev.right);
    expect(Math.abs(funnel.top - rev.top)).to.be.below(1);
    expect(reps.top).to.be.greaterThan(funnel.bottom - 1);
    // 8 columns against 4, less one gap: twice as wide, nearly.
    expect(funnel.width / rev.width).to.be.closeTo(2, 0.1);
    expect(shadow(el).querySelector('[part~="title"]')!.textContent).to.equal('Sales');
  });

  it('reads a <script type="application/json"> child; unknown types and bad entries give placeholders with the reason', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await fixture<CrmDashboard>(html`<crm-dashboard .source=${source}>
      <script type="application/json">
        { "title": "From JSON", "widgets": [
          { "type": "kpi", "id": "rev", "metric": "revenue" },
          { "type": "chart", "id": "c", "metric": "x" },
          { "type": "kpi", "id": "nometric" },
          { "type": "kpi", "id": "evil", "metric": "revenue", "onclick": "alert(1)", "label": "<img src=x onerror=alert(1)>" }
        ] }
      </script>
    </crm-dashboard>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="title"]')!.textContent).to.equal('From JSON');
    const placeholders = [...shadow(el).querySelectorAll('[part~="placeholder"]')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    expect(placeholders).to.have.length(2);
    expect(placeholders[0]).to.contain('chart');
    const evil = widget(el, 'evil');
    expect(evil.hasAttribute('onclick')).to.equal(false);
    await ready(evil);
    expect(evil.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('a config that is not JSON shows why, and never throws', async () => {
    const source = new RecordingSource(crmAnswer);
    for (const config of ['{ not json', 42, null, { widgets: 'no' }, [], { widgets: [null, 7, 'x', { type: {} }] }]) {
      const el = await fixture<CrmDashboard>(html`<crm-dashboard .source=${source} .config=${config as never}></crm-dashboard>`);
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('[part~="placeholder"], [part~="empty"]').length, JSON.stringify(config)).to.be.greaterThan(0);
    }
  });

  it('storage-key: a change is saved, and a new dashboard with the key renders the saved one', async () => {
    const key = `crm-test-${Math.random()}`;
    const source = new RecordingSource(crmAnswer);
    try {
      const el = await dashboard(source, { storageKey: key });
      const select = shadow(el).querySelector<HTMLSelectElement>('[part~="period"] select')!;
      select.value = 'today';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(JSON.parse(localStorage.getItem(key)!).range).to.equal('today');
      el.remove();
      const again = await dashboard(source, { storageKey: key }, { widgets: [] });
      expect(widgetsOf(again).map((w) => w.dataset['widgetId'])).to.deep.equal(['rev', 'funnel', 'reps']);
      expect(shadow(again).querySelector<HTMLSelectElement>('[part~="period"] select')!.value).to.equal('today');
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('on a tablet each widget takes twice its columns, in reading order', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await fixture<CrmDashboard>(html`<div style="width: 800px"><crm-dashboard locale="en-US" .source=${source} .config=${CONFIG}></crm-dashboard></div>`).then((d) => d.firstElementChild as CrmDashboard);
    for (const w of widgetsOf(el)) await ready(w);
    const grid = shadow(el).querySelector('[part~="grid"]')!.getBoundingClientRect();
    const [rev, funnel, reps] = ['rev', 'funnel', 'reps'].map((id) => widget(el, id).getBoundingClientRect());
    // 4 of 12 columns become 8: two thirds of the row, less a gap; 8 becomes the whole row.
    expect(rev!.width / grid.width).to.be.closeTo(8 / 12, 0.03);
    expect(funnel!.width).to.be.closeTo(grid.width, 1);
    expect(funnel!.top).to.be.greaterThan(rev!.bottom - 1);
    expect(reps!.top).to.be.greaterThan(funnel!.bottom - 1);
  });

  it('is one column on a phone, in reading order, without horizontal scrolling', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await fixture<CrmDashboard>(html`<div style="width: 390px"><crm-dashboard locale="en-US" .source=${source} .config=${CONFIG}></crm-dashboard></div>`).then((d) => d.firstElementChild as CrmDashboard);
    for (const w of widgetsOf(el)) await ready(w);
    const boxes = ['rev', 'funnel', 'reps'].map((id) => widget(el, id).getBoundingClientRect());
    for (const b of boxes) expect(b.width).to.be.closeTo(el.getBoundingClientRect().width, 1);
    expect(boxes[1]!.top).to.be.greaterThan(boxes[0]!.bottom - 1);
    expect(boxes[2]!.top).to.be.greaterThan(boxes[1]!.bottom - 1);
    expect(el.scrollWidth).to.be.at.most(390);
  });

  it('is accessible: no serious axe violations with chips and the records panel', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source, { crossFilter: true, filterOptions: 'region=EMEA,APAC', filters: { region: 'EMEA' } });
    click(stageMark(widget<CrmFunnel>(el, 'funnel'), 'Proposal'));
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
