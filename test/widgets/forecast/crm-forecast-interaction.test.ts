import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { staticSource } from '../../../src/data/index.js';
import type { CrmDrilldownEvent } from '../../../src/events/crm-drilldown.js';
import type { CrmForecast } from '../../../src/forecast.js';
import { all, drawn, one, plain } from '../funnel/chart-helpers.js';
import { direct, partner } from './helpers.js';

const rows = [...direct, ...partner.map((r) => ({ ...r, region: 'EMEA & APAC' }))];

async function forecast(drillHref = '') {
  const el = await fixture<CrmForecast>(html`<crm-forecast metric="forecast" range="this_quarter" locale="en-US" drill-href=${drillHref} style="width: 600px; height: 360px" .source=${staticSource({ forecast: rows })}></crm-forecast>`);
  await drawn(el);
  return el;
}

const focusedKey = (el: CrmForecast) => (el.shadowRoot!.activeElement as SVGElement | null)?.dataset.key?.replace('\n', '·');

describe('<crm-forecast> keyboard, tooltip and drill-down', () => {
  it('one Tab stop; arrow keys go through the segments of each group in turn, Home and End to the ends', async () => {
    const el = await forecast();
    expect(all(el, '.mark').filter((m) => m.getAttribute('tabindex') === '0').length).to.equal(1);
    await sendKeys({ press: 'Tab' });
    expect(focusedKey(el)).to.equal('direct·closed');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedKey(el)).to.equal('direct·commit');
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    expect(focusedKey(el)).to.equal('partner·closed');
    await sendKeys({ press: 'End' });
    expect(focusedKey(el)).to.equal('partner·pipeline');
    await sendKeys({ press: 'Home' });
    expect(focusedKey(el)).to.equal('direct·closed');
    await expect(el).to.be.accessible();
  });

  it('Enter fires crm-drilldown with { group, category, value } and the group’s own field (channel=partner)', async () => {
    const el = await forecast();
    await sendKeys({ press: 'Tab' });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowRight' });
    expect(focusedKey(el)).to.equal('partner·commit');
    const heard = oneEvent(document, 'crm-drilldown') as Promise<CrmDrilldownEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail, composed } = await heard;
    expect(composed).to.be.true;
    expect(detail.metric).to.equal('forecast');
    expect(detail.range).to.equal('this_quarter');
    expect(detail.value).to.equal(50_000);
    expect(detail.row).to.include({ group: 'partner', category: 'commit', value: 50_000, channel: 'partner', region: 'EMEA & APAC' });
  });

  it('a click on a segment drills into it', async () => {
    const el = await forecast();
    const heard = oneEvent(el, 'crm-drilldown');
    const mark = all(el, '.mark').find((m) => m.dataset.key === 'direct\nbest_case')!;
    mark.querySelector('.seg')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await heard;
    expect(detail.row).to.include({ group: 'direct', category: 'best_case', value: 150_000 });
  });

  it('drill-href gets {group} and {category}, URL-encoded; segments become links', async () => {
    const el = await forecast('/opportunities?channel={group}&forecast={category}&region={region}');
    const mark = all(el, '.mark').find((m) => m.dataset.key === 'partner\npipeline')!;
    expect(mark.getAttribute('role')).to.equal('link');
    el.addEventListener('crm-drilldown', (e) => e.preventDefault());
    const heard = oneEvent(el, 'crm-drilldown');
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await heard;
    expect(detail.href).to.equal(new URL('/opportunities?channel=partner&forecast=pipeline&region=EMEA%20%26%20APAC', document.baseURI).href);
    await expect(el).to.be.accessible();
  });

  it('focus shows the segment’s tooltip: its amount and the running total; the mark’s name says the same', async () => {
    const el = await forecast();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const tip = one<HTMLElement>(el, '[part="tooltip"]')!;
    expect([...tip.children].map((c) => plain(c.textContent!))).to.deep.equal(['direct · Commit', '250,000', 'Cumulative 850,000']);
    const mark = all(el, '.mark').find((m) => m.dataset.key === 'direct\ncommit')!;
    expect(mark.getAttribute('aria-label')).to.equal('direct, Commit: 250,000, Cumulative 850,000');
    const box = tip.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(box.left >= host.left && box.right <= host.right && box.top >= host.top && box.bottom <= host.bottom).to.be.true;
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(one(el, '[part="tooltip"]')).to.equal(null);
  });
});
