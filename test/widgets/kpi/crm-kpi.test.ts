import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Subject } from 'rxjs';
import '../../../src/kpi.js';
import { registerSource, staticSource, unregisterSource } from '../../../src/data/index.js';
import type { MetricFrame, MetricSource } from '../../../src/data/types.js';
import type { CrmKpi } from '../../../src/kpi.js';

const text = (el: CrmKpi, part: string) => el.shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const ready = (el: CrmKpi, state = 'ready') => waitUntil(() => el.getAttribute('state') === state, `state never became ${state}`);

describe('<crm-kpi>', () => {
  afterEach(() => unregisterSource('crm'));

  it('shows 1234567 vs 1000000 in German currency with a +23,5 % delta', async () => {
    registerSource('crm', staticSource({ revenue: [{ value: 1234567, previous: 1000000 }] }));
    const el = await fixture<CrmKpi>(html`<crm-kpi source="crm" metric="revenue" format="currency" currency="EUR" locale="de-DE"></crm-kpi>`);
    await ready(el);
    expect(text(el, 'value')).to.equal('1.234.567 €');
    expect(text(el, 'delta')).to.contain('+234.567 €').and.contain('+23,5 %');
    expect(el.shadowRoot!.querySelector('.delta')!.classList.contains('tone-good')).to.be.true;
    await expect(el).to.be.accessible();
  });
});
