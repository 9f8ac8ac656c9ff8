import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/kpi.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmKpi } from '../../../src/kpi.js';

const text = (el: CrmKpi, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const ready = (el: CrmKpi) => waitUntil(() => el.getAttribute('state') === 'ready', 'never ready', { timeout: 4000 });

describe('<crm-kpi> writes its own words in the locale, and a source\'s label as sent', () => {
  it('de-DE without a label: the heading it derives from the metric is German, beside "ggü. Vorperiode"', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" format="currency" currency="EUR" locale="de-DE" .source=${staticSource({ revenue: [{ value: 1234567, previous: 1000000 }] })}></crm-kpi>`);
    await ready(el);
    expect(text(el, 'label')).to.equal('Umsatz');
    expect(text(el, 'delta')).to.contain('ggü. Vorperiode');
  });

  it('en-US derives "Revenue"; a metric without German words keeps its name in any locale', async () => {
    const source = staticSource({ revenue: [{ value: 1, previous: 1 }], net_promoter_score: [{ value: 42 }] });
    const en = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="en-US" .source=${source}></crm-kpi>`);
    const de = await fixture<CrmKpi>(html`<crm-kpi metric="net_promoter_score" locale="de-DE" .source=${source}></crm-kpi>`);
    await ready(en);
    await ready(de);
    expect(text(en, 'label')).to.equal('Revenue');
    expect(text(de, 'label')).to.equal('Net promoter score');
  });

  it('a field label from the source is used as sent, whatever the locale; the page\'s label wins over it', async () => {
    const frame = { rows: [{ value: 5000, previous: 4000 }], fields: [{ name: 'value', type: 'number' as const, label: 'Revenue (net)' }], asOf: Date.now() };
    const sent = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="de-DE" .source=${staticSource({ revenue: frame })}></crm-kpi>`);
    const own = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="de-DE" label="Nettoumsatz" .source=${staticSource({ revenue: frame })}></crm-kpi>`);
    await ready(sent);
    await ready(own);
    expect(text(sent, 'label')).to.equal('Revenue (net)');
    expect(text(own, 'label')).to.equal('Nettoumsatz');
  });

  it('the empty and error views are in the locale too', async () => {
    const el = await fixture<CrmKpi>(html`<crm-kpi metric="revenue" locale="de-DE" .source=${staticSource({ revenue: [] })}></crm-kpi>`);
    await waitUntil(() => el.getAttribute('state') === 'empty', 'never empty', { timeout: 4000 });
    expect(text(el, 'empty')).to.equal('Keine Daten für diesen Zeitraum');
    expect(text(el, 'label')).to.equal('Umsatz');
  });
});
