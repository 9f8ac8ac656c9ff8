import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { FrameValue, MetricFrame, MetricQuery } from '../../data/types.js';
import { CrmDrilldownEvent } from '../../events/crm-drilldown.js';
import { toNumber } from '../../metrics/to-number.js';
import { CrmMetricElement, humanize } from '../shared/crm-metric-element.js';
import { drillUrl } from '../shared/drill-url.js';
import { type Filters, filterOf } from '../shared/filters.js';
import { inlineStyle } from '../shared/inline-style.js';
import { LazyCode } from '../shared/lazy-code.js';
import { PoliteAnnouncer } from '../shared/polite-announcer.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { recordsStyles } from './crm-records.styles.js';
import { isQuantity, parseColumnList } from './records-columns.js';
import { RecordFocus } from './records-focus.js';
import { type RecordsMessages, recordsMessagesFor } from './records-messages.js';
import { type RecordItem, type RecordsModel, recordsModel } from './records-model.js';
import { rowTemplate } from './records-row.js';
import { formatSort, nextSort, parseSort } from './records-sort.js';
import { FIRST_WINDOW, isLong } from './records-threshold.js';
import { type RecordsView, recordsView } from './records-view.js';

/** Set before the virtualizer gives the rows' area a minimum of its own (150px): one record takes one row. */
const BODY_STYLE = { 'min-height': '0' };

/** The virtualizer, loaded the first time a table has a long list: most never do. */
const virtualCode = new LazyCode(() => import('./records-virtual.js'), 'the scrolling of long record lists');

/**
 * The records behind a number, live: a sortable table of the lowest-level rows (the opportunities
 * behind a funnel stage, the cases of an agent) with a row count, money and dates in the locale,
 * and a link per record. A long list renders only the rows in view (its virtualizer is loaded the
 * first time one is shown), so 10,000 records scroll smoothly; live updates keep the scroll
 * position and the focused record. In a tile 420 px wide or less, rows become compact cards: the
 * name and amount on the first line, the other columns on the second, and the headers become a
 * row of sort buttons.
 *
 * @summary A live, sortable table of records, virtualised when it is long.
 *
 * @csspart base - The tile.
 * @csspart label - The heading.
 * @csspart count - The row count ("1,284 records").
 * @csspart table - The table (header and rows).
 * @csspart head - The header row's group; on a phone, the row of sort buttons.
 * @csspart header - One column header.
 * @csspart sort - The button in a column header that sorts by it.
 * @csspart body - The scrolling group of rows.
 * @csspart row - One record's row; focusable, activates drill-down.
 * @csspart cell - One cell.
 * @csspart primary - The cell that names the record, in addition to `cell`.
 * @csspart link - The record's link, when it has an http(s) or relative `href`.
 * @csspart note - The note about repeated ids.
 * @csspart stale - The note shown while the data is stale: why, and as of when.
 * @csspart stale-reason - Why the data is stale, in words ("Session expired — sign in again").
 * @csspart as-of - When the source last confirmed the data ("as of 10:42").
 * @csspart retry - Retry, after an error that is not retried by itself (401, 403, 404), and under a long list whose rest could not be loaded.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error view with its Retry button; also the line under a long list whose scrolling code could not be loaded ("Could not load the rest of the list").
 * @csspart error-reason - What went wrong, in words ("Session expired — sign in again").
 * @csspart empty - The empty view.
 *
 * @cssprop --crm-font-family - Font of the widget.
 * @cssprop --crm-color-text - Main text colour.
 * @cssprop --crm-color-muted - Headers, counts and missing values.
 * @cssprop --crm-color-surface - Tile background.
 * @cssprop --crm-color-border - Tile border and row lines.
 * @cssprop --crm-color-accent - Links and the sorted column's arrow.
 * @cssprop --crm-color-warning - Colour of the "not updating" note.
 * @cssprop --crm-color-track - Row hover background.
 * @cssprop --crm-color-focus - Focus ring.
 * @cssprop --crm-radius - Corner radius.
 * @cssprop --crm-space - Inner padding.
 * @cssprop --crm-font-size-label - Size of the heading and small text.
 * @cssprop --crm-records-height - Height of the rows' area when the tile has no height of its own (default 22rem).
 * @cssprop --crm-records-row-height - Height of a table row (default 2.5rem).
 *
 * @fires crm-drilldown - The user clicked a row or pressed Enter on it; `detail.row` is the record's row, `detail.href` where it leads. Cancelable: cancel it to stop the navigation.
 * @fires crm-state - The data state changed (`loading`, `ready`, `stale`, `error`, `empty`).
 */
export class CrmRecords extends CrmMetricElement<RecordsModel> {
  static override styles = [tokenStyles, recordsStyles];
  static override properties: PropertyDeclarations = {
    columns: {},
    sort: { reflect: true },
    limit: { type: Number },
    currency: {},
  };

