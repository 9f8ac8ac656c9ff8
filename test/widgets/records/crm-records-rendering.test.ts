import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/records.js';
import type { CrmRecords } from '../../../src/records.js';
import { FIRST_WINDOW, PLAIN_AGAIN, PLAIN_MAX } from '../../../src/widgets/records/records-threshold.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { body, cells, inState, part, rendered, root, rows, sizer, sortButton, text, virtualized } from './helpers.js';

const many = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `Record ${i + 1}`, owner: `Owner ${i % 7}`, stage: i % 2 ? 'Won' : 'Lead', amount: 1000 + i }));

/** What the page has fetched of the virtualizer: its module or the module that loads it. */
const virtualizerFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /@lit-labs\/virtualizer|records-virtual/.test(name));

const focusedKey = (el: CrmRecords) => (root(el).activeElement as HTMLElement | null)?.closest<HTMLElement>('[part~="row"]')?.dataset.key ?? null;

async function table(source: ManualSource, width = 700) {
  const host = await fixture<HTMLDivElement>(
    html`<div style=${`width: ${width}px`}><crm-records metric="r" locale="en-US" currency="EUR" .source=${source} style="--crm-records-height: 400px"></crm-records></div>`,
  );
  const el = host.querySelector('crm-records')!;
  await inState(el, 'ready');
  await rendered(el);
  return el;
}

/** Left edges of a row's cells, and of the headers, relative to the table. */
const lefts = (el: CrmRecords, elements: Iterable<Element>) => {
  const origin = part(el, 'table')!.getBoundingClientRect().left;
  return [...elements].map((e) => Math.round(e.getBoundingClientRect().left - origin));
};

