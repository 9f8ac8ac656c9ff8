import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import type { CatalogEntry, WidgetKind } from '../../src/data/types.js';
import { AddWidgetDialog } from '../../src/dashboard/add-widget-dialog.js';
import { readCatalogEntries } from '../../src/data/read-catalog.js';
import { gridEditorStyles } from '../../src/dashboard/grid-editor.styles.js';
import { tokenStyles } from '../../src/widgets/shared/tokens.styles.js';

const CATALOG: CatalogEntry[] = [
  { metric: 'revenue', label: 'Revenue', kinds: ['kpi'], unit: 'EUR' },
  { metric: 'win_rate', label: 'Win rate', kinds: ['kpi', 'leaderboard'], unit: '%' },
  { metric: 'funnel', label: 'Pipeline funnel', kinds: ['funnel', 'records'] },
];

/** A dashboard header in miniature: an Add button that opens the dialog. */
class AddWidgetTest extends LitElement {
  static override styles = [tokenStyles, gridEditorStyles];
  catalog: () => Promise<readonly CatalogEntry[]> | null = () => Promise.resolve(CATALOG);
  calls = 0;
  picks: Array<{ entry: CatalogEntry; kind: WidgetKind }> = [];
  dialog = new AddWidgetDialog(this, {
    catalog: () => {
      this.calls++;
      return this.catalog();
    },
    onPick: (entry, kind) => this.picks.push({ entry, kind }),
  });

  override render() {
    return html`<button class="add" @click=${() => this.dialog.open()}>Add widget</button>${this.dialog.render()}`;
  }
}
customElements.define('add-widget-test', AddWidgetTest);

