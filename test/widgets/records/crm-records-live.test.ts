import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/records.js';
import { staticSource } from '../../../src/data/index.js';
import type { CrmRecords } from '../../../src/records.js';
import { expectChurnLeavesNothingOpen } from '../../helpers/churn.js';
import { ManualSource, type Row, frame, frames } from '../../helpers/sources.js';
import { PLAIN_MAX } from '../../../src/widgets/records/records-threshold.js';
import { body, cells, inState, rendered, root, rows, text, virtualized } from './helpers.js';

const many = (n: number, from = 0): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, name: `Record ${from + i + 1}`, owner: `Owner ${(from + i) % 7}`, amount: from + i }));

const focusedKey = (el: CrmRecords) => (root(el).activeElement as HTMLElement | null)?.closest<HTMLElement>('[part~="row"]')?.dataset.key ?? null;
/** The row a user sees at the top of the rows' area. */
const rowAtTop = (el: CrmRecords) => rows(el).find((r) => r.getBoundingClientRect().bottom > body(el).getBoundingClientRect().top + 2)!;

async function sized(source: ManualSource | ReturnType<typeof staticSource>, attrs: { sort?: string } = {}) {
  const host = await fixture<HTMLDivElement>(
    html`<div style="width: 700px"><crm-records metric="r" locale="en-US" sort=${attrs.sort ?? ''} .source=${source} style="--crm-records-height: 400px"></crm-records></div>`,
  );
  const el = host.querySelector('crm-records')!;
  await inState(el, 'ready');
  await rendered(el);
  // A long list is drawn plainly (its first rows) until its virtualizer has loaded.
  if (Number(root(el).querySelector('[part~="table"]')!.getAttribute('aria-rowcount')) > PLAIN_MAX + 1) await virtualized(el);
  return el;
}