  /** Comma list of the fields to show, in order (`name,stage,amount`); default: the frame's fields, else name, owner, stage, amount, close date. */
  columns: string | undefined = undefined;

  /** The order, `field:asc` or `field:desc` (`amount:desc`); a click on a header changes it. Default: the source's order. */
  sort: string | undefined = undefined;

  /** The most records to ask for and show; not a positive number: all. */
  limit = 0;

  /** ISO 4217 code for `amount` when the source's fields give it no currency unit; a field's own currency unit wins. */
  currency: string | undefined = undefined;

  readonly #announcer = new PoliteAnnouncer(this);
  readonly #focus = new RecordFocus(this, () => this.#body());
  #view: RecordsView | null = null;
  /** What the view was made from: it is made again only when one of these changes. */
  #viewKey: unknown[] = [];
  #words: RecordsMessages = recordsMessagesFor('en-US');
  /** The list is long: its rows go through the virtualizer once it has loaded. */
  #long = false;
  /** The rows are rendered by the virtualizer (else plainly, all of them or the first window). */
  #virtual = false;
  /** How many rows are in the DOM for keyboard moves: all in a virtualised list. */
  #reach = 0;
  /** Where the old rows' area was scrolled when the rendering changed: the new one starts there. */
  #carry: number | null = null;
  /** The rows' height when the virtualizer took over from plain rows (0: not known), its layout's first estimate. */
  #rowPx = 0;
  #countSaid: string | null = null;
  #hrefs = new WeakMap<RecordItem, string | null>();

  protected override query(): MetricQuery | null {
    const q = super.query();
    if (!q) return null;
    const limit = Number.isFinite(this.limit) && this.limit > 0 ? Math.floor(this.limit) : 0;
    return limit ? { ...q, limit } : q;
  }

