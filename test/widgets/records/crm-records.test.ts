import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/records.js';
import { staticSource } from '../../../src/data/index.js';
import type { MetricFrame, MetricSource } from '../../../src/data/types.js';
import type { CrmRecords } from '../../../src/records.js';
import { ManualSource, type Row, frame } from '../../helpers/sources.js';
import { body, cells, column, headers, inState, part, quietWarnings, rendered, root, rows, sortButton, text } from './helpers.js';

const opportunities: Row[] = [
  { id: 'o1', name: 'Acme — Renewal', owner: 'Ana Ortiz', stage: 'Proposal', amount: 12_345, closeDate: '2026-03-31', href: '/opportunities/o1' },
  { id: 'o2', name: 'Bluefin — Pilot', owner: 'Ben Okafor', stage: 'Won', amount: 2_500, closeDate: '2026-01-15' },
  { id: 'o3', name: 'Cobalt — Expansion', owner: 'Chloé Martin', stage: 'Lead', amount: 98_000.5, closeDate: '2026-12-01' },
];

/** A table of `source` with attributes `name=value` (space-separated; `+` is a space in a value), set before it connects. */
async function table(source: MetricSource, attrs = '') {
  const made = document.createElement('crm-records');
  Object.entries({ metric: 'funnel_records', locale: 'en-US' }).forEach(([n, v]) => made.setAttribute(n, v));
  for (const pair of attrs.split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=');
    made.setAttribute(name!, value!.replace(/\+/g, ' '));
  }
  made.source = source;
  const el = await fixture<CrmRecords>(html`${made}`);
  await inState(el, 'ready');
  await rendered(el);
  return el;
}

