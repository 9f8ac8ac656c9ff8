import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/funnel.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmDrilldownEvent } from '../../../src/events/crm-drilldown.js';
import type { CrmFunnel } from '../../../src/funnel.js';
import { all, drawn, one, plain } from './chart-helpers.js';
import type { Row } from '../../helpers/sources.js';

const rows: Row[] = [
  { stage: 'Lead', value: 1000, owner: 'EMEA & APAC' },
  { stage: 'Qualified', value: 400 },
  { stage: 'Won', value: 100 },
];
const source = staticSource({ funnel: rows });

async function funnel(template = html`<crm-funnel metric="funnel" range="this_quarter" locale="en-US" style="width: 520px; height: 260px" .source=${source}></crm-funnel>`) {
  const el = await fixture<CrmFunnel>(template);
  await drawn(el);
  return el;
}

const focusedKey = (el: CrmFunnel) => (el.shadowRoot!.activeElement as SVGElement | null)?.dataset.key;
const mark = (el: CrmFunnel, key: string) => all(el, '.mark').find((m) => m.dataset.key === key)!;

describe('<crm-funnel> keyboard, tooltip and drill-down', () => {
  it('the chart is one Tab stop; arrow keys, Home and End move between stages', async () => {
    const el = await funnel();
    expect(all(el, '.mark').map((m) => m.getAttribute('tabindex'))).to.deep.equal(['0', '-1', '-1']);
    await sendKeys({ press: 'Tab' });
    expect(focusedKey(el)).to.equal('Lead');
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedKey(el)).to.equal('Qualified');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedKey(el)).to.equal('Won');
    await sendKeys({ press: 'ArrowDown' }); // stays on the last
    expect(focusedKey(el)).to.equal('Won');
    await sendKeys({ press: 'Home' });
    expect(focusedKey(el)).to.equal('Lead');
    await sendKeys({ press: 'End' });
    expect(focusedKey(el)).to.equal('Won');
    await sendKeys({ press: 'ArrowUp' });
    expect(focusedKey(el)).to.equal('Qualified');
    await el.updateComplete;
    // Tab leaves the chart from wherever focus is, and comes back to the same stage.
    expect(all(el, '.mark').map((m) => m.getAttribute('tabindex'))).to.deep.equal(['-1', '0', '-1']);
    await expect(el).to.be.accessible();
  });

  it('Enter on a focused stage fires crm-drilldown with that stage’s row and value', async () => {
    const el = await funnel();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    const heard = oneEvent(document, 'crm-drilldown') as Promise<CrmDrilldownEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail, composed } = await heard;
    expect(composed).to.be.true;
    expect(detail.metric).to.equal('funnel');
    expect(detail.range).to.equal('this_quarter');
    expect(detail.row).to.deep.equal({ stage: 'Qualified', value: 400 });
    expect(detail.value).to.equal(400);
    const space = oneEvent(el, 'crm-drilldown');
    await sendKeys({ press: 'Space' });
    expect((await space).detail.row.stage).to.equal('Qualified');
  });

  it('a click on a stage fires crm-drilldown with its row', async () => {
    const el = await funnel();
    const heard = oneEvent(el, 'crm-drilldown');
    (mark(el, 'Won').querySelector('.bar') as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await heard;
    expect(detail.row).to.deep.equal({ stage: 'Won', value: 100 });
    expect(detail.href).to.equal(null);
  });

  it('drill-href is filled from the stage row, URL-encoded; stages become links', async () => {
    const el = await funnel(html`<crm-funnel metric="funnel" locale="en-US" drill-href="/opportunities?stage={stage}&owner={owner}" style="width: 520px; height: 260px" .source=${source}></crm-funnel>`);
    expect(mark(el, 'Lead').getAttribute('role')).to.equal('link');
    el.addEventListener('crm-drilldown', (e) => e.preventDefault());
    const heard = oneEvent(el, 'crm-drilldown');
    mark(el, 'Lead').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    const { detail } = await heard;
    expect(detail.href).to.equal(new URL('/opportunities?stage=Lead&owner=EMEA%20%26%20APAC', document.baseURI).href);
    await expect(el).to.be.accessible();
  });

  it('focus shows a text tooltip with the stage’s numbers; each mark’s accessible name says the same', async () => {
    const el = await funnel();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const tip = one<HTMLElement>(el, '[part="tooltip"]')!;
    expect([...tip.children].map((c) => plain(c.textContent!))).to.deep.equal(['Qualified', '400', '40% of Lead', '40% overall', '600 dropped off']);
    expect(mark(el, 'Qualified').getAttribute('aria-label')).to.equal('Qualified: 400, 40% of Lead, 40% overall, 600 dropped off');
    // It stays inside the widget.
    const box = tip.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(box.left).to.be.at.least(host.left);
    expect(box.right).to.be.at.most(host.right);
    expect(box.top).to.be.at.least(host.top);
    expect(box.bottom).to.be.at.most(host.bottom);
    await sendKeys({ press: 'Tab' }); // focus leaves: the tooltip goes
    await el.updateComplete;
    expect(one(el, '[part="tooltip"]')).to.equal(null);
  });

  it('hovering a stage shows its tooltip and leaving hides it', async () => {
    const el = await funnel();
    mark(el, 'Won').dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(one(el, '[part="tooltip"]')!.textContent).to.contain('Won');
    expect(mark(el, 'Won').classList.contains('active')).to.be.true;
    one(el, '.plot')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(one(el, '[part="tooltip"]')).to.equal(null);
  });
});