  protected toModel(frame: MetricFrame): RecordsModel | null {
    return recordsModel(frame);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#words = recordsMessagesFor(this.resolvedLocale);
    const model = this.data.model;
    const frame = this.data.frame;
    const key = [model, this.columns, this.sort, this.limit, this.currency, this.resolvedLocale, this.drillHref, this.metric, this.effectiveRange];
    if (key.some((k, i) => k !== this.#viewKey[i])) {
      // Where focus is now, in the order it was found in, before the order changes.
      if (this.#view) this.#focus.follow(this.shadowRoot?.activeElement ?? null, this.#view.shown);
      this.#viewKey = key;
      this.#hrefs = new WeakMap();
      this.#view =
        model && frame
          ? recordsView(model, frame, {
              columns: parseColumnList(this.columns),
              sort: parseSort(this.sort),
              limit: this.limit,
              currency: this.currency,
              locale: this.resolvedLocale,
              messages: this.#words,
            })
          : null;
      if (this.#view) this.#focus.sync(this.#view.shown);
      this.#announceCount();
    }
    this.#chooseRendering();
    // Plain rows are rendered with the table: focus in them is put back after it (see updated).
    if (this.shadowRoot) this.#focus.beforeRender(this.shadowRoot);
  }

  /**
   * Plain rows or the virtualizer, by the list's length. A change of rendering makes a new rows'
   * area (the virtualizer styles, sizes and listens to its own): it takes over the old one's scroll.
   */
  #chooseRendering(): void {
    const n = this.#view?.shown.length ?? 0;
    this.#long = isLong(n, this.#long);
    if (this.#long && !virtualCode.code) virtualCode.load(this);
    const virtual = this.#long && !!virtualCode.code;
    if (virtual !== this.#virtual) {
      const body = this.#body();
      if (body?.scrollTop) this.#carry = body.scrollTop;
      if (body) this.#rowPx = this.#rowHeight();
      this.#virtual = virtual;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const body = this.#body();
    if (body && this.#carry !== null) {
      if (this.#virtual) virtualCode.code!.scrollNewTo(body, this.#carry);
      else body.scrollTop = this.#carry;
    }
    this.#carry = null;
    this.#focus.afterRender(this.shadowRoot!);
  }

  /** A changed count is said politely (rate-limited); the first one is read with the table. */
  #announceCount(): void {
    const text = this.#view?.countText ?? null;
    if (text && this.#countSaid !== null && text !== this.#countSaid) this.#announcer.announce(text);
    this.#countSaid = text;
  }

  override render() {
    const view = this.#view;
    const model = this.data.model;
    if (!model || !view) return html`<div class="tile" part="base">${this.#renderHeader(null)}${this.#renderStateView()}</div>`;
    const stale = this.data.state === 'stale';
    return html`
      <div class=${stale ? 'tile stale' : 'tile'} part="base">
        ${this.#renderHeader(view)}
        <div
          class="table"
          part="table"
          role="table"
          aria-labelledby="label"
          aria-describedby="count"
          aria-rowcount=${view.shown.length + 1}
          aria-colcount=${view.columns.length}
          ${inlineStyle({ '--_columns': view.grid, '--_count': view.shown.length })}
          @keydown=${this.#onKeydown}
          @focusin=${this.#onFocusin}
          @click=${this.#onClick}
        >
          ${this.#renderHead(view)} ${this.#renderBody(view)}
        </div>
        ${this.#long && virtualCode.failed ? html`<div class="rest-failed">${virtualCode.placeholder(this, { ...this.messages, chartFailed: this.#words.restFailed })}</div>` : nothing}
        ${view.duplicatesText ? html`<div class="note" part="note">${view.duplicatesText}</div>` : nothing}
        ${this.renderStaleNote()}
      </div>
      <div class="sr-only" aria-live="polite">${this.#announcer.text}</div>
    `;
  }

  #renderHeader(view: RecordsView | null) {
    return html`<div class="header">
      <span class="label" id="label" part="label">${this.label || humanize(this.metric)}</span>
      ${view ? html`<span class="count" id="count" part="count">${view.countText}</span>` : nothing}
    </div>`;
  }

  /** Loading and error as every widget shows them; no records in the table's own words. */
  #renderStateView() {
    if (this.data.state !== 'empty') return this.renderStateView();
    const filtered = Object.keys(this.effectiveFilters).length > 0;
    return html`<div class="state-view" part="empty">${filtered ? this.#words.noneFiltered : this.#words.none}</div>`;
  }

  #renderHead(view: RecordsView) {
    const sort = parseSort(this.sort);
    return html`<div class="head" part="head" role="rowgroup">
      <span class="sort-by" aria-hidden="true">${this.#words.sortBy}</span>
      <div class="head-row" role="row" aria-rowindex="1">
        ${view.columns.map((column, i) => {
          const direction = sort?.column === column.name ? sort.direction : null;
          return html`<div
            class=${`header${isQuantity(column.kind) ? ' quantity' : ''}${direction !== null ? ' sorted' : ''}`}
            part="header"
            role="columnheader"
            aria-sort=${direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : nothing}
          >
            <button class="sort" part="sort" type="button" data-col=${i}>
              <span class="sort-label">${column.label}</span><span class="arrow" aria-hidden="true">${direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}</span>
            </button>
          </div>`;
        })}
      </div>
    </div>`;
  }

  /**
   * The rows' area: every row of a short list, in the same row template and geometry as the
   * virtualizer's (one fixed height, the same scroller), so both look and behave alike; a long
   * list's rows through the virtualizer, and its first window plainly until that has loaded.
   */
  #renderBody(view: RecordsView) {
    const row = (r: RecordItem, i: number) => this.#renderRow(r, i, view);
    const code = this.#virtual ? virtualCode.code : undefined;
    if (code) {
      this.#reach = view.shown.length;
      return html`<div class="body" part="body" role="rowgroup" tabindex="-1" ${inlineStyle(BODY_STYLE)} @rangeChanged=${this.#onRangeChanged}>${code.virtualRows(view.shown, row, this.#rowPx)}</div>`;
    }
    const rows = this.#long ? view.shown.slice(0, FIRST_WINDOW) : view.shown;
    this.#reach = rows.length;
    return html`<div class="body plain" part="body" role="rowgroup" tabindex="-1">${repeat(rows, (r) => r.key, row)}</div>`;
  }

  #renderRow(record: RecordItem, index: number, view: RecordsView) {
    return rowTemplate(record, {
      columns: view.columns,
      primary: view.primary,
      lead: view.columns.findIndex((c, i) => i !== view.primary && isQuantity(c.kind)),
      locale: this.resolvedLocale,
      rowIndex: index + 2,
      tabbable: record.key === this.#focus.key,
      href: this.#hrefOf(record),
      unnamed: this.#words.unnamed,
    });
  }

  /**
   * Where a record leads: `drill-href` filled from its row when the page set one, else its own safe
   * `href`. Kept per view: rows are rendered again on every scroll, a refused URL warns once.
   */
  #hrefOf(record: RecordItem): string | null {
    if (!this.drillHref) return record.href;
    let href = this.#hrefs.get(record);
    if (href === undefined) this.#hrefs.set(record, (href = drillUrl(this.drillHref, { ...record.row, metric: this.metric, range: this.effectiveRange ?? '', value: this.#valueOf(record) })));
    return href;
  }

  #body(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.body');
  }

  /** A row's height in pixels (one for every row, in either rendering); 1 before any is rendered. */
  #rowHeight(): number {
    return this.renderRoot.querySelector<HTMLElement>('.row')?.offsetHeight || 1;
  }

  /** The virtualizer is about to render another window of rows (or new data): focus is put back after it. */
  #onRangeChanged = () => {
    const root = this.shadowRoot!;
    this.#focus.beforeRender(root);
    // The virtualizer renders in its own listener of this same event, which comes after this one.
    queueMicrotask(() => this.#focus.afterRender(root));
  };

  #onFocusin = (e: FocusEvent) => {
    if (this.#view) this.#focus.focused(e.target as Element, this.#view.shown);
  };

  #recordAt(event: Event): RecordItem | null {
    const row = (event.target as Element).closest<HTMLElement>('.row[data-key]');
    return (row && this.#view?.shown.find((r) => r.key === row.dataset.key)) ?? null;
  }

  #onClick = (e: MouseEvent) => {
    const target = e.target as Element;
    const sortButton = target.closest<HTMLElement>('button.sort');
    if (sortButton) {
      this.#sortBy(Number(sortButton.dataset.col));
      return;
    }
    const record = this.#recordAt(e);
    if (!record) return;
    // A modified click on the link (new tab, new window) is the browser's, not a drill-down.
    if (target.closest('a') && (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0)) return;
    e.preventDefault();
    this.#drill(record, e);
  };

  #sortBy(col: number): void {
    const column = this.#view?.columns[col];
    if (column) this.sort = formatSort(nextSort(parseSort(this.sort), column));
  }

  /** The number a record's drill-down carries: its amount, else its first quantity. */
  #valueOf(record: RecordItem): number | null {
    return toNumber(record.row.amount as FrameValue | undefined) ?? this.#firstQuantity(record);
  }

  protected override markFilters(row: Readonly<Record<string, FrameValue>>): Filters {
    return filterOf('id', row.id);
  }

  /** Fires `crm-drilldown` for a record and, unless a listener cancels it, follows its link (ctrl/⌘: a new tab). */
  #drill(record: RecordItem, trigger: MouseEvent | KeyboardEvent): void {
    const href = this.#hrefOf(record);
    const value = this.#valueOf(record);
    const range = this.effectiveRange;
    const event = new CrmDrilldownEvent({ metric: this.metric, row: record.row, value, ...(range ? { range } : {}), filters: this.markFilters(record.row), href });
    if (!this.dispatchEvent(event) || !href) return;
    if (trigger.ctrlKey || trigger.metaKey) window.open(href, '_blank', 'noopener');
    else window.location.assign(href);
  }

