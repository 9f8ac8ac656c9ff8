import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/dashboard.js';
import '../../src/kpi.js';
import '../../src/funnel.js';
import '../../src/leaderboard.js';
import '../../src/records.js';
import type { CrmConfigChangeEvent, CrmDashboard, DashboardConfig } from '../../src/dashboard.js';
import type { MetricQuery } from '../../src/data/types.js';
import type { CrmFunnel } from '../../src/funnel.js';
import { RecordingSource, chips, crmAnswer, shadow, widget, widgetsOf } from './helpers.js';

const ready = (el: Element) => waitUntil(() => el.getAttribute('state') === 'ready', `${el.localName} is ${el.getAttribute('state')}`, { timeout: 5000 });
const stageMark = (funnel: CrmFunnel, stage: string) => [...funnel.shadowRoot!.querySelectorAll<SVGGElement>('[data-key]')].find((m) => m.getAttribute('aria-label')?.startsWith(stage))!;
const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
const select = (el: CrmDashboard, part: string) => shadow(el).querySelector<HTMLSelectElement>(`[part~="${part}"] select`)!;
const pick = (s: HTMLSelectElement, value: string) => {
  s.value = value;
  s.dispatchEvent(new Event('change'));
};

const CONFIG: DashboardConfig = {
  widgets: [
    { type: 'kpi', id: 'rev', metric: 'revenue', x: 0, y: 0 },
    { type: 'funnel', id: 'funnel', metric: 'funnel', label: 'Pipeline', x: 3, y: 0 },
  ],
};

async function dashboard(source: RecordingSource, extra: Partial<CrmDashboard> = {}, config: DashboardConfig = CONFIG) {
  const el = await fixture<CrmDashboard>(html`<crm-dashboard locale="en-US" style="display:block; width: 1100px" .source=${source} .config=${config}></crm-dashboard>`);
  Object.assign(el, extra);
  await el.updateComplete;
  for (const w of widgetsOf(el)) await ready(w);
  return el;
}

describe('<crm-dashboard> lifecycle', () => {
  it('widgets defined before the dashboard (their entry imported first) still take its context', async function () {
    this.timeout(20_000);
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe src="/test/dashboard/order/index-order.html" style="width: 600px; height: 400px"></iframe>`);
    await waitUntil(() => (iframe.contentWindow as Window & { asked?: MetricQuery[] }).asked?.length, 'nothing asked', { timeout: 15_000 });
    const asked = (iframe.contentWindow as Window & { asked: MetricQuery[] }).asked;
    await waitUntil(() => asked.some((q) => q.range === 'today'), `asked ${JSON.stringify(asked)}`);
    expect(asked.at(-1)).to.deep.include({ metric: 'revenue', range: 'today', filters: { region: 'EMEA' } });
  });

  it('a selection ends with its widget: removed by a new config, or cross-filter turned off', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source, { crossFilter: true });
    click(stageMark(widget<CrmFunnel>(el, 'funnel'), 'Lead'));
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Stage: Lead']);
    el.config = { widgets: [CONFIG.widgets[0]!] };
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
    await waitUntil(() => source.asked('revenue').at(-1)!.filters === undefined);

    el.config = CONFIG;
    await el.updateComplete;
    await ready(widget(el, 'funnel'));
    click(stageMark(widget<CrmFunnel>(el, 'funnel'), 'Won'));
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Stage: Won']);
    el.crossFilter = false;
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([]);
  });

  it('the user’s period wins over the page’s range, and comes back from storage', async () => {
    const key = `crm-test-${Math.random()}`;
    const source = new RecordingSource(crmAnswer);
    try {
      const el = await dashboard(source, { storageKey: key, range: 'this_month' });
      expect(select(el, 'period').value).to.equal('this_month');
      pick(select(el, 'period'), 'today');
      await el.updateComplete;
      expect(el.range).to.equal('this_month');
      await waitUntil(() => source.asked('revenue').at(-1)!.range === 'today');
      el.remove();
      const again = await dashboard(source, { storageKey: key, range: 'this_month' });
      expect(select(again, 'period').value).to.equal('today');
      // A config the host sets later wins over the saved one.
      again.config = { range: 'this_year', widgets: [{ type: 'kpi', id: 'other', metric: 'revenue' }] };
      await again.updateComplete;
      expect(widgetsOf(again).map((w) => w.dataset['widgetId'])).to.deep.equal(['other']);
      expect(JSON.parse(localStorage.getItem(key)!).widgets[0].id).to.equal('other');
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('hostile filters and foreign crm-drilldown events cost nothing', async () => {
    const source = new RecordingSource(crmAnswer);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    const el = await dashboard(source, { filters: { a: [1n as unknown as number], b: cyclic as never, c: NaN, d: [{}] as never, region: 'EMEA' } as never });
    await waitUntil(() => source.asked('revenue').at(-1)!.filters?.region === 'EMEA');
    expect(source.asked('revenue').at(-1)!.filters).to.deep.equal({ region: 'EMEA' });
    widget(el, 'rev').dispatchEvent(new CustomEvent('crm-drilldown', { bubbles: true, composed: true }));
    widget(el, 'rev').dispatchEvent(new CustomEvent('crm-drilldown', { bubbles: true, composed: true, detail: { metric: 'x', filters: {} } }));
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="records-panel"]')).to.equal(null);
  });

  it('Back from the records gives focus back to the mark; the open panel is accessible', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await dashboard(source);
    const funnel = widget<CrmFunnel>(el, 'funnel');
    const mark = stageMark(funnel, 'Proposal');
    (mark as unknown as HTMLElement).focus();
    mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await el.updateComplete;
    const records = shadow(el).querySelector('crm-records')!;
    await ready(records);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part~="back"]')!.click();
    await waitUntil(() => funnel.shadowRoot!.activeElement?.getAttribute('data-key') === mark.getAttribute('data-key'), 'focus did not come back to the stage');
  });

  it('a tile moved below another comes after it in the page (and Tab) order', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await fixture<CrmDashboard>(html`<crm-dashboard editable .source=${source} .config=${CONFIG} style="display:block; width: 1100px"></crm-dashboard>`);
    shadow(el).querySelector<HTMLButtonElement>('[part~="edit"]')!.click();
    await waitUntil(() => shadow(el).querySelector('[data-grid-handle="move"]'));
    expect(shadow(el).activeElement?.getAttribute('part')).to.contain('done');
    const move = shadow(el).querySelector('[data-cell-id="rev"]')!.querySelector<HTMLElement>('[data-grid-handle="move"]')!;
    move.focus();
    const changed = oneEvent(el, 'crm-config-change');
    for (let i = 0; i < 6; i++) move.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true }));
    const { detail } = (await changed) as CrmConfigChangeEvent;
    await el.updateComplete;
    const last = el.currentConfig.widgets.map((w) => w.id);
    expect(detail.config.widgets.length).to.equal(2);
    expect(last).to.deep.equal(['funnel', 'rev']);
    expect([...shadow(el).querySelectorAll('[data-cell-id]')].map((c) => c.getAttribute('data-cell-id'))).to.deep.equal(['funnel', 'rev']);
  });
});
