import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/campaign-roi.js';
import type { CrmCampaignRoi } from '../../../src/campaign-roi.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmDrilldownEvent } from '../../../src/events/crm-drilldown.js';
import { all, drawn, one, plain } from '../funnel/chart-helpers.js';
import { campaigns, euro } from './campaigns.js';

const source = staticSource({ campaigns: euro() });

async function roiChart(view: 'bars' | 'scatter' = 'bars', extra = '') {
  const el = await fixture<CrmCampaignRoi>(
    html`<crm-campaign-roi metric="campaigns" range="this_quarter" locale="en-US" view=${view} drill-href=${extra || (undefined as unknown as string)} style="width: 640px; height: 320px" .source=${source}></crm-campaign-roi>`,
  );
  await drawn(el);
  return el;
}

const focusedKey = (el: CrmCampaignRoi) => (el.shadowRoot!.activeElement as SVGElement | null)?.dataset.key;
const mark = (el: CrmCampaignRoi, key: string) => all(el, '.mark').find((m) => m.dataset.key === key)!;

describe('<crm-campaign-roi> keyboard, tooltip and drill-down', () => {
  for (const view of ['bars', 'scatter'] as const) {
    it(`${view}: one Tab stop; arrow keys move in ranking order; Enter drills with the campaign row`, async () => {
      const el = await roiChart(view);
      await sendKeys({ press: 'Tab' });
      expect(focusedKey(el)).to.equal('Webinar');
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedKey(el)).to.equal('Search ads');
      await sendKeys({ press: 'ArrowRight' });
      expect(focusedKey(el)).to.equal('Trade fair');
      await sendKeys({ press: 'ArrowLeft' });
      expect(focusedKey(el)).to.equal('Search ads');
      await sendKeys({ press: 'End' });
      expect(focusedKey(el)).to.equal('Referral');
      const heard = oneEvent(document, 'crm-drilldown') as Promise<CrmDrilldownEvent>;
      await sendKeys({ press: 'Enter' });
      const { detail } = await heard;
      expect(detail.metric).to.equal('campaigns');
      expect(detail.row).to.deep.equal(campaigns[3]);
      expect(detail.value).to.equal(null); // no cost, no ROI
      await sendKeys({ press: 'Home' });
      expect(focusedKey(el)).to.equal('Webinar');
      await expect(el).to.be.accessible();
    });
  }

  it('a click on a bar fires crm-drilldown with its row and ROI', async () => {
    const el = await roiChart();
    const heard = oneEvent(el, 'crm-drilldown');
    // A click where the bar is drawn lands on what the browser hit-tests there: the bar lets the
    // pointer through to its campaign's mark.
    const box = all(el, '.row').find((r) => r.dataset.row === 'Search ads')!.querySelector('.bar')!.getBoundingClientRect();
    const target = el.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)!;
    expect(target.closest('.mark')).to.equal(mark(el, 'Search ads'));
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await heard;
    expect(detail.row).to.deep.equal(campaigns[2]);
    expect(detail.value).to.be.closeTo(1.2, 1e-12);
  });

  it('the "others" roll-up drills with its summed row', async () => {
    const el = await roiChart();
    el.limit = 3;
    await el.updateComplete;
    const heard = oneEvent(el, 'crm-drilldown');
    all(el, '.mark').at(-1)!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await heard;
    expect(detail.row).to.deep.include({ campaign: 'Others (2)', cost: 37_000, revenue: 63_900, others: 2 });
  });

  it('drill-href is filled from the campaign row; marks become links', async () => {
    const el = await roiChart('bars', '/campaigns?name={campaign}&range={range}');
    expect(mark(el, 'Webinar').getAttribute('role')).to.equal('link');
    el.addEventListener('crm-drilldown', (e) => e.preventDefault());
    const heard = oneEvent(el, 'crm-drilldown');
    mark(el, 'LinkedIn ABM').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect((await heard).detail.href).to.equal(new URL('/campaigns?name=LinkedIn%20ABM&range=this_quarter', document.baseURI).href);
  });

  it('focus and hover show a text tooltip with ROI, cost, revenue and counts', async () => {
    const el = await roiChart('scatter');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const tip = one<HTMLElement>(el, '[part="tooltip"]')!;
    expect([...tip.children].map((c) => plain(c.textContent!))).to.deep.equal(['Webinar', 'ROI +240%', 'Cost €18,000', 'Revenue €61,200', 'Leads 400', 'Opportunities 120', 'Won 30']);
    const host = el.getBoundingClientRect();
    const box = tip.getBoundingClientRect();
    expect(box.left >= host.left && box.right <= host.right && box.top >= host.top && box.bottom <= host.bottom).to.be.true;
    (el.shadowRoot!.activeElement as HTMLElement).blur();
    mark(el, 'LinkedIn ABM').dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(one(el, '[part="tooltip"]')!.textContent).to.contain('LinkedIn ABM').and.contain('−30%');
  });

  it('bars: hovering a row shows its tooltip beside the bar end', async () => {
    const el = await roiChart();
    mark(el, 'LinkedIn ABM').dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    const tip = one<HTMLElement>(el, '[part="tooltip"]')!;
    expect(tip.textContent).to.contain('LinkedIn ABM').and.contain('−30%').and.contain('Cost €37,000');
    one(el, '.plot')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(one(el, '[part="tooltip"]')).to.equal(null);
  });

  it('switching view keeps the data and the keyboard position', async () => {
    const el = await roiChart();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    el.view = 'scatter';
    await drawn(el);
    expect(all(el, 'circle.dot')).to.have.length(5);
    expect(mark(el, 'Search ads').getAttribute('tabindex')).to.equal('0');
  });
});
