import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { getSource } from '../data/registry.js';
import type { CatalogEntry, FrameValue, MetricSource } from '../data/types.js';
import type { CrmDrilldownEvent } from '../events/crm-drilldown.js';
import { resolveLocale } from '../format/locale.js';
import { humanize } from '../widgets/shared/crm-metric-element.js';
import { type DashboardContext, type DashboardSelection, dashboardContext } from '../widgets/shared/dashboard-context.js';
import { type Filters, filtersConverter, normalizeFilters } from '../widgets/shared/filters.js';
import { inlineStyle } from '../widgets/shared/inline-style.js';
import { PoliteAnnouncer } from '../widgets/shared/polite-announcer.js';
import { tokenStyles } from '../widgets/shared/tokens.styles.js';
import { dashboardStyles } from './crm-dashboard.styles.js';
import type { AddWidgetDialog } from './add-widget-dialog.js';
import { CrmConfigChangeEvent } from './crm-config-change.js';
import { type Cell, type DashboardConfig, type ReadConfig, type ReadWidget, readDashboardConfig } from './dashboard-config.js';
import { type DashboardMessages, dashboardMessagesFor } from './dashboard-messages.js';
import { type FilterChip, chipText, filterText, parseFilterOptions, renderChips, renderFilterSelects } from './filter-bar.js';
import type { GridEditor } from './grid-editor.js';
import { gridColumns, layoutCells } from './grid-layout.js';
import { renderPeriodPicker } from './period-picker.js';
import { type RecordsPanel, renderRecordsPanel } from './records-panel.js';
import { ConfigStore } from './config-store.js';
import { WidgetElements } from './widget-elements.js';
import { kindOfTag, loadWidget } from './widget-modules.js';

/** A cross-filter selection with what its chip needs. */
interface Selection extends DashboardSelection {
  readonly id: number;
}

/**
 * A live dashboard: a header with the title, a period picker and filters, and a grid of crm-pulse
 * widgets placed by a config (or written as plain children). Every widget inside takes the
 * dashboard's `source`, `range`, `compare`, `locale`, `theme` and `filters` unless it sets its own
 * (a context protocol, so it works across shadow roots and frameworks). With `cross-filter`, a click
 * on a mark (a funnel stage, a campaign, an agent, a channel) filters every other widget by it;
 * otherwise, or for a widget with `drill="records"`, it opens the records behind the mark. With
 * `editable`, an Edit button lets a manager move, resize, remove and add widgets.
 *
 * @summary A dashboard of live widgets with a shared period, filters and cross-filtering.
 *
 * @slot - Widgets written as plain children (`<crm-kpi metric="revenue">`), placed after the config's.
 *
 * @csspart base - The dashboard.
 * @csspart header - The header row: title and controls.
 * @csspart title - The title.
 * @csspart controls - The period picker, filters and edit buttons.
 * @csspart period - The period picker (label and select).
 * @csspart filter - One filter select (label and select).
 * @csspart select - A select of the header.
 * @csspart custom-range - The custom interval form.
 * @csspart input - A date field of the custom interval.
 * @csspart button - A button of the header (Apply, Edit, Done, Add widget).
 * @csspart chips - The list of active filters.
 * @csspart chip - One active filter; also `chip-filter` or `chip-selection` (a cross-filter).
 * @csspart chip-remove - The button that removes a filter.
 * @csspart clear-all - The button that removes every filter.
 * @csspart grid - The grid of widgets.
 * @csspart cell - The cell of one widget.
 * @csspart widget - A widget the config placed.
 * @csspart placeholder - The placeholder of a widget that cannot be shown, with its reason.
 * @csspart records-panel - The records behind a mark, shown instead of the grid.
 * @csspart edit-chrome - In edit mode, the layer over a widget that holds its handles.
 * @csspart edit-handle - A handle of the edit chrome; also `edit-move` (with the widget's name), `edit-resize` or `edit-remove`.
 * @csspart add-dialog - The "Add widget" dialog.
 * @csspart back - The records panel's back button.
 *
 * @cssprop --crm-dashboard-row-height - Height of one grid row (default 64px).
 * @cssprop --crm-dashboard-gap - Space between widgets (default 12px).
 * @cssprop --crm-font-family - Font of the dashboard.
 * @cssprop --crm-color-text - Main text colour.
 * @cssprop --crm-color-muted - Labels of the controls.
 * @cssprop --crm-color-surface - Background of controls and chips.
 * @cssprop --crm-color-border - Borders of controls and chips.
 * @cssprop --crm-color-accent - Cross-filter chips and the primary button.
 * @cssprop --crm-color-focus - Focus ring.
 * @cssprop --crm-radius - Corner radius.
 *
 * @fires crm-config-change - The user changed the dashboard (period, filters, layout, widgets); `detail.config` is the whole config as plain JSON.
 */
