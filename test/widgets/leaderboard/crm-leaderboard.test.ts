import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/leaderboard.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmLeaderboard } from '../../../src/leaderboard.js';
import { ManualSource, frame } from '../../helpers/sources.js';
import { inState, names, part, pinnedRow, ranks, rows, seen, spoken, text, values } from './helpers.js';

const four = [
  { id: 'a', name: 'Ana Ortiz', value: 10 },
  { id: 'b', name: 'Ben Okafor', value: 20 },
  { id: 'c', name: 'Chloé Martin', value: 20 },
  { id: 'd', name: 'Dev Patel', value: 5 },
];

async function board(template: ReturnType<typeof html>) {
  const el = await fixture<CrmLeaderboard>(template);
  await inState(el, 'ready');
  return el;
}

const fill = (row: Element) => row.querySelector<HTMLElement>('[part~="bar"] .bar-fill')!.style.transform;
const share = (row: Element) => Number(/scaleX\(([\d.]+)\)/.exec(fill(row))![1]);
const imageRequests = () => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'img').length;

describe('<crm-leaderboard> shows the ranking', () => {
  it('[10, 20, 20, 5] with limit 3 and the last agent highlighted: 1=, 1=, 3, and Dev pinned at 4', async () => {
    const el = await board(html`<crm-leaderboard metric="agents" limit="3" highlight="d" locale="en-US" .source=${staticSource({ agents: four })}></crm-leaderboard>`);
    expect(names(el)).to.deep.equal(['Ben Okafor', 'Chloé Martin', 'Ana Ortiz', 'Dev Patel']);
    expect(ranks(el)).to.deep.equal(['1=', '1=', '3', '4']);
    expect(spoken(rows(el)[0]!, 'rank')).to.equal('1, tied');
    const pinned = pinnedRow(el)!;
    expect(seen(pinned, 'name')).to.equal('Dev Patel');
    expect(pinned.getAttribute('part')).to.equal('row highlight');
    expect(pinned.getAttribute('aria-current')).to.equal('true');
    expect(text(el, 'you')).to.equal('You');
    expect(text(el, 'count')).to.equal('Top 3 of 4');
    await expect(el).to.be.accessible();
  });

  it('shows the highlighted agent in place, not pinned, when it is in the top rows', async () => {
    const el = await board(html`<crm-leaderboard metric="agents" limit="3" highlight="a" .source=${staticSource({ agents: four })}></crm-leaderboard>`);
    expect(pinnedRow(el)).to.equal(null);
    expect(rows(el)).to.have.length(3);
    expect(rows(el)[2]!.getAttribute('part')).to.equal('row highlight');
  });

  it('draws each bar relative to the leader: 10 of 20 is half, 5 a quarter', async () => {
    const el = await board(html`<crm-leaderboard metric="agents" .source=${staticSource({ agents: four })}></crm-leaderboard>`);
    expect(rows(el).map(fill)).to.deep.equal(['scaleX(1)', 'scaleX(1)', 'scaleX(0.5)', 'scaleX(0.25)']);
    const track = rows(el)[0]!.querySelector<HTMLElement>('[part~="bar"]')!.getBoundingClientRect().width;
    const drawn = rows(el)[2]!.querySelector<HTMLElement>('.bar-fill')!.getBoundingClientRect().width;
    await waitUntil(() => Math.abs(rows(el)[2]!.querySelector<HTMLElement>('.bar-fill')!.getBoundingClientRect().width - track / 2) < 1, `bar drew ${drawn} of ${track}`);
  });

  it('order="asc" ranks the lowest first, and the leader’s bar is full', async () => {
    const source = staticSource({ aht: [{ id: 'x', name: 'X', value: 400 }, { id: 'y', name: 'Y', value: 200 }, { id: 'z', name: 'Z', value: 300 }] });
    const el = await board(html`<crm-leaderboard metric="aht" order="asc" format="duration" locale="en-US" .source=${source}></crm-leaderboard>`);
    expect(names(el)).to.deep.equal(['Y', 'Z', 'X']);
    expect(values(el)).to.deep.equal(['3m 20s', '5m 0s', '6m 40s']);
    const [first, second, third] = rows(el).map(share);
    expect(first).to.equal(1);
    // Written to a thousandth of the bar: under half a pixel on any board.
    expect(second).to.be.closeTo(200 / 300, 0.0005);
    expect(third).to.equal(0.5);
  });

  it('writes values in the locale and currency, taking the currency from the field unit', async () => {
    const source = staticSource(
      { revenue: [{ id: 1, name: 'Li Wei', value: 1234567 }, { id: 2, name: 'Sofia Rossi', value: 987654.5 }] },
      { fields: { revenue: [{ name: 'value', type: 'number', unit: 'EUR', label: 'Umsatz' }] } },
    );
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 600px"><crm-leaderboard metric="revenue" locale="de-DE" highlight="2" limit="1" .source=${source}></crm-leaderboard></div>`);
    const el = wrap.querySelector('crm-leaderboard')!;
    await inState(el, 'ready');
    expect(values(el)).to.deep.equal(['1.234.567 €', '987.655 €']);
    expect(text(el, 'label')).to.equal('Umsatz');
    expect(text(el, 'count')).to.equal('Top 1 von 2');
    expect(text(el, 'you')).to.equal('Sie');
    await expect(el).to.be.accessible();
  });

  it('writes large values short in a narrow tile, so names keep their room', async () => {
    const source = staticSource({ revenue: [{ id: 1, name: 'Li Wei', value: 1234567 }] });
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 300px"><crm-leaderboard metric="revenue" format="currency" currency="EUR" locale="de-DE" .source=${source}></crm-leaderboard></div>`);
    const el = wrap.querySelector('crm-leaderboard')!;
    await inState(el, 'ready');
    await waitUntil(() => values(el)[0] === '1,2 Mio. €', `value stayed ${values(el)[0]}`);
  });

  it('asks the source for rows by agent, filtered by team, and filters rows itself too', async () => {
    const source = new ManualSource(
      frame([
        { id: 'a', name: 'Ana', team: 'Sales', value: 3 },
        { id: 'b', name: 'Ben', team: 'Service', value: 9 },
        { id: 'c', name: 'Cem', team: 'Sales', value: 5 },
      ]),
    );
    const el = await board(html`<crm-leaderboard metric="revenue" team="Sales" range="today" .source=${source}></crm-leaderboard>`);
    expect(source.queries.at(-1)).to.deep.equal({ metric: 'revenue', range: 'today', compare: 'previous_period', dimensions: ['agent'], filters: { team: 'Sales' } });
    expect(names(el)).to.deep.equal(['Cem', 'Ana']);
    el.dimensions = '';
    el.team = undefined;
    await inState(el, 'ready');
    await waitUntil(() => names(el).length === 3);
    expect(source.queries.at(-1)).to.deep.equal({ metric: 'revenue', compare: 'previous_period', range: 'today' });
  });

  it('reads remapped fields: id-field, name-field and value-field', async () => {
    const source = staticSource({ deals: [{ agent_id: 7, agent: 'Priya Nair', amount: '12' }, { agent_id: 8, agent: 'Noah Dubois', amount: 30 }] });
    const el = await board(html`<crm-leaderboard metric="deals" id-field="agent_id" name-field="agent" value-field="amount" highlight="7" .source=${source}></crm-leaderboard>`);
    expect(names(el)).to.deep.equal(['Noah Dubois', 'Priya Nair']);
    expect(values(el)).to.deep.equal(['30', '12']);
    expect(rows(el)[1]!.getAttribute('part')).to.equal('row highlight');
  });

  it('renders CRM strings as text, never as markup', async () => {
    const source = staticSource({ agents: [{ id: 'x', name: '<img src=x onerror=alert(1)>', value: 1 }] });
    const el = await board(html`<crm-leaderboard metric="agents" label="<b>Top</b>" .source=${source}></crm-leaderboard>`);
    expect(names(el)).to.deep.equal(['<img src=x onerror=alert(1)>']);
    expect(text(el, 'label')).to.equal('<b>Top</b>');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
  });

  it('is a table to assistive technology: column headers, one row per agent, four cells each', async () => {
    const el = await board(html`<crm-leaderboard metric="agents" label="Tickets" .source=${staticSource({ agents: four })}></crm-leaderboard>`);
    const table = part(el, 'table')!;
    expect(table.getAttribute('role')).to.equal('table');
    expect(el.shadowRoot!.getElementById(table.getAttribute('aria-labelledby')!)!.textContent).to.equal('Tickets');
    expect([...table.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent)).to.deep.equal(['Rank', 'Agent', 'Tickets', 'Change']);
    expect(rows(el).every((r) => r.getAttribute('role') === 'row' && r.querySelectorAll('[role="cell"]').length === 4)).to.be.true;
  });

  it('dark theme passes axe with its own colours', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="background:#0f141b;padding:8px">
      <crm-leaderboard theme="dark" metric="agents" limit="2" highlight="d" .source=${staticSource({ agents: four })}></crm-leaderboard>
    </div>`);
    const el = wrap.querySelector('crm-leaderboard')!;
    await inState(el, 'ready');
    expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(24, 32, 43)');
    await expect(wrap).to.be.accessible();
  });
});

describe('<crm-leaderboard> avatars', () => {
  const agents = (avatar: string) => staticSource({ agents: [{ id: 'a', name: 'Amira Haddad', value: 1, avatar }] });
  const avatar = (el: CrmLeaderboard) => rows(el)[0]!.querySelector('[part~="avatar"]')!;

  it('an empty avatar makes no <img> at all: initials, and no request', async () => {
    const before = imageRequests();
    const el = await board(html`<crm-leaderboard metric="agents" .source=${agents('')}></crm-leaderboard>`);
    expect(avatar(el).querySelector('img')).to.equal(null);
    expect(avatar(el).textContent!.trim()).to.equal('AH');
    expect(avatar(el).getAttribute('aria-hidden')).to.equal('true');
    expect(imageRequests()).to.equal(before);
  });

  it('an image that fails to load falls back to initials, with no broken-image icon left behind', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('crm-leaderboard');
    Object.assign(el, { metric: 'agents', source: agents('/no-such-avatar.png') });
    host.append(el);
    const failed: string[] = [];
    el.shadowRoot!.addEventListener('error', (e) => failed.push((e.target as HTMLImageElement).src), true);
    await inState(el, 'ready');
    await waitUntil(() => failed.length > 0, 'the image never failed', { timeout: 4000 });
    expect(failed).to.deep.equal([new URL('/no-such-avatar.png', document.baseURI).href]);
    await waitUntil(() => avatar(el).querySelector('img') === null, 'the failed image stayed', { timeout: 4000 });
    expect(avatar(el).textContent!.trim()).to.equal('AH');
    await expect(el).to.be.accessible();
  });

  it('an image that loads covers the initials', async () => {
    const pixel = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="2" height="2"%3E%3Crect width="2" height="2" fill="red"/%3E%3C/svg%3E';
    const el = await board(html`<crm-leaderboard metric="agents" .source=${agents(pixel)}></crm-leaderboard>`);
    const img = avatar(el).querySelector('img')!;
    await waitUntil(() => img.complete && img.naturalWidth > 0, 'the image never loaded');
    expect(img.alt).to.equal('');
    const box = avatar(el).getBoundingClientRect();
    expect(img.getBoundingClientRect().width).to.equal(box.width);
  });

  it('a javascript: or other non-http avatar URL is never loaded', async () => {
    const el = await board(html`<crm-leaderboard metric="agents" .source=${agents('javascript:alert(1)')}></crm-leaderboard>`);
    expect(avatar(el).querySelector('img')).to.equal(null);
    expect(avatar(el).textContent!.trim()).to.equal('AH');
  });
});
