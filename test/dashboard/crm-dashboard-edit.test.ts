import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/dashboard.js';
import { staticSource } from '../../src/data/index.js';
import type { CrmConfigChangeEvent, CrmDashboard, DashboardConfig } from '../../src/dashboard.js';
import { RecordingSource, crmAnswer, shadow, widget, widgetsOf } from './helpers.js';

const CONFIG: DashboardConfig = {
  title: 'Sales',
  widgets: [
    { type: 'kpi', id: 'rev', metric: 'revenue', label: 'Revenue', x: 0, y: 0, w: 3, h: 3 },
    { type: 'funnel', id: 'funnel', metric: 'funnel', label: 'Pipeline', x: 3, y: 0, w: 6, h: 5 },
  ],
};

const button = (el: CrmDashboard, part: string) => shadow(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
const cellOf = (el: CrmDashboard, id: string) => shadow(el).querySelector<HTMLElement>(`[data-cell-id="${id}"]`)!;
const key = (target: Element, k: string, shiftKey = false) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true, cancelable: true }));

async function editable(source: RecordingSource | ReturnType<typeof staticSource>, config: DashboardConfig = CONFIG) {
  const el = await fixture<CrmDashboard>(html`<crm-dashboard editable locale="en-US" style="display:block; width: 1200px" .source=${source} .config=${config}></crm-dashboard>`);
  await el.updateComplete;
  button(el, 'edit').click();
  await waitUntil(() => shadow(el).querySelector('[data-grid-handle="move"]'), 'edit mode did not load');
  return el;
}

describe('<crm-dashboard editable>', () => {
  it('Edit shows handles; a keyboard move fires crm-config-change, and that config renders the same layout again', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await editable(source);
    expect(shadow(el).querySelectorAll('[data-grid-handle="move"]').length).to.equal(2);
    const move = cellOf(el, 'rev').querySelector<HTMLElement>('[data-grid-handle="move"]')!;
    expect(move.getAttribute('aria-label')).to.equal('Move Revenue');
    const changed = oneEvent(el, 'crm-config-change');
    move.focus();
    key(move, 'ArrowDown');
    const { detail } = (await changed) as CrmConfigChangeEvent;
    const rev = detail.config.widgets.find((w) => w.id === 'rev')!;
    expect([rev.x, rev.y]).to.deep.equal([0, 1]);
    await el.updateComplete;
    expect(cellOf(el, 'rev').style.gridRow).to.equal('2 / span 3');

    // The config the host saved renders the same dashboard.
    const saved = JSON.parse(JSON.stringify(detail.config)) as DashboardConfig;
    const again = await fixture<CrmDashboard>(html`<crm-dashboard style="display:block; width: 1200px" .source=${source} .config=${saved}></crm-dashboard>`);
    await again.updateComplete;
    for (const id of ['rev', 'funnel']) {
      expect(cellOf(again, id).style.gridColumn, id).to.equal(cellOf(el, id).style.gridColumn);
      expect(cellOf(again, id).style.gridRow, id).to.equal(cellOf(el, id).style.gridRow);
    }
  });

  it('Shift+arrow resizes, remove removes the widget and its subscription', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await editable(source);
    for (const w of widgetsOf(el)) await waitUntil(() => w.getAttribute('state') === 'ready');
    const move = cellOf(el, 'funnel').querySelector<HTMLElement>('[data-grid-handle="move"]')!;
    move.focus();
    const resized = oneEvent(el, 'crm-config-change');
    key(move, 'ArrowRight', true);
    const { detail } = (await resized) as CrmConfigChangeEvent;
    expect(detail.config.widgets.find((w) => w.id === 'funnel')!.w).to.equal(7);
    const active = source.active;
    const removed = oneEvent(el, 'crm-config-change');
    cellOf(el, 'rev').querySelector<HTMLButtonElement>('[part~="edit-remove"]')!.click();
    const after = (await removed) as CrmConfigChangeEvent;
    expect(after.detail.config.widgets.map((w) => w.id)).to.deep.equal(['funnel']);
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-widget-id="rev"]')).to.equal(null);
    await waitUntil(() => source.active === active - 1, `${source.active} open`);
  });

  it('Add widget lists the catalog and adds "Win rate → KPI" in two clicks', async () => {
    const source = staticSource({ revenue: [{ value: 10 }], win_rate: [{ value: 0.31 }], funnel: [{ stage: 'Lead', value: 5 }] }, { catalog: [{ metric: 'win_rate', label: 'Win rate', kinds: ['kpi', 'leaderboard'], unit: '%' }] });
    const el = await editable(source);
    button(el, 'add').click();
    const pick = await waitUntil(() => shadow(el).querySelector<HTMLButtonElement>('[aria-label="Add Win rate as KPI"]'), 'the catalog was not listed').then(() => shadow(el).querySelector<HTMLButtonElement>('[aria-label="Add Win rate as KPI"]')!);
    const changed = oneEvent(el, 'crm-config-change');
    pick.click();
    const { detail } = (await changed) as CrmConfigChangeEvent;
    const added = detail.config.widgets.at(-1)!;
    expect(added).to.include({ type: 'kpi', metric: 'win_rate' });
    await el.updateComplete;
    const kpi = widget(el, added.id);
    await waitUntil(() => kpi.getAttribute('state') === 'ready');
    expect(kpi.shadowRoot!.querySelector('[part~="value"]')!.textContent!.trim()).to.equal('31%');
    // Done leaves edit mode: no handles, the widgets stay.
    button(el, 'done').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-grid-handle]')).to.equal(null);
    expect(widgetsOf(el)).to.have.length(3);
  });

  it('speaks the dashboard’s language in edit mode (German)', async () => {
    const source = new RecordingSource(crmAnswer);
    const el = await fixture<CrmDashboard>(html`<crm-dashboard editable locale="de-DE" .source=${source} .config=${{ widgets: [{ type: 'kpi', id: 'rev', metric: 'revenue', label: 'Umsatz' }] }}></crm-dashboard>`);
    expect(button(el, 'edit').textContent!.trim()).to.equal('Bearbeiten');
    button(el, 'edit').click();
    await waitUntil(() => shadow(el).querySelector('[data-grid-handle="move"]'));
    expect(shadow(el).querySelector('[data-grid-handle="move"]')!.getAttribute('aria-label')).to.equal('Umsatz verschieben');
    expect(button(el, 'add').textContent!.trim()).to.equal('Widget hinzufügen');
  });
});