async function mount(catalog?: AddWidgetTest['catalog'], theme?: string) {
  const el = await fixture<AddWidgetTest>(html`<add-widget-test crm-theme=${theme ?? 'light'}></add-widget-test>`);
  if (catalog) el.catalog = catalog;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: AddWidgetTest, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: AddWidgetTest, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const dialogOf = (el: AddWidgetTest) => $<HTMLDialogElement>(el, 'dialog')!;
const center = (target: Element): [number, number] => {
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};
const entryRow = (el: AddWidgetTest, label: string) => $$(el, '.add-entry').find((row) => row.querySelector('.add-label')!.textContent === label)!;
const opened = async (el: AddWidgetTest) => {
  await waitUntil(() => dialogOf(el).open, 'the dialog never opened');
  await el.updateComplete;
};

describe('AddWidgetDialog', () => {
  afterEach(() => fixtureCleanup());

  it('"Win rate → KPI" is two clicks: Add, then the KPI button on the Win rate row', async () => {
    const el = await mount();
    await sendMouse({ type: 'click', position: center($(el, '.add')!) });
    await opened(el);
    await waitUntil(() => $$(el, '.add-entry').length === 3, 'the catalog never listed');

    const rows = $$(el, '.add-entry').map((row) => ({
      label: row.querySelector('.add-label')!.textContent,
      meta: row.querySelector('.add-meta')!.textContent,
      kinds: [...row.querySelectorAll('.add-kind')].map((b) => b.textContent),
    }));
    expect(rows).to.deep.equal([
      { label: 'Revenue', meta: 'revenue · EUR', kinds: ['KPI'] },
      { label: 'Win rate', meta: 'win_rate · %', kinds: ['KPI', 'Leaderboard'] },
      { label: 'Pipeline funnel', meta: 'funnel', kinds: ['Funnel', 'Records'] },
    ]);
    const kpi = entryRow(el, 'Win rate').querySelector('.add-kind')!;
    expect(kpi.getAttribute('aria-label')).to.equal('Add Win rate as KPI');

    await sendMouse({ type: 'click', position: center(kpi) });
    await el.updateComplete;
    expect(el.picks).to.deep.equal([{ entry: { metric: 'win_rate', label: 'Win rate', kinds: ['kpi', 'leaderboard'], unit: '%' }, kind: 'kpi' }]);
    expect(dialogOf(el).open).to.equal(false);
    expect(el.dialog.isOpen).to.equal(false);
    expect(el.shadowRoot!.activeElement, 'focus back on the Add button').to.equal($(el, '.add'));
  });

  it('is modal: it opens with focus inside, on the list, and a close request (Escape) closes it without a pick', async () => {
    const el = await mount();
    $(el, '.add')!.focus();
    $(el, '.add')!.click();
    await opened(el);
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('add-kind'), 'focus never reached the list');
    expect(el.shadowRoot!.activeElement).to.equal(entryRow(el, 'Revenue').querySelector('.add-kind'));
    expect(dialogOf(el).matches(':modal')).to.equal(true);
    // requestClose() is the close request Escape makes (cancel, then close). Pressing Escape through
    // the test runner's keyboard takes this headless Chromium down with this dialog open.
    dialogOf(el).requestClose();
    await waitUntil(() => !dialogOf(el).open);
    expect(el.picks).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.add'));
  });

  it('a source without a catalog says so, and a typed metric name with a kind still adds a widget', async () => {
    const el = await mount(() => null);
    $(el, '.add')!.click();
    await opened(el);
    expect($(el, '.add-state')!.textContent).to.equal('This source does not list its metrics.');
    expect($$(el, '.add-entry')).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.add-input'));

    // a kind without a name: nothing is added, the field says why
    const funnelButton = $$(el, '.add-form .add-kind').find((b) => b.textContent === 'Funnel')!;
    funnelButton.click();
    await el.updateComplete;
    expect(el.picks).to.have.length(0);
    expect($(el, '.add-input')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${$(el, '.add-input')!.getAttribute('aria-describedby')}`)!.textContent).to.equal('Type the name of a metric first.');

    $(el, '.add-input')!.focus();
    await sendKeys({ type: '  deals_won ' });
    funnelButton.click();
    await el.updateComplete;
    expect(el.picks).to.deep.equal([{ entry: { metric: 'deals_won', label: 'deals_won', kinds: ['funnel'] }, kind: 'funnel' }]);
    expect(dialogOf(el).open).to.equal(false);
  });

  it('Enter in the metric name adds it as a KPI', async () => {
    const el = await mount(() => null);
    $(el, '.add')!.click();
    await opened(el);
    $(el, '.add-input')!.focus();
    await sendKeys({ type: 'win_rate' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.picks).to.deep.equal([{ entry: { metric: 'win_rate', label: 'win_rate', kinds: ['kpi'] }, kind: 'kpi' }]);
  });

  it('a failing catalog shows why, with a retry that lists the metrics once the source answers', async () => {
    let fail = true;
    const el = await mount(() => (fail ? Promise.reject(new Error('HTTP 503 from /catalog')) : Promise.resolve(CATALOG)));
    $(el, '.add')!.click();
    await opened(el);
    await waitUntil(() => $(el, '.add-error[role="alert"]'), 'no error shown');
    expect($(el, '[role="alert"]')!.textContent).to.equal('The list of metrics could not be loaded: HTTP 503 from /catalog');
    expect($(el, '.add-form'), 'typing a metric is still possible').to.not.equal(null);

    fail = false;
    $$(el, '.add-button').find((b) => b.textContent === 'Try again')!.click();
    await waitUntil(() => $$(el, '.add-entry').length === 3, 'the retry never listed');
    expect(el.calls).to.equal(2);
    expect($(el, '[role="alert"]')).to.equal(null);
  });

  it('a catalog that throws, answers with a non-list, or never answers gets a visible state, never an exception', async () => {
    const thrower = await mount(() => {
      throw new TypeError('catalog is broken');
    });
    thrower.dialog.open();
    await opened(thrower);
    await waitUntil(() => $(thrower, '[role="alert"]'));
    expect($(thrower, '[role="alert"]')!.textContent).to.equal('The list of metrics could not be loaded: catalog is broken');

    const odd = await mount(() => Promise.resolve({ metrics: [] } as unknown as CatalogEntry[]));
    odd.dialog.open();
    await opened(odd);
    await waitUntil(() => $(odd, '[role="alert"]'));
    expect($(odd, '[role="alert"]')!.textContent).to.equal('The source answered with something that is not a list of metrics.');

    const silent = await mount(() => new Promise(() => {}));
    silent.dialog.open();
    await opened(silent);
    expect($(silent, '.add-state[role="status"]')!.textContent).to.equal('Loading the metrics this source can show…');
    expect($(silent, '.add-form')).to.not.equal(null);
  });

  it('hostile labels and metric names are shown as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>Deals</b>';
    const el = await mount(() => Promise.resolve([{ metric: '<script>alert(1)</script>', label: hostile, kinds: ['kpi'] }]));
    el.dialog.open();
    await opened(el);
    await waitUntil(() => $$(el, '.add-entry').length === 1);
    expect($(el, '.add-label')!.textContent).to.equal(hostile);
    expect($(el, '.add-meta')!.textContent).to.equal('<script>alert(1)</script>');
    expect($(el, '.add-dialog img, .add-dialog b, .add-dialog script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, '.add-entry .add-kind')!.getAttribute('aria-label')).to.equal(`Add ${hostile} as KPI`);
  });

  it('entries it cannot read are left out and counted; kinds are known ones; a metric listed twice shows once', async () => {
    const list = [
      { metric: 'revenue', label: 'Revenue', kinds: ['KPI', 'chart', 'crm-funnel'] },
      { metric: 'revenue', label: 'Revenue again', kinds: ['kpi'] },
      { label: 'No metric', kinds: ['kpi'] },
      { metric: 'odd', kinds: ['pie'] },
      null,
      'win_rate',
      { metric: ' pipeline ', kinds: ['records'], unit: 42 },
    ];
    // The dialog reads with the data layer's reader: unreadable entries are counted, a repeated one is not.
    expect(readCatalogEntries(list)).to.deep.equal({
      entries: [
        { metric: 'revenue', label: 'Revenue', kinds: ['kpi', 'funnel'] },
        { metric: 'pipeline', label: 'Pipeline', kinds: ['records'] },
      ],
      listed: 7,
      unreadable: 4,
    });
    const el = await mount(() => Promise.resolve(list as unknown as CatalogEntry[]));
    el.dialog.open();
    await opened(el);
    await waitUntil(() => $$(el, '.add-entry').length === 2);
    expect($$(el, '.add-state').map((p) => p.textContent)).to.include('4 entries of the list could not be read and are not shown.');
  });

  it('a long list gets a search box that filters by label or metric', async () => {
    const many: CatalogEntry[] = Array.from({ length: 12 }, (_, i) => ({ metric: `metric_${i}`, label: `Metric ${i}`, kinds: ['kpi'] }));
    many.push({ metric: 'win_rate', label: 'Win rate', kinds: ['kpi'] });
    const el = await mount(() => Promise.resolve(many));
    el.dialog.open();
    await opened(el);
    await waitUntil(() => $$(el, '.add-entry').length === 13);
    const search = $<HTMLInputElement>(el, '.add-search')!;
    expect(el.shadowRoot!.activeElement).to.equal(search);
    await sendKeys({ type: 'WIN' });
    await el.updateComplete;
    expect($$(el, '.add-label').map((l) => l.textContent)).to.deep.equal(['Win rate']);
    search.value = 'metric_1';
    search.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect($$(el, '.add-label').map((l) => l.textContent)).to.deep.equal(['Metric 1', 'Metric 10', 'Metric 11']);
    search.value = 'nothing like it';
    search.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    expect($(el, '.add-state[role="status"]')!.textContent).to.equal('No metric matches “nothing like it”.');
  });

  it('a short list has no search box; an answer that comes after closing is dropped', async () => {
    let answer: (list: CatalogEntry[]) => void = () => {};
    const el = await mount(() => new Promise((resolve) => (answer = resolve)));
    el.dialog.open();
    await opened(el);
    el.dialog.close();
    await el.updateComplete;
    answer(CATALOG);
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect($$(el, '.add-entry')).to.have.length(0);

    el.catalog = () => Promise.resolve(CATALOG);
    el.dialog.open();
    await opened(el);
    await waitUntil(() => $$(el, '.add-entry').length === 3);
    expect($(el, '.add-search')).to.equal(null);
  });

  it('is accessible open, in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount(undefined, theme);
      el.dialog.open();
      await opened(el);
      await waitUntil(() => $$(el, '.add-entry').length === 3);
      await expect(el).to.be.accessible();
      el.dialog.close();
    }
  });
});