export class CrmDashboard extends LitElement {
  static override styles = [tokenStyles, dashboardStyles];

  static override properties: PropertyDeclarations = {
    config: { attribute: false },
    label: {},
    source: {},
    range: { reflect: true },
    compare: {},
    filters: { converter: filtersConverter },
    filterOptions: { attribute: 'filter-options' },
    locale: {},
    theme: { reflect: true },
    crossFilter: { type: Boolean, attribute: 'cross-filter' },
    editable: { type: Boolean },
    storageKey: { attribute: 'storage-key' },
    _editing: { state: true, attribute: false },
    _customOpen: { state: true, attribute: false },
  };

  /**
   * The dashboard as plain data (`{ title, source, range, filters, columns, widgets: [{ type, id,
   * metric, x, y, w, h, …attributes }] }`), or its JSON text. Without one, a
   * `<script type="application/json">` child is read. A config saved under `storage-key` wins.
   */
  config: DashboardConfig | string | undefined = undefined;
  /** The title; default: the config's `title`. */
  label: string | undefined = undefined;
  /** The source every widget reads unless it names its own: a registered name or a `MetricSource`. */
  source: string | MetricSource | undefined = undefined;
  /** The period every widget shows unless it sets its own; the period picker sets it. Default: the config's, else `this_quarter`. */
  range: string | undefined = undefined;
  /** `previous_period` or `previous_year` for every widget that does not set its own. */
  compare: 'previous_period' | 'previous_year' | undefined = undefined;
  /** Filters for every widget (`region=EMEA;team=Direct` as an attribute), over the config's. */
  filters: Filters | string | undefined = undefined;
  /** The choices of the filter bar: `region=EMEA,Americas,APAC;channel=direct,partner` (a select per field). */
  filterOptions: string | undefined = undefined;
  /** BCP 47 locale for the widgets and the controls; default: the nearest `lang`, then the browser. */
  locale: string | undefined = undefined;
  /** `light` (default), `dark` or `auto`, for the dashboard and every widget without its own. */
  theme: 'light' | 'dark' | 'auto' | undefined = undefined;
  /** A click on a mark filters the other widgets by it (a chip), instead of opening its records. */
  crossFilter = false;
  /** Shows the Edit button: move, resize, remove and add widgets. */
  editable = false;
  /** Saves the config to localStorage under this key on every change, and reads it from there first. */
  storageKey: string | undefined = undefined;

  /** @internal Edit mode is on. */
  protected _editing = false;
  /** @internal The custom interval form is open. */
  protected _customOpen = false;

