import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/leaderboard.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmDrilldownEvent } from '../../../src/events/crm-drilldown.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { inState, rows } from './helpers.js';

const source = staticSource({
  agents: [
    { id: 'a', name: 'Ana Ortiz', team: 'Sales', value: 10 },
    { id: 'b', name: 'Ben Okafor', team: 'Sales', value: 20 },
    { id: 'c', name: 'Chloé Martin', team: 'Service', value: 15 },
    { id: 'd', name: 'Dev Patel', team: 'Service', value: 5 },
  ],
});

async function board(attrs = html`<crm-leaderboard metric="agents" range="today" limit="2" highlight="d" .source=${source}></crm-leaderboard>`) {
  const el = await fixture<CrmLeaderboard>(attrs);
  await inState(el, 'ready');
  return el;
}
const focused = (el: CrmLeaderboard) => el.shadowRoot!.activeElement?.getAttribute('data-key');

describe('<crm-leaderboard> keyboard and drill-down', () => {
  it('one row takes Tab focus (roving tabindex), the first by default', async () => {
    const el = await board();
    expect(rows(el).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1]);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('b');
  });

  it('arrow keys move between rows including the pinned one; Home and End jump to the ends', async () => {
    const el = await board();
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('c');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('d');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal('d');
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal('b');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal('b');
    await sendKeys({ press: 'End' });
    expect(focused(el)).to.equal('d');
    await el.updateComplete;
    expect(rows(el).map((r) => r.tabIndex)).to.deep.equal([-1, -1, 0]);
  });

  it('Enter on a row fires crm-drilldown with the agent’s row and value, bubbling out of the shadow root', async () => {
    const el = await board();
    rows(el)[1]!.focus();
    const heard = oneEvent(document, 'crm-drilldown') as Promise<CrmDrilldownEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await heard;
    expect(event.composed).to.be.true;
    expect(event.detail.metric).to.equal('agents');
    expect(event.detail.range).to.equal('today');
    expect(event.detail.value).to.equal(15);
    expect(event.detail.row).to.deep.equal({ id: 'c', name: 'Chloé Martin', team: 'Service', value: 15 });
  });

  it('a click on any part of a row drills down into that agent, the pinned row too', async () => {
    const el = await board();
    const heard = oneEvent(el, 'crm-drilldown');
    rows(el)[2]!.querySelector<HTMLElement>('[part~="name"]')!.click();
    expect((await heard).detail.row.id).to.equal('d');
  });

  it('drill-href fills the agent’s fields URL-encoded; cancelling the event stops navigation', async () => {
    const el = await board(html`<crm-leaderboard metric="agents" drill-href="/agents/{id}?team={team}&m={metric}" .source=${source}></crm-leaderboard>`);
    el.addEventListener('crm-drilldown', (e) => e.preventDefault());
    const heard = oneEvent(el, 'crm-drilldown');
    rows(el)[0]!.click();
    expect((await heard).detail.href).to.equal(new URL('/agents/b?team=Sales&m=agents', document.baseURI).href);
  });

  it('keyboard use passes axe', async () => {
    const el = await board();
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await expect(el).to.be.accessible();
  });
});