describe('<crm-records>: plain rows for short lists, the virtualizer for long ones', () => {
  it('a page with a short list never fetches the virtualizer (a page of its own: every module it loads is in its timings)', async () => {
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe src="/test/widgets/records/lazy/records-short.html" style="width: 700px; height: 600px"></iframe>`);
    await waitUntil(() => iframe.contentDocument?.getElementById('records'), 'page did not load', { timeout: 5000 });
    const el = iframe.contentDocument!.getElementById('records') as CrmRecords;
    await waitUntil(() => el.shadowRoot?.querySelectorAll('[part~="row"]').length === PLAIN_MAX, 'the rows were never drawn', { timeout: 10_000 });
    await frames(3);
    const fetched = iframe.contentWindow!.performance.getEntriesByType('resource').map((e) => e.name);
    // The page did load crm-records' own modules (the check can see module fetches at all)…
    expect(fetched.some((name) => name.includes('/src/widgets/records/crm-records'))).to.equal(true);
    // …and not the virtualizer, nor the module that loads it.
    expect(fetched.filter((name) => /@lit-labs\/virtualizer|records-virtual/.test(name))).to.deep.equal([]);
  });

  // Runs first: the page has not loaded the virtualizer yet.
  it(`a list of ${PLAIN_MAX} records is plain rows: every row in the DOM, the virtualizer neither fetched nor attached`, async () => {
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    const el = await table(new ManualSource(frame(many(PLAIN_MAX))));
    await frames(3);
    expect(rows(el)).to.have.length(PLAIN_MAX);
    expect(sizer(el)).to.equal(null);
    expect(Object.getOwnPropertySymbols(body(el))).to.deep.equal([]);
    expect(virtualizerFetched()).to.deep.equal([]);
    // One height per row, stacked; the rows scroll inside their area under a header that stays.
    const tops = rows(el).map((r) => r.getBoundingClientRect().top);
    const height = rows(el)[0]!.getBoundingClientRect().height;
    expect(height).to.be.closeTo(40, 0.5);
    tops.forEach((top, i) => expect(top - tops[0]!).to.be.closeTo(i * height, 0.5));
    expect(body(el).clientHeight).to.be.closeTo(400, 1);
    const headTop = part(el, 'head')!.getBoundingClientRect().top;
    body(el).scrollTop = body(el).scrollHeight;
    await frames(2);
    const last = rows(el).at(-1)!;
    expect(last.getBoundingClientRect().bottom).to.be.at.most(body(el).getBoundingClientRect().bottom + 1);
    expect(part(el, 'head')!.getBoundingClientRect().top).to.equal(headTop);
    expect(virtualizerFetched()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('plain rows: keys move focus (a screenful with Page Down, to the end with End), sort keeps the focused record, Enter drills', async () => {
    const el = await table(new ManualSource(frame(many(40))));
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedKey(el)).to.equal('id:r2');
    expect(rows(el).filter((r) => r.tabIndex === 0).map((r) => r.dataset.key)).to.deep.equal(['id:r2']);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect((root(el).activeElement as HTMLElement).textContent!.trim()).to.equal('Owner 2');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    // 400 px of 40 px rows: a screenful less one row.
    await sendKeys({ press: 'PageDown' });
    expect(focusedKey(el)).to.equal('id:r11');
    await sendKeys({ press: 'End' });
    expect(focusedKey(el)).to.equal('id:r39');
    // The focused row is scrolled into view.
    const bodyBox = body(el).getBoundingClientRect();
    expect((root(el).activeElement as HTMLElement).getBoundingClientRect().bottom).to.be.at.most(bodyBox.bottom + 1);

    // A new order moves the focused record to the top; focus goes with it, and the header says so.
    el.sort = 'amount:desc';
    await waitUntil(() => cells(rows(el)[0]!)[0] === 'Record 40', 'never sorted by amount', { timeout: 4000 });
    await frames(2);
    expect(focusedKey(el)).to.equal('id:r39');
    expect(sortButton(el, 'Amount').closest('[role="columnheader"]')!.getAttribute('aria-sort')).to.equal('descending');
    el.addEventListener('crm-drilldown', (e) => e.preventDefault());
    const heard = oneEvent(el, 'crm-drilldown');
    await sendKeys({ press: 'Enter' });
    expect((await heard).detail.row).to.deep.equal(many(40)[39]);
  });

  it('a long list shows its first rows plainly while the virtualizer loads (never an empty box), then only a window', async () => {
    // Every change of the rows (what the DOM held), and every frame (what could be painted).
    const changes: Array<{ rows: number; virtual: boolean }> = [];
    const painted: number[] = [];
    let sampling = true;
    const source = new ManualSource(frame(many(2_000)));
    const el = Object.assign(document.createElement('crm-records'), { metric: 'r', locale: 'en-US', source });
    const snapshot = () => ({ rows: rows(el).length, virtual: !!sizer(el) });
    await fixture(html`<div style="width: 700px">${el}</div>`);
    new MutationObserver(() => changes.push(snapshot())).observe(el.shadowRoot!, { childList: true, subtree: true });
    const sample = () => {
      painted.push(rows(el).length);
      if (sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    await inState(el, 'ready');
    await virtualized(el);
    await frames(3);
    sampling = false;
    expect(virtualizerFetched().some((name) => name.includes('records-virtual'))).to.equal(true);
    // Before: the first window, plainly; after: the virtualizer's window.
    expect(changes.find((c) => c.rows > 0)).to.deep.equal({ rows: FIRST_WINDOW, virtual: false });
    expect(changes.at(-1)!.virtual).to.equal(true);
    // No frame without rows once the first ones were there.
    expect(painted.slice(painted.findIndex((n) => n > 0)).filter((n) => n === 0)).to.deep.equal([]);
    expect(rows(el).length).to.be.within(5, FIRST_WINDOW);
    expect(text(el, 'count')).to.equal('2,000 records');
    expect(part(el, 'table')!.getAttribute('aria-rowcount')).to.equal('2001');

    // Keyboard and focus through the virtualizer: End reaches the last record, which is rendered then.
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedKey(el)).to.equal('id:r1');
    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedKey(el) === 'id:r1999', `focus is on ${focusedKey(el)}`, { timeout: 4000 });
    expect(rows(el).length).to.be.within(5, 60);
    // A live update of every record keeps focus on it.
    source.emit(many(2_000).map((r) => ({ ...r, owner: 'Someone else' })));
    await waitUntil(() => rows(el).every((r) => cells(r)[1] === 'Someone else'), 'never updated', { timeout: 4000 });
    await frames(3);
    expect(focusedKey(el)).to.equal('id:r1999');
  });

  it('crossing the threshold with live data, both ways: the same scroll position and focused record; near it, no swapping', async () => {
    const source = new ManualSource(frame(many(PLAIN_MAX - 20)));
    const el = await table(source);
    const plain = body(el);
    plain.scrollTop = 200;
    await frames(2);
    rows(el)[8]!.focus();
    expect(focusedKey(el)).to.equal('id:r8');

    // Longer than the threshold: the virtualizer takes the rows over, where the user was.
    source.emit(many(600));
    await waitUntil(() => text(el, 'count') === '600 records', 'never updated', { timeout: 4000 });
    await virtualized(el);
    await frames(3);
    expect(body(el)).to.not.equal(plain);
    expect(body(el).scrollTop).to.equal(200);
    expect(rows(el).length).to.be.within(5, 60);
    expect(focusedKey(el)).to.equal('id:r8');
    const top = rows(el).find((r) => r.getBoundingClientRect().bottom > body(el).getBoundingClientRect().top + 1)!;
    expect(top.dataset.key).to.equal('id:r5');

    // Just under the threshold (above PLAIN_AGAIN): still the virtualizer, no swap of every row.
    const virtualBody = body(el);
    source.emit(many(PLAIN_AGAIN + 5));
    await waitUntil(() => text(el, 'count') === `${PLAIN_AGAIN + 5} records`, 'never updated', { timeout: 4000 });
    await frames(3);
    expect(body(el)).to.equal(virtualBody);
    expect(sizer(el)).to.not.equal(null);

    // Short again: plain rows, all of them, at the same place, focus kept.
    source.emit(many(PLAIN_AGAIN - 10));
    await waitUntil(() => text(el, 'count') === `${PLAIN_AGAIN - 10} records`, 'never updated', { timeout: 4000 });
    await frames(3);
    expect(sizer(el)).to.equal(null);
    expect(rows(el)).to.have.length(PLAIN_AGAIN - 10);
    expect(body(el).scrollTop).to.equal(200);
    expect(focusedKey(el)).to.equal('id:r8');
  });

  for (const width of [700, 390]) {
    it(`plain and virtualised rows look alike at ${width} px: row height, cell and header positions, scroll size per row`, async () => {
      const short = await table(new ManualSource(frame(many(PLAIN_MAX))), width);
      const long = await table(new ManualSource(frame(many(PLAIN_MAX * 4))), width);
      await virtualized(long);
      await frames(3);
      const [a, b] = [rows(short)[0]!, rows(long)[0]!];
      expect(b.getBoundingClientRect().height).to.equal(a.getBoundingClientRect().height);
      expect(b.getBoundingClientRect().width).to.equal(a.getBoundingClientRect().width);
      expect(lefts(long, b.querySelectorAll('[part~="cell"]'))).to.deep.equal(lefts(short, a.querySelectorAll('[part~="cell"]')));
      expect(lefts(long, root(long).querySelectorAll('[part~="header"]'))).to.deep.equal(lefts(short, root(short).querySelectorAll('[part~="header"]')));
      expect(body(long).clientHeight).to.equal(body(short).clientHeight);
      expect(body(long).scrollHeight / (PLAIN_MAX * 4)).to.be.closeTo(body(short).scrollHeight / PLAIN_MAX, 0.1);
    });
  }
});

describe('<crm-records> whose virtualizer cannot be loaded', () => {
  it('shows the first rows, says the rest could not be loaded, keeps keys within them, and asks again on Retry', async function () {
    this.timeout(20_000);
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe src="/test/widgets/records/lazy/records-unreachable.html" style="width: 700px; height: 600px"></iframe>`);
    await waitUntil(() => iframe.contentDocument?.getElementById('records'), 'page did not load', { timeout: 5000 });
    const el = iframe.contentDocument!.getElementById('records') as CrmRecords;
    const failure = () => el.shadowRoot?.querySelector<HTMLElement>('[part~="error"]') ?? null;
    await waitUntil(failure, 'the failure was never shown', { timeout: 15_000 });
    expect(failure()!.getAttribute('role')).to.equal('alert');
    expect(failure()!.textContent).to.contain('Could not load the rest of the list');
    expect(el.getAttribute('state')).to.equal('ready');
    expect(text(el, 'count')).to.equal('200 records');
    expect(rows(el)).to.have.length(FIRST_WINDOW);
    expect(sizer(el)).to.equal(null);

    rows(el)[0]!.focus();
    await sendKeys({ press: 'End' });
    expect(focusedKey(el)).to.equal(`id:r${FIRST_WINDOW - 1}`);

    // Retry asks for the code again (and, as the file is still missing, says so again).
    const warned: unknown[][] = [];
    (iframe.contentWindow as Window & typeof globalThis).console.warn = (...args: unknown[]) => void warned.push(args);
    failure()!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => warned.length === 1, 'Retry did not ask again', { timeout: 4000 });
    expect(String(warned[0]![0])).to.contain('could not load the scrolling of long record lists');
    await waitUntil(failure, 'the second failure was never shown', { timeout: 4000 });
    expect(rows(el)).to.have.length(FIRST_WINDOW);
  });
});