describe('<crm-records> with many rows, live', () => {
  // The long tasks while scrolling are a figure of `node bench/records-scroll.js`, not a test: a
  // shared machine's timing is noise. What makes scrolling cheap is asserted here: a bounded window.
  it('10,000 rows: only a window is in the DOM at every scroll position, and scrolling to the end renders the last record', async function () {
    this.timeout(20_000);
    const el = await sized(staticSource({ r: many(10_000) }));
    expect(text(el, 'count')).to.equal('10,000 records');
    expect(rows(el).length).to.be.within(5, 60);
    await frames(3);

    const scroller = body(el);
    for (let step = 1; step <= 4; step++) {
      scroller.scrollTop = (scroller.scrollHeight * step) / 4;
      await frames(2);
      expect(rows(el).length, `rows in the DOM at ${step}/4`).to.be.within(5, 60);
    }
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => rows(el).some((r) => cells(r)[0] === 'Record 10000'), 'the last record never rendered', { timeout: 5000 });
    await frames(3);
    const last = rows(el).find((r) => cells(r)[0] === 'Record 10000')!;
    expect(last.getBoundingClientRect().bottom).to.be.at.most(scroller.getBoundingClientRect().bottom + 1);
    expect(last.getAttribute('aria-rowindex')).to.equal('10001');
    expect(rows(el).length).to.be.within(5, 60);
  });

  it('a live update that adds, removes and reorders rows keeps the scroll position and the focused record', async () => {
    const source = new ManualSource(frame(many(300)));
    const el = await sized(source);
    const scroller = body(el);
    scroller.scrollTop = 2000;
    await waitUntil(() => rowAtTop(el) && cells(rowAtTop(el))[0] !== 'Record 1', 'never updated', { timeout: 4000 });
    await frames(2);
    const focused = rows(el)[Math.floor(rows(el).length / 2)]!;
    focused.focus();
    const key = focused.dataset.key!;
    const top = scroller.scrollTop;

    // Three new records at the top, two removed above the focused one, two swapped below it.
    const next = many(300);
    next.splice(3, 2);
    [next[250], next[251]] = [next[251]!, next[250]!];
    source.emit([...many(3, 1000), ...next]);
    await waitUntil(() => text(el, 'count') === '301 records', 'never updated', { timeout: 4000 });
    await frames(3);
    expect(scroller.scrollTop).to.equal(top);
    expect(focusedKey(el)).to.equal(key);

    // Sorted by amount: the focused record's amount changes and it moves a few places.
    el.sort = 'amount:desc';
    const number = (r: HTMLElement) => Number(cells(r)[0]!.replace('Record ', ''));
    await waitUntil(() => number(rows(el)[0]!) > number(rows(el)[1]!), 'never sorted by amount, largest first');
    await frames(2);
    const target = rows(el)[8]!;
    target.focus();
    const moving = target.dataset.key!;
    const place = Number(target.getAttribute('aria-rowindex'));
    const changed = many(300).map((r) => (r.id === moving.slice(3) ? { ...r, amount: Number(r.amount) - 4.5 } : r));
    source.emit(changed);
    await waitUntil(() => text(el, 'count') === '300 records', 'never updated', { timeout: 4000 });
    await frames(3);
    expect(focusedKey(el)).to.equal(moving);
    // Three records above it went, and it fell four places (below the next four amounts).
    expect(Number((root(el).activeElement as HTMLElement).getAttribute('aria-rowindex'))).to.equal(place + 1);
  });

  it('when the focused record is removed, focus goes to the record that takes its place', async () => {
    const source = new ManualSource(frame(many(20)));
    const el = await sized(source);
    rows(el)[4]!.focus();
    expect(focusedKey(el)).to.equal('id:r4');
    source.emit(many(20).filter((r) => r.id !== 'r4'));
    await waitUntil(() => text(el, 'count') === '19 records', 'never updated', { timeout: 4000 });
    await frames(3);
    expect(focusedKey(el)).to.equal('id:r5');
  });

  it('a page without focus fires no focus events: the focused record is still followed when it is removed', async () => {
    const source = new ManualSource(frame(many(20)));
    const el = await sized(source);
    // What a background window does: focus moves, no focusin reaches the table.
    const swallow = (e: Event) => e.stopImmediatePropagation();
    root(el).addEventListener('focusin', swallow, true);
    try {
      rows(el)[4]!.focus();
      expect(focusedKey(el)).to.equal('id:r4');
      source.emit(many(20).filter((r) => r.id !== 'r4'));
      await waitUntil(() => text(el, 'count') === '19 records', 'never updated', { timeout: 4000 });
      await frames(3);
      expect(focusedKey(el)).to.equal('id:r5');
    } finally {
      root(el).removeEventListener('focusin', swallow, true);
    }
  });

  it('arrow keys move between rows and cells, End and Home go to the last and first record, Enter drills', async function () {
    this.timeout(10_000);
    const el = await sized(staticSource({ r: many(2_000) }));
    rows(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedKey(el)).to.equal('id:r2');
    expect((root(el).activeElement as HTMLElement).tabIndex).to.equal(0);
    expect(rows(el).filter((r) => r.tabIndex === 0).map((r) => r.dataset.key)).to.deep.equal(['id:r2']);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect((root(el).activeElement as HTMLElement).textContent!.trim()).to.equal('Owner 2');
    await sendKeys({ press: 'ArrowDown' });
    expect((root(el).activeElement as HTMLElement).textContent!.trim()).to.equal('Owner 3');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect((root(el).activeElement as HTMLElement).getAttribute('part')).to.equal('row');

    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedKey(el) === 'id:r1999', `focus is on ${focusedKey(el)}`, { timeout: 4000 });
    await sendKeys({ press: 'PageUp' });
    expect(Number(focusedKey(el)!.slice(4))).to.be.within(1980, 1995);
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focusedKey(el) === 'id:r0', `focus is on ${focusedKey(el)}`, { timeout: 4000 });

    el.addEventListener('crm-drilldown', (e) => e.preventDefault());
    const details: unknown[] = [];
    el.addEventListener('crm-drilldown', (e) => details.push(e.detail.row));
    await sendKeys({ press: 'Enter' });
    expect(details).to.deep.equal([many(1)[0]]);
  });

  it('leaves no subscription open after being removed, however often it comes and goes', async () => {
    const source = new ManualSource(frame(many(50)));
    await expectChurnLeavesNothingOpen(
      source,
      60,
      (i) => Object.assign(document.createElement('crm-records'), { metric: 'r', source, filters: { n: String(i % 3) } }),
      (el) => rendered(el),
      20,
    );
  });
});
