import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../../src/kpi.js';
import { registerSource, unregisterSource } from '../../../src/data/index.js';
import { demoSource } from '../../../src/demo.js';
import type { CrmStateEvent } from '../../../src/events/crm-state.js';
import type { CrmKpi } from '../../../src/kpi.js';
import { ManualSource, frame, frames } from '../../helpers/sources.js';
import { expectChurnLeavesNothingOpen } from '../../helpers/churn.js';
import { rendersDuringBurst } from '../../helpers/render-count.js';

const value = (el: CrmKpi) => el.shadowRoot!.querySelector('[part~="value"]')?.textContent?.trim();
const ready = (el: CrmKpi) => waitUntil(() => el.getAttribute('state') === 'ready', 'never ready', { timeout: 4000 });

describe('<crm-kpi> live', () => {
  afterEach(() => unregisterSource('crm'));

  it('renders at most once per animation frame however fast frames arrive, and shows the last', async () => {
    const source = new ManualSource(frame([{ value: 0 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="m" .source=${source}></crm-kpi>`);
    await ready(el);
    const renders = await rendersDuringBurst(el, (i) => source.emit([{ value: i }]), 200);
    expect(renders).to.be.within(1, 2);
    expect(value(el)).to.equal('200');
  });

  it('20 widgets on one query open one upstream subscription, and removing them closes it', async () => {
    const source = new ManualSource(frame([{ value: 1 }]));
    registerSource('crm', source);
    const wrap = await fixture<HTMLDivElement>(html`<div>${Array.from({ length: 20 }, () => html`<crm-kpi source="crm" metric="revenue"></crm-kpi>`)}</div>`);
    await waitUntil(() => [...wrap.querySelectorAll('crm-kpi')].every((k) => k.state === 'ready'));
    expect(source.opened).to.equal(1);
    expect(source.active).to.equal(1);
    wrap.remove();
    expect(source.active).to.equal(0);
  });

  it('mounting and removing a live KPI 300 times leaves no upstream subscription open', async () => {
    const source = new ManualSource(frame([{ value: 1 }]));
    await expectChurnLeavesNothingOpen(
      source,
      300,
      (i) => Object.assign(document.createElement('crm-kpi'), { metric: i % 2 ? 'revenue' : 'win_rate', source }),
      (el) => el.updateComplete,
      50,
    );
  });

  it('a live demo KPI removed and re-added resubscribes, and a removed one is closed', async () => {
    const demo = demoSource({ seed: 3, intervalMs: 30 });
    let open = 0;
    registerSource('crm', { query: (q) => { open++; return demo.query(q); } });
    const el = await fixture<CrmKpi>(html`<crm-kpi source="crm" metric="revenue"></crm-kpi>`);
    await ready(el);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await ready(el);
    expect(open).to.equal(2);
  });

  it('changing the metric switches the subscription: the old query is closed', async () => {
    const source = new ManualSource(frame([{ value: 1 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="a" .source=${source}></crm-kpi>`);
    await ready(el);
    el.metric = 'b';
    await el.updateComplete;
    expect(source.queries.map((q) => q.metric)).to.deep.equal(['a', 'b']);
    expect(source.active).to.equal(1);
    el.range = 'today';
    await el.updateComplete;
    expect(source.queries.at(-1)).to.deep.include({ metric: 'b', range: 'today' });
    expect(source.active).to.equal(1);
  });

  it('announces changes politely, not the first value, and at most every few seconds', async () => {
    const source = new ManualSource(frame([{ value: 1 }]));
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="deals" locale="en-US" .source=${source}></crm-kpi>`);
    await ready(el);
    const live = () => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();
    expect(live()).to.equal('');
    source.emit([{ value: 2 }]);
    await waitUntil(() => live() !== '');
    expect(live()).to.equal('Deals: 2');
    source.emit([{ value: 3 }]);
    await frames(3);
    expect(live()).to.equal('Deals: 2'); // the next announcement waits its turn
  });

  it('fires crm-state on each change of state', async () => {
    const source = new ManualSource();
    const states: string[] = [];
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="m" stale-after="1000" .source=${source} @crm-state=${(e: CrmStateEvent) => states.push(e.detail.state)}></crm-kpi>`);
    source.emit([{ value: 1 }]);
    await waitUntil(() => el.state === 'stale', 'never stale', { timeout: 4000 });
    source.emit([]);
    await waitUntil(() => el.state === 'empty', 'never empty', { timeout: 4000 });
    expect(states).to.deep.equal(['ready', 'stale', 'empty']);
  });

  afterEach(() => fixtureCleanup());
});
