import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/kpi.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmDrilldownEvent } from '../../../src/events/crm-drilldown.js';
import type { CrmKpi } from '../../../src/kpi.js';

const base = (el: CrmKpi) => el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
const source = staticSource({ revenue: [{ value: 1200, previous: 1000, region: 'EMEA & APAC' }] });

async function kpi(template = html`<crm-kpi metric="revenue" range="this_quarter" .source=${source}></crm-kpi>`) {
  const el = await fixture<CrmKpi>(template);
  await waitUntil(() => el.getAttribute('state') === 'ready', 'never ready', { timeout: 4000 });
  return el;
}

describe('<crm-kpi> drill-down', () => {
  it('a click fires crm-drilldown that bubbles out of the shadow root with metric, row and value', async () => {
    const el = await kpi();
    const heard = oneEvent(document, 'crm-drilldown') as Promise<CrmDrilldownEvent>;
    base(el).click();
    const event = await heard;
    expect(event.composed).to.be.true;
    expect(event.detail.metric).to.equal('revenue');
    expect(event.detail.value).to.equal(1200);
    expect(event.detail.range).to.equal('this_quarter');
    expect(event.detail.row).to.deep.include({ value: 1200, previous: 1000 });
    expect(event.detail.href).to.equal(null);
  });

  it('Enter on the focused tile fires it too, and Space for a button', async () => {
    const el = await kpi();
    base(el).focus();
    const enter = oneEvent(el, 'crm-drilldown');
    await sendKeys({ press: 'Enter' });
    expect((await enter).detail.metric).to.equal('revenue');
    const space = oneEvent(el, 'crm-drilldown');
    await sendKeys({ press: 'Space' });
    expect((await space).detail.value).to.equal(1200);
  });

  it('is a button by default and a link with drill-href, reachable by Tab', async () => {
    const el = await kpi();
    expect(base(el).getAttribute('role')).to.equal('button');
    expect(base(el).tabIndex).to.equal(0);
    el.drillHref = '/r';
    await el.updateComplete;
    expect(base(el).getAttribute('role')).to.equal('link');
  });

  it('drill-href fills placeholders URL-encoded; cancelling the event stops navigation', async () => {
    const el = await kpi(html`<crm-kpi metric="revenue" range="this_quarter" drill-href="/reports/{metric}?range={range}&region={region}" .source=${source}></crm-kpi>`);
    el.addEventListener('crm-drilldown', (e) => e.preventDefault());
    const heard = oneEvent(el, 'crm-drilldown');
    base(el).click();
    const { detail } = await heard;
    expect(detail.href).to.equal(new URL('/reports/revenue?range=this_quarter&region=EMEA%20%26%20APAC', document.baseURI).href);
  });

  for (const template of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', '{region}']) {
    it(`refuses to navigate to "${template}"`, async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        const hostile = staticSource({ revenue: [{ value: 1, region: 'javascript:alert(1)' }] });
        const el = await kpi(html`<crm-kpi metric="revenue" drill-href=${template} .source=${hostile}></crm-kpi>`);
        // A refused URL never navigates; the one harmless same-origin URL would, and take the test
        // page with it, so that one is cancelled.
        if (template === '{region}') el.addEventListener('crm-drilldown', (e) => e.preventDefault());
        const heard = oneEvent(el, 'crm-drilldown');
        base(el).click();
        const { detail } = await heard;
        // "{region}" becomes a relative path with the encoded value: harmless, same origin.
        if (template === '{region}') expect(new URL(detail.href!).origin).to.equal(location.origin);
        else expect(detail.href).to.equal(null);
        expect(location.protocol).to.match(/^https?:$/);
      } finally {
        console.warn = warn;
      }
    });
  }
});