  readonly #provider = new ContextProvider(this, { context: dashboardContext, initialValue: {} });
  readonly #announcer = new PoliteAnnouncer(this, 1000);
  readonly #elements = new WidgetElements();
  readonly #store = new ConfigStore();
  #read: ReadConfig = readDashboardConfig({ widgets: [] });
  #readFrom: unknown = undefined;
  /**
   * What the user picked in the header (a period, filters): it wins over the page's `range` and
   * `filters` and the config's, until a new config comes or the layout is reset. A config read from
   * storage brings the picks saved with it.
   */
  #picked: { range?: string; filters?: Filters } = {};
  #layout = new Map<string, Cell>();
  /** While a tile is dragged: the layout to show (others pushed out of the way). */
  #preview: Map<string, Cell> | null = null;
  /** The grid editor and the "Add widget" dialog, once edit mode was loaded (see `dashboard-editing.ts`). */
  #edit: { editor: GridEditor; dialog: AddWidgetDialog; withWidget: typeof import('./config-edits.js').withWidget } | null = null;
  #selections: Selection[] = [];
  #nextSelection = 1;
  #panel: RecordsPanel | null = null;
  #messages: DashboardMessages = dashboardMessagesFor('en-US');
  #locale = 'en-US';
  #contextKey: unknown[] = [];
  /** Widgets written as children: the empty note is not shown beside them. */
  #hasChildren = false;

  /** The config as it is now, with the user's changes: what `crm-config-change` carries. */
  get currentConfig(): DashboardConfig {
    return this.#read.config;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('crm-drilldown', this.#onDrilldown);
    this.addEventListener('keydown', this.#onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('crm-drilldown', this.#onDrilldown);
    this.removeEventListener('keydown', this.#onKeydown);
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.#readConfig(changed);
    this.#pruneSelections(changed.has('crossFilter') && !this.crossFilter);
    this.#locale = resolveLocale(this, this.locale);
    this.#messages = dashboardMessagesFor(this.#locale);
    const theme = this.theme || 'light';
    if (this.getAttribute('crm-theme') !== theme) this.setAttribute('crm-theme', theme);
    this.#provide();
  }

  /**
   * Reads the config when its input changed: storage first (what a user made here), then the
   * property, then the script child. A config the host sets after the first render wins over a
   * saved one, and is saved.
   */
  #readConfig(changed: PropertyValues): void {
    if (changed.has('config') && this.hasUpdated && this.config !== undefined) {
      this.#picked = {};
      this.#apply(readDashboardConfig(this.config));
      this.#readFrom = this.#store.save(this.storageKey, this.#read.config) ?? this.config;
      return;
    }
    const stored = this.#store.load(this.storageKey, changed.has('storageKey'));
    const input = stored ?? this.config ?? this.#scriptConfig();
    if (input === this.#readFrom) return;
    this.#readFrom = input;
    this.#apply(readDashboardConfig(input ?? { widgets: [] }));
    const { range, filters } = this.#read.config;
    this.#picked = stored === undefined ? {} : { ...(range ? { range } : {}), ...(filters ? { filters: normalizeFilters(filters) } : {}) };
  }

  /** Selections whose widget left (removed in edit mode, a new config), or all when cross-filter is turned off. */
  #pruneSelections(all: boolean): void {
    const kept = all ? [] : this.#selections.filter((s) => this.#elements.has(s.origin) || this.contains(s.origin));
    if (kept.length !== this.#selections.length) this.#selections = kept;
  }

  #scriptConfig(): string | undefined {
    return this.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
  }

  /** Takes a read config: lays it out and warns once about what it left out. */
  #apply(read: ReadConfig): void {
    this.#read = read;
    const columns = gridColumns(read.config.columns ?? 12);
    this.#layout = layoutCells(read.widgets, columns);
    this.#elements.keepOnly(new Set(read.widgets.map((w) => w.id)));
    const warnings = [...(read.problem ? [read.problem] : []), ...read.warnings, ...read.widgets.flatMap((w) => w.warnings.map((text) => `${w.id}: ${text}`))];
    if (warnings.length) console.warn(`crm-pulse: dashboard config: ${warnings.join('; ')}`);
  }

  get #columns(): number {
    return gridColumns(this.#read.config.columns ?? 12);
  }