  #firstQuantity(record: RecordItem): number | null {
    const column = this.#view?.columns.find((c) => isQuantity(c.kind));
    return column ? toNumber(record.row[column.name]) : null;
  }

  /**
   * Arrow keys move between rows (keeping the column) and, Left and Right, between a row's cells;
   * Page Up/Down move by a screenful, Home/End (with Ctrl in a cell) to the first and last record;
   * Enter drills down. Rows outside the rendered window are scrolled to first.
   */
  #onKeydown = (e: KeyboardEvent) => {
    const view = this.#view;
    const target = e.target as HTMLElement;
    if (!view || !target.closest('.body')) return;
    const record = this.#recordAt(e);
    if (e.key === 'Enter') {
      if (!record) return;
      e.preventDefault();
      this.#drill(record, e);
      return;
    }
    const focus = this.#focus;
    const here = record ? view.shown.indexOf(record) : focus.index;
    // A screenful less one row, so that the row focus leaves stays in view.
    const page = Math.max(1, Math.floor(this.#body()!.clientHeight / this.#rowHeight()) - 1);
    const inCell = focus.col >= 0;
    const rowMoves: Record<string, number> = { ArrowDown: here + 1, ArrowUp: here - 1, PageDown: here + page, PageUp: here - page };
    if (!inCell || e.ctrlKey) Object.assign(rowMoves, { Home: 0, End: view.shown.length - 1 });
    if (e.key in rowMoves) {
      e.preventDefault();
      this.#moveTo(rowMoves[e.key]!);
      return;
    }
    const last = view.columns.length - 1;
    const colMoves: Record<string, number> = { ArrowRight: Math.min(last, focus.col + 1), ArrowLeft: focus.col - 1, Home: 0, End: last };
    if (!(e.key in colMoves) || !record) return;
    e.preventDefault();
    focus.col = Math.max(-1, colMoves[e.key]!);
    this.#moveTo(here);
  };

  #moveTo(index: number): void {
    const view = this.#view!;
    const focus = this.#focus;
    // Plain rows go no further than the rows drawn (a long list's first window, while it has no virtualizer).
    focus.moveTo(Math.min(index, this.#reach - 1), view.shown);
    const body = this.#body()!;
    const target = focus.target(body);
    if (target) {
      target.focus();
      return;
    }
    // Not rendered: scroll it in; the render that follows puts focus on it.
    virtualCode.code?.virtualizerOf(body)?.element(focus.index)?.scrollIntoView({ block: 'nearest' });
  }
}