describe('<crm-records>', () => {
  let warnings: ReturnType<typeof quietWarnings>;
  beforeEach(() => (warnings = quietWarnings()));
  afterEach(() => warnings.restore());

  it('shows the default columns, the records in the source order and the row count', async () => {
    const el = await table(staticSource({ funnel_records: opportunities }), 'currency=EUR');
    expect(headers(el)).to.deep.equal(['Name', 'Owner', 'Stage', 'Amount', 'Close date']);
    expect(column(el, 0)).to.deep.equal(['Acme — Renewal', 'Bluefin — Pilot', 'Cobalt — Expansion']);
    expect(column(el, 3)).to.deep.equal(['€12,345', '€2,500', '€98,001']);
    expect(column(el, 4)).to.deep.equal(['Mar 31, 2026', 'Jan 15, 2026', 'Dec 1, 2026']);
    expect(text(el, 'count')).to.equal('3 records');
    expect(part(el, 'table')!.getAttribute('aria-rowcount')).to.equal('4');
    await expect(el).to.be.accessible();
  });

  it('leaves out default columns no record has, and counts one record in the singular', async () => {
    const el = await table(staticSource({ funnel_records: [{ id: 'a', name: 'Only one', amount: 5 }] }));
    expect(headers(el)).to.deep.equal(['Name', 'Amount']);
    // Without a currency an amount is a plain number.
    expect(cells(rows(el)[0]!)).to.deep.equal(['Only one', '5']);
    expect(text(el, 'count')).to.equal('1 record');
  });

  it('takes its columns, labels and units from frame.fields, and `columns` picks and orders them', async () => {
    const frameWithFields: MetricFrame = {
      rows: [{ id: 'c1', subject: 'Cannot log in', agent: 'Amira', handle: 372, csat: 0.92, opened: Date.UTC(2026, 2, 3, 14, 5), href: '/c1' }],
      fields: [
        { name: 'subject', type: 'string', label: 'Subject' },
        { name: 'agent', type: 'string' },
        { name: 'handle', type: 'number', unit: 's', label: 'Handle time' },
        { name: 'csat', type: 'number', unit: '%', label: 'CSAT' },
        { name: 'opened', type: 'time', label: 'Opened' },
        { name: 'href', type: 'string' },
      ],
      asOf: Date.now(),
    };
    const el = await table(staticSource({ funnel_records: frameWithFields }));
    expect(headers(el)).to.deep.equal(['Subject', 'Agent', 'Handle time', 'CSAT', 'Opened']);
    const [subject, agent, handle, csat, opened] = cells(rows(el)[0]!);
    expect([subject, agent, handle, csat]).to.deep.equal(['Cannot log in', 'Amira', '6m 12s', '92%']);
    expect(opened).to.equal(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.UTC(2026, 2, 3, 14, 5)));
    // The first text column names the record: it carries the link.
    expect(rows(el)[0]!.querySelector('[part~="primary"] a')!.textContent).to.equal('Cannot log in');

    el.columns = 'csat, subject, nope';
    await waitUntil(() => headers(el).length === 3);
    expect(headers(el)).to.deep.equal(['CSAT', 'Subject', 'Nope']);
    expect(cells(rows(el)[0]!)).to.deep.equal(['92%', 'Cannot log in', '—']);
  });

  it('writes money and dates in de-DE', async () => {
    const el = await table(staticSource({ funnel_records: opportunities }), 'locale=de-DE currency=EUR');
    await waitUntil(() => text(el, 'count') === '3 Datensätze');
    expect(column(el, 3)).to.deep.equal(['12.345 €', '2.500 €', '98.001 €']);
    expect(column(el, 4)).to.deep.equal(['31.03.2026', '15.01.2026', '01.12.2026']);
  });

  it('a click on a header sorts by it: numbers largest first, again smallest first; aria-sort follows', async () => {
    const el = await table(staticSource({ funnel_records: opportunities }), 'currency=EUR');
    sortButton(el, 'Amount').click();
    await waitUntil(() => column(el, 3)[0] === '€98,001');
    expect(column(el, 3)).to.deep.equal(['€98,001', '€12,345', '€2,500']);
    expect(el.getAttribute('sort')).to.equal('amount:desc');
    const header = sortButton(el, 'Amount').closest('[role="columnheader"]')!;
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    sortButton(el, 'Amount').click();
    await waitUntil(() => column(el, 3)[0] === '€2,500');
    expect(column(el, 3)).to.deep.equal(['€2,500', '€12,345', '€98,001']);
    expect(header.getAttribute('aria-sort')).to.equal('ascending');
    // Text starts A → Z, in the locale's collation; only the sorted header has aria-sort.
    sortButton(el, 'Owner').click();
    await waitUntil(() => column(el, 1)[0] === 'Ana Ortiz');
    expect(column(el, 1)).to.deep.equal(['Ana Ortiz', 'Ben Okafor', 'Chloé Martin']);
    expect(root(el).querySelectorAll('[aria-sort]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('Enter on a focused header sorts too, and the `sort` attribute sets the order', async () => {
    const el = await table(staticSource({ funnel_records: opportunities }), 'sort=closeDate:asc');
    expect(column(el, 4)).to.deep.equal(['Jan 15, 2026', 'Mar 31, 2026', 'Dec 1, 2026']);
    sortButton(el, 'Close date').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => column(el, 4)[0] === 'Dec 1, 2026');
    expect(column(el, 4)).to.deep.equal(['Dec 1, 2026', 'Mar 31, 2026', 'Jan 15, 2026']);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => column(el, 4)[0] === 'Jan 15, 2026');
  });

  it('amounts that are not numbers read "—" and sort last either way; equal amounts keep their order', async () => {
    const el = await table(
      staticSource({
        funnel_records: [
          { id: 'n', name: 'NaN', amount: Number.NaN },
          { id: 'a', name: 'Ten', amount: 10 },
          { id: 'u', name: 'Null', amount: null },
          { id: 's', name: 'String', amount: '30' },
          { id: 'w', name: 'Word', amount: 'lots' },
          { id: 'b', name: 'Ten again', amount: 10 },
        ],
      }),
      'sort=amount:desc',
    );
    expect(column(el, 0)).to.deep.equal(['String', 'Ten', 'Ten again', 'NaN', 'Null', 'Word']);
    expect(column(el, 1)).to.deep.equal(['30', '10', '10', '—', '—', '—']);
    el.sort = 'amount:asc';
    await waitUntil(() => column(el, 0)[0] === 'Ten');
    expect(column(el, 0)).to.deep.equal(['Ten', 'Ten again', 'String', 'NaN', 'Null', 'Word']);
  });

  it('hostile strings are text: markup, right-to-left names and 5,000-character names', async () => {
    const long = 'L'.repeat(5000);
    const el = await table(
      staticSource({
        funnel_records: [
          { id: 'x', name: '<img src=x onerror="window.__pwned=1">', owner: '<b>bold</b>' },
          { id: 'r', name: 'شركة الأمل', owner: 'עדי כהן' },
          { id: 'l', name: long },
        ],
      }),
    );
    const [hostile, rtl, longRow] = rows(el);
    expect(cells(hostile!)).to.deep.equal(['<img src=x onerror="window.__pwned=1">', '<b>bold</b>']);
    expect(root(el).querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    const rtlText = rtl!.querySelector('[part~="primary"]')!;
    // Its direction comes from its text: the first letter of the name is drawn rightmost.
    expect(getComputedStyle(rtlText).unicodeBidi).to.equal('plaintext');
    const rtlName = [...rtlText.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
    const range = document.createRange();
    range.setStart(rtlName, 0);
    range.setEnd(rtlName, 1);
    const first = range.getBoundingClientRect();
    range.setStart(rtlName, 4);
    range.setEnd(rtlName, 5);
    expect(first.left).to.be.greaterThan(range.getBoundingClientRect().left);
    // The long name is all there (and in its tooltip), cut on screen to the column's width.
    const name = longRow!.querySelector<HTMLElement>('[part~="primary"]')!;
    expect(name.textContent!.trim()).to.have.length(5000);
    expect(name.title).to.have.length(5000);
    expect(name.getBoundingClientRect().width).to.be.lessThan(el.getBoundingClientRect().width);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });

  it('duplicate and missing ids: every row shows, a note says ids repeat', async () => {
    const el = await table(
      staticSource({
        funnel_records: [
          { id: 'd', name: 'First' },
          { id: 'd', name: 'Second' },
          { name: 'No id' },
          { owner: 'Nameless and id-less' },
          { id: 42, owner: 'Numeric id, no name' },
        ],
      }),
    );
    expect(column(el, 0)).to.deep.equal(['First', 'Second', 'No id', 'Unnamed', '42']);
    expect(rows(el).map((r) => r.dataset.key)).to.deep.equal(['id:d', 'id:d~2', 'name:No id', '#4', 'id:42']);
    expect(text(el, 'note')).to.equal('1 repeated ID: each row is shown');
    expect(text(el, 'count')).to.equal('5 records');
  });

  it('links only http(s) and relative hrefs; anything else is plain text', async () => {
    const hrefs = ['https://crm.example.com/o/1', '/o/2', 'o/3', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.c', '  ', 42];
    const el = await table(staticSource({ funnel_records: hrefs.map((href, i) => ({ id: `h${i}`, name: `Record ${i}`, href })) }));
    await rendered(el, hrefs.length);
    const links = rows(el).map((r) => r.querySelector('a')?.href ?? null);
    expect(links).to.deep.equal([
      'https://crm.example.com/o/1',
      new URL('/o/2', document.baseURI).href,
      new URL('o/3', document.baseURI).href,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(column(el, 0)[3]).to.equal('Record 3');
  });

  it('a click on a row fires crm-drilldown with the row, its amount and its link; cancelling it stays', async () => {
    const el = await table(staticSource({ funnel_records: opportunities }), 'range=this_quarter');
    el.addEventListener('crm-drilldown', (e) => e.preventDefault());
    const heard = oneEvent(el, 'crm-drilldown');
    rows(el)[0]!.querySelector<HTMLElement>('[part~="cell"]:nth-child(3)')!.click();
    const { detail } = await heard;
    expect(detail).to.deep.equal({ metric: 'funnel_records', row: opportunities[0], value: 12_345, range: 'this_quarter', filters: { id: 'o1' }, href: new URL('/opportunities/o1', document.baseURI).href });
    expect(location.pathname).to.not.contain('opportunities');
  });

  it('Enter on a row drills down and follows its link; drill-href, when set, is the link', async () => {
    const el = await table(staticSource({ funnel_records: [{ id: 'r 1', name: 'Hash link', amount: 7, href: '#record-r1' }] }));
    rows(el)[0]!.focus();
    const heard = oneEvent(el, 'crm-drilldown');
    await sendKeys({ press: 'Enter' });
    expect((await heard).detail.href).to.equal(new URL('#record-r1', document.baseURI).href);
    await waitUntil(() => location.hash === '#record-r1', `hash is ${location.hash}`);
    history.replaceState(null, '', location.pathname + location.search);

    el.drillHref = '/deals/{id}?from={metric}&amount={value}';
    await waitUntil(() => rows(el)[0]!.querySelector('a')?.href.includes('/deals/'));
    expect(rows(el)[0]!.querySelector('a')!.href).to.equal(new URL('/deals/r%201?from=funnel_records&amount=7', document.baseURI).href);
  });

  it('sends `filters` (attribute or object) and `limit` with the query; `limit` also cuts what shows', async () => {
    const source = new ManualSource(frame(opportunities));
    const el = await fixture<CrmRecords>(html`<crm-records metric="funnel_records" filters="stage=Proposal; owner=a%3B12 ;bad" limit="2" .source=${source}></crm-records>`);
    await inState(el, 'ready');
    await rendered(el);
    expect(source.queries.at(-1)).to.deep.include({ metric: 'funnel_records', filters: { stage: 'Proposal', owner: 'a;12' }, limit: 2 });
    expect(rows(el)).to.have.length(2);
    expect(text(el, 'count')).to.equal('2 of 3 records');
    el.filters = { campaign: 'Spring webinar', stage: '' };
    await waitUntil(() => source.queries.length > 1 && JSON.stringify(source.queries.at(-1)!.filters) === '{"campaign":"Spring webinar"}');
  });

  it('states: loading, empty in its own words (and with filters), error with Retry, stale', async () => {
    const loading = await fixture<CrmRecords>(html`<crm-records metric="x" .source=${{ query: () => new ManualSource().query({ metric: 'x' }) }}></crm-records>`);
    expect(loading.getAttribute('state')).to.equal('loading');
    expect(part(loading, 'loading')).to.exist;

    const empty = await fixture<CrmRecords>(html`<crm-records metric="x" locale="en-US" .source=${staticSource({ x: [] })}></crm-records>`);
    await inState(empty, 'empty');
    expect(text(empty, 'empty')).to.equal('No records');
    empty.filters = 'stage=Won';
    await waitUntil(() => text(empty, 'empty') === 'No records match these filters');
    await expect(empty).to.be.accessible();

    const failing = new ManualSource();
    const error = await fixture<CrmRecords>(html`<crm-records metric="x" locale="en-US" .source=${failing}></crm-records>`);
    failing.fail(new Error('HTTP 503'));
    await inState(error, 'error');
    expect(text(error, 'error')).to.contain('HTTP 503');
    expect(part(error, 'error')!.querySelector('button')).to.exist;

    const quiet = new ManualSource(frame(opportunities));
    const stale = await fixture<CrmRecords>(html`<crm-records metric="x" stale-after="150" locale="en-US" .source=${quiet}></crm-records>`);
    await inState(stale, 'stale');
    expect(text(stale, 'stale')).to.match(/Not updating · as of/);
    expect(rows(stale)).to.have.length(3);
  });

  it('fits a 390 px phone as cards: name and amount on one line, sort buttons for every column', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="width: 390px"><crm-records metric="r" currency="EUR" locale="en-US" .source=${staticSource({ r: opportunities })}></crm-records></div>`);
    const el = host.querySelector('crm-records')!;
    await inState(el, 'ready');
    await rendered(el);
    const row = rows(el)[0]!;
    const name = row.querySelector('[part~="primary"]')!.getBoundingClientRect();
    const amount = [...row.querySelectorAll('[part~="cell"]')][3]!.getBoundingClientRect();
    const owner = [...row.querySelectorAll('[part~="cell"]')][1]!.getBoundingClientRect();
    expect(Math.abs(name.top - amount.top)).to.be.lessThan(4);
    expect(owner.top).to.be.greaterThan(name.bottom - 1);
    expect(el.getBoundingClientRect().width).to.equal(390);
    expect(body(el).scrollWidth).to.be.at.most(body(el).clientWidth);
    expect(headers(el)).to.have.length(5);
    await expect(el).to.be.accessible();
  });
});