  /** A widget's name for the edit handles and announcements: its label, else its metric in words. */
  #widgetLabel(id: string): string {
    const widget = this.#read.widgets.find((w) => w.id === id);
    return widget?.attributes.label || humanize(widget?.attributes.metric || id);
  }

  /** What the source can answer, for "Add widget": the dashboard's source object's `catalog()`, or a registered one's. */
  #catalog(): Promise<readonly CatalogEntry[]> | null {
    const own = this.source || this.#read.config.source || 'default';
    const source = typeof own === 'string' ? getSource(own) : own;
    return source?.catalog ? Promise.resolve().then(() => source.catalog!()) : null;
  }

  /** A finished move or resize: every cell that moved is written to the config. */
  #commitLayout(layout: ReadonlyMap<string, Cell>): void {
    this.#preview = null;
    let config = this.#read.config;
    for (const [id, cell] of layout) {
      const before = this.#layout.get(id);
      if (this.#edit && (!before || before.x !== cell.x || before.y !== cell.y || before.w !== cell.w || before.h !== cell.h)) config = this.#edit.withWidget(config, id, { ...cell });
    }
    // Widgets in reading order (row, then column): the order of the page, and of Tab, is the order on screen.
    const at = (id: string) => layout.get(id) ?? { x: 0, y: Number.MAX_SAFE_INTEGER };
    const widgets = config.widgets.map((w, i) => ({ w, i })).sort((a, b) => at(a.w.id).y - at(b.w.id).y || at(a.w.id).x - at(b.w.id).x || a.i - b.i);
    this.#changeConfig({ ...config, widgets: widgets.map(({ w }) => w) });
  }

  async #toggleEditing(): Promise<void> {
    this.#preview = null;
    if (this._editing) this._editing = false;
    else {
      try {
        await this.#loadEditing();
        this._editing = true;
      } catch (error) {
        console.warn('crm-pulse: could not load the dashboard editor', error);
        return;
      }
    }
    // The button pressed is replaced by its counterpart: focus goes there, not to the page.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this._editing ? '[part~="done"]' : '[part~="edit"]')?.focus();
  }

  /** Loads edit mode once: the controllers join the element, their styles its shadow root. */
  async #loadEditing(): Promise<void> {
    if (this.#edit) return;
    const { GridEditor, AddWidgetDialog, gridEditorStyles, editingMessagesFor, withWidget, newWidgetEntry } = await import('./dashboard-editing.js');
    if (this.#edit) return;
    const words = editingMessagesFor(this.#locale);
    const editor = new GridEditor(this, {
      grid: () => this.renderRoot.querySelector('.grid'),
      columns: () => this.#columns,
      layout: () => this.#layout,
      onPreview: (layout) => {
        this.#preview = layout;
        this.requestUpdate();
      },
      onCommit: (layout) => this.#commitLayout(layout),
      onRemove: (id) => this.#changeConfig(withWidget(this.#read.config, id, null)),
      label: (id) => this.#widgetLabel(id),
      ...(words.editor ? { messages: words.editor } : {}),
    });
    const dialog = new AddWidgetDialog(this, {
      ...(words.dialog ? { messages: words.dialog } : {}),
      catalog: () => this.#catalog(),
      onPick: (entry, kind) => {
        const added = newWidgetEntry(this.#read.config, entry, kind);
        this.#changeConfig({ ...this.#read.config, widgets: [...this.#read.config.widgets, added] });
        // The new tile goes where there is room: bring it into view.
        void this.updateComplete.then(() => this.renderRoot.querySelector(`[data-cell-id="${CSS.escape(added.id)}"]`)?.scrollIntoView({ block: 'nearest' }));
      },
    });
    this.#edit = { editor, dialog, withWidget };
    const root = this.shadowRoot;
    const sheet = gridEditorStyles.styleSheet;
    if (root && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Forgets the saved layout and shows the page's own config again. */
  #resetLayout(): void {
    this.#store.clear(this.storageKey);
    this.#readFrom = undefined;
    this.#readConfig(new Map());
    this.#picked = {};
    this.#pruneSelections(false);
    this.requestUpdate();
    this.dispatchEvent(new CrmConfigChangeEvent(this.#read.config));
  }

  /** The period in use: the dashboard's, the config's, else this quarter. */
  get #range(): string {
    return this.#picked.range || this.range || this.#read.config.range || 'this_quarter';
  }

  /** The dashboard's filters: the config's, with the page's `filters` over them. */
  get #filters(): Filters {
    return this.#picked.filters ?? { ...normalizeFilters(this.#read.config.filters), ...normalizeFilters(this.filters) };
  }

  /** Gives the widgets a new context when something in it changed (each then asks again once, if its query changed). */
  #provide(): void {
    const source = this.source || this.#read.config.source || undefined;
    const compare = this.compare || this.#read.config.compare;
    const filters = this.#filters;
    const key = [source, this.#range, compare, this.locale, this.theme, JSON.stringify(filters), this.#selections];
    if (key.every((k, i) => k === this.#contextKey[i])) return;
    this.#contextKey = key;
    const value: DashboardContext = {
      ...(source ? { source } : {}),
      range: this.#range,
      ...(compare ? { compare } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
      ...(this.theme ? { theme: this.theme } : {}),
      filters,
      selections: this.#selections,
    };
    this.#provider.setValue(value);
  }

  override render() {
    const m = this.#messages;
    const title = this.label ?? this.#read.config.title ?? '';
    return html`<div class="dashboard" part="base">
        <header class="header" part="header">
          ${title ? html`<h2 class="title" part="title">${title}</h2>` : nothing}
          <div class="controls" part="controls">
            ${renderPeriodPicker({
              range: this.#range,
              messages: m,
              locale: this.#locale,
              customOpen: this._customOpen,
              onRange: (range) => this.#setRange(range),
              onCustomOpen: (open) => {
                this._customOpen = open;
                // Opening moves to the first date; closing (applied or Escape) back to the picker.
                void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(open ? '[part~="custom-range"] input' : '[part~="period"] select')?.focus());
              },
            })}
            ${renderFilterSelects({ options: parseFilterOptions(this.filterOptions), filters: this.#filters, messages: m, onFilter: (field, value) => this.#setFilter(field, value) })}
            ${this.#renderEditButtons()}
          </div>
        </header>
        ${renderChips({ chips: this.#chips(), messages: m, onRemove: (chip) => this.#removeChip(chip), onClear: () => this.#clearFilters() })}
        ${this.#panel ? renderRecordsPanel(this.#panel, m, () => this.#closePanel()) : nothing}
        <div class=${this._editing ? 'grid editing' : 'grid'} part="grid" ?hidden=${this.#panel !== null} ${inlineStyle({ '--_columns': String(this.#columns) })}>
          ${this.#read.problem ? html`<div class="placeholder config-problem" part="placeholder" role="note">${this.#read.problem}</div>` : nothing}
          ${this.#read.widgets.length || this.#read.problem || this.#hasChildren ? nothing : html`<div class="placeholder config-problem" part="empty">${this.#messages.empty}</div>`}
          ${repeat(
            this.#read.widgets,
            (w) => w.id,
            (w) => this.#renderCell(w),
          )}
          <slot @slotchange=${this.#onSlotChange}></slot>
        </div>
      </div>
      <div class="sr-only" aria-live="polite">${this.#announcer.text}</div>
      ${this._editing && this.#edit ? this.#edit.editor.renderStatus() : nothing}
      ${this.#edit ? this.#edit.dialog.render() : nothing}`;
  }

  #renderEditButtons() {
    if (!this.editable) return nothing;
    const m = this.#messages;
    if (!this._editing) return html`<button class="button" part="button edit" type="button" @click=${this.#toggleEditing}>${m.edit}</button>`;
    return html`<button class="button" part="button add" type="button" @click=${() => this.#edit?.dialog.open()}>${m.addWidget}</button>
      ${this.storageKey ? html`<button class="button" part="button reset" type="button" @click=${this.#resetLayout}>${m.reset}</button>` : nothing}
      <button class="button primary" part="button done" type="button" aria-pressed="true" @click=${this.#toggleEditing}>${m.done}</button>`;
  }

  #renderCell(widget: ReadWidget) {
    const cell = this.#preview?.get(widget.id) ?? this.#layout.get(widget.id) ?? widget.cell;
    const element = this.#elements.element(widget);
    element?.setAttribute('part', 'widget');
    // In edit mode Tab goes from handle to handle: the widgets' own marks and buttons wait.
    element?.toggleAttribute('inert', this._editing);
    return html`<div
      class="cell"
      part="cell"
      data-cell-id=${widget.id}
      ${inlineStyle({ 'grid-column': `${cell.x + 1} / span ${cell.w}`, 'grid-row': `${cell.y + 1} / span ${cell.h}`, '--_h': String(cell.h), '--_span-md': String(Math.min(this.#columns, cell.w * 2)), order: String(cell.y * 100 + cell.x) })}
    >
      ${element ?? html`<div class="placeholder" part="placeholder" role="note"><strong>${this.#messages.cannotShow}</strong><span>${widget.problem}</span></div>`}
      ${this._editing && this.#edit ? this.#edit.editor.renderChrome(widget.id) : nothing}
    </div>`;
  }

  /** The active filters as chips: the dashboard's, then the cross-filter selections. */
  #chips(): FilterChip[] {
    const chips: FilterChip[] = Object.entries(this.#filters).map(([field, value]) => ({ key: `filter:${field}`, field, value: filterText(value), kind: 'filter' }));
    for (const s of this.#selections) {
      const from = s.origin.getAttribute('label') || humanize(s.origin.getAttribute('metric') || '');
      for (const [field, value] of Object.entries(s.filters)) chips.push({ key: `selection:${s.id}:${field}`, field, value: filterText(value), kind: 'selection', from });
    }
    return chips;
  }

  #setRange(range: string): void {
    if (range === this.#range) return;
    this.#picked = { ...this.#picked, range };
    this.#changeConfig({ ...this.#read.config, range });
  }

  #setFilter(field: string, value: string | null): void {
    const filters = { ...this.#filters };
    if (value === null) delete filters[field];
    else filters[field] = value;
    this.#setFilters(filters);
  }

  #setFilters(filters: Filters): void {
    this.#picked = { ...this.#picked, filters };
    const { filters: _old, ...rest } = this.#read.config;
    this.#changeConfig(Object.keys(filters).length ? { ...rest, filters } : rest);
  }

  #removeChip(chip: FilterChip): void {
    if (chip.kind === 'filter') this.#setFilter(chip.field, null);
    else {
      this.#selections = this.#selections.filter((s) => `selection:${s.id}:` !== chip.key.slice(0, chip.key.length - chip.field.length));
      this.#announcer.announce(this.#messages.filtersCleared);
      this.requestUpdate();
    }
    // The chip is gone: focus goes to the next chip, else to the period picker, not to the page.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.chip-remove, .clear-all, [part~="period"] select')?.focus());
  }

  #clearFilters(): void {
    if (this.#selections.length) this.#selections = [];
    if (Object.keys(this.#filters).length) this.#setFilters({});
    this.#announcer.announce(this.#messages.filtersCleared);
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="period"] select')?.focus());
  }

  /** A changed config: re-read (so it renders as it will when loaded again), saved, and announced to the host. */
  #changeConfig(config: DashboardConfig): void {
    const read = readDashboardConfig(config);
    this.#apply(read);
    this.#readFrom = this.#store.save(this.storageKey, read.config) ?? this.#readFrom;
    this.requestUpdate();
    this.dispatchEvent(new CrmConfigChangeEvent(read.config));
  }

  #onDrilldown = (e: CrmDrilldownEvent) => {
    const origin = e.composedPath()[0];
    const detail = (e as { detail?: Partial<CrmDrilldownEvent['detail']> | null }).detail;
    // Only a widget's drill-down, as crm-pulse fires it: anything else named so is the host's.
    if (!detail || typeof detail !== 'object' || typeof detail.metric !== 'string' || !detail.row || typeof detail.row !== 'object') return;
    if (e.defaultPrevented || !(origin instanceof HTMLElement) || origin.closest('.records-panel')) return;
    const filters = normalizeFilters(detail.filters);
    const mode = origin.getAttribute('drill');
    if (mode === 'none') return;
    if (this.crossFilter && mode !== 'records' && Object.keys(filters).length) {
      e.preventDefault();
      this.#toggleSelection(origin, filters);
      return;
    }
    if (origin.localName === 'crm-records') return;
    e.preventDefault();
    this.#openPanel(origin, detail.metric, filters, detail.row);
  };

  /** A mark picked again clears its selection; another mark of the same widget replaces it. */
  #toggleSelection(origin: Element, filters: Filters): void {
    const same = this.#selections.find((s) => s.origin === origin && JSON.stringify(s.filters) === JSON.stringify(filters));
    // One selection per widget, and per field: a newer pick on the same field replaces an older one.
    const others = this.#selections.filter((s) => s.origin !== origin && !Object.keys(s.filters).some((field) => field in filters));
    this.#selections = same ? others : [...others, { id: this.#nextSelection++, origin, filters }];
    const chip = Object.entries(filters).map(([field, value]) => chipText({ key: '', field, value: filterText(value), kind: 'selection' })).join(', ');
    this.#announcer.announce(same ? this.#messages.filtersCleared : this.#messages.filteredBy(chip));
    this.requestUpdate();
  }

  #openPanel(origin: HTMLElement, metric: string, filters: Filters, row: Readonly<Record<string, FrameValue>>): void {
    void loadWidget('records');
    const name = origin.getAttribute('label') || humanize(metric);
    const what = Object.values(filters).map(filterText).join(' · ') || (typeof row.name === 'string' ? row.name : '');
    this.#panel = {
      origin,
      returnKey: origin.shadowRoot?.activeElement?.getAttribute('data-key') ?? null,
      metric: origin.getAttribute('records-metric') || `${metric}_records`,
      filters,
      label: this.#messages.recordsBehind(what ? `${name}: ${what}` : name),
    };
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.back')?.focus());
  }

  #closePanel(): void {
    const panel = this.#panel;
    this.#panel = null;
    this.requestUpdate();
    if (panel) void this.#focusMark(panel.origin, panel.returnKey);
  }

  /**
   * Focus back on the mark drilled from, else on the widget's first focusable part. A chart hidden
   * behind the panel draws its marks again at its size once shown: the mark is waited for (a few
   * frames at most).
   */
  async #focusMark(origin: HTMLElement, key: string | null | undefined): Promise<void> {
    await this.updateComplete;
    const root = origin.shadowRoot;
    for (let frame = 0; frame < 30 && root; frame++) {
      const mark = key ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
      const target = mark ?? root.querySelector<HTMLElement>('[tabindex="0"]');
      if (target && target.getClientRects().length) {
        target.focus();
        if (root.activeElement === target) return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (this.#panel) this.#closePanel();
    else if (this.#selections.length) {
      this.#selections = [];
      this.#announcer.announce(this.#messages.filtersCleared);
      this.requestUpdate();
    } else return;
    e.preventDefault();
  };

  /** Plain children: their widgets' modules are loaded, and a changed script config is read again. */
  #onSlotChange = () => {
    this.#hasChildren = [...this.children].some((child) => child.localName !== 'script');
    for (const child of this.children) {
      const kind = kindOfTag(child.localName);
      if (kind) void loadWidget(kind);
    }
    this.requestUpdate();
  };
}
