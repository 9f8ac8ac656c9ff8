import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { FrameValue, MetricFrame, MetricQuery, MetricSource } from '../../data/types.js';
import { CrmDrilldownEvent } from '../../events/crm-drilldown.js';
import type { WidgetState } from '../../events/crm-state.js';
import { resolveLocale } from '../../format/locale.js';
import { type StateMessages, stateMessagesFor } from '../../format/state-messages.js';
import { formatAsOf } from '../../format/time-format.js';
import { type DashboardContext, DashboardConsumer, contextFilters, dashboardContext, ownSelection } from './dashboard-context.js';
import { drillUrl } from './drill-url.js';
import { type Filters, filtersConverter, normalizeFilters } from './filters.js';
import { inNextFrame } from './frame-budget.js';
import { MetricController } from './metric-controller.js';
import { isOffScreen, watchOnScreen } from './off-screen.js';

/** Data that keeps coming at shorter gaps than this (ms) is drawn in place, without motion. */
export const STREAMING_GAP_MS = 250;

/**
 * Data that comes at gaps of at least this (ms) moves for the theme's whole `--_motion`: no theme
 * moves marks for that long (the default is 100 ms).
 */
export const UNCAPPED_GAP_MS = 750;

/** How many gaps between data frames the data rate is read from. */
const RATE_SAMPLES = 4;

/** A source property as a framework sets it: a registered name, or an adapter object. */
export type SourceValue = string | MetricSource | null | undefined;

/**
 * What every crm-pulse widget shares: the source binding, the query attributes, locale and theme,
 * and the loading / error / empty views. Subclasses turn a frame into their model and render it.
 */
export abstract class CrmMetricElement<M> extends LitElement {
  // Declared here rather than with decorators: the same properties in fewer bytes, and no
  // decorator runtime in the entries. Those without a default are `declare`d: an initial
  // `undefined` is no change to Lit, only bytes.
  static override properties: PropertyDeclarations = {
    source: {},
    metric: { reflect: true },
    range: {},
    compare: {},
    filters: { converter: filtersConverter },
    label: {},
    locale: {},
    staleAfter: { type: Number, attribute: 'stale-after' },
    drillHref: { attribute: 'drill-href' },
    theme: { reflect: true },
    mapFrame: { attribute: false },
  };

  /**
   * The data source: the name it was registered under (`registerSource('crm', …)`), or a
   * `MetricSource` object. Without one, the dashboard's source, else the source registered as
   * `default`.
   */
  declare source: SourceValue;

  /** The metric, in the source's vocabulary (`revenue`, `win_rate`, …). */
  metric = '';

  /**
   * The period: `today`, `this_month`, `this_quarter`, `last_30_days`, or an ISO 8601 interval.
   * Without one, the dashboard's.
   */
  declare range: string | undefined;

  /** What to compare against: `previous_period` (the default, or the dashboard's) or `previous_year`. */
  declare compare: 'previous_period' | 'previous_year' | undefined;

  /**
   * Filters sent with the query (`region=EMEA;team=Direct` as an attribute: pairs split at `;`,
   * values percent-decoded; an object as a property). Inside a dashboard they are merged over the
   * dashboard's filters: a widget's own filter wins.
   */
  declare filters: Filters | string | undefined;

  /** Heading; defaults to the label the source gives the field, else the metric name. */
  declare label: string | undefined;

  /** BCP 47 locale for numbers and dates; defaults to the dashboard's, then the nearest `lang`, then the browser. */
  declare locale: string | undefined;

  /**
   * Milliseconds without word from the source — new data, or a confirmation that nothing changed
   * (a 304, a heartbeat) — before the data is marked stale.
   */
  staleAfter = 60_000;

  /** URL template opened on drill-down; `{name}` placeholders are filled URL-encoded from the row. */
  declare drillHref: string | undefined;

  /** `light` (default), `dark`, or `auto` to follow the user's colour scheme; without one, the dashboard's. */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /** Turns any frame into the frame shape this widget understands (rename fields, derive values). */
  declare mapFrame: ((frame: MetricFrame) => MetricFrame) | undefined;

  /** What the `<crm-dashboard>` around the widget gives it (nothing outside one); a change renders again. */
  readonly #dashboard = new DashboardConsumer(this);

  /** The dashboard's context, or undefined outside a dashboard. */
  protected get dashboard(): DashboardContext | undefined {
    return this.#dashboard.value;
  }

  /** The range the widget asks for: its own, else its dashboard's. */
  protected get effectiveRange(): string | undefined {
    return this.range || this.dashboard?.range;
  }

  /** The comparison the widget asks for: its own, else its dashboard's, else the previous period. */
  protected get effectiveCompare(): 'previous_period' | 'previous_year' {
    return this.compare || this.dashboard?.compare || 'previous_period';
  }

  /** The filters the widget's query carries: its dashboard's, other widgets' selections, its own. */
  protected get effectiveFilters(): Filters {
    return contextFilters(this.dashboard, this, normalizeFilters(this.filters));
  }

  /** What this widget selected in a cross-filtering dashboard (its marks to highlight), or null. */
  protected get selection(): Filters | null {
    return ownSelection(this.dashboard, this);
  }

  /**
   * Whether a row is the selected mark (true), another mark while one is selected (false), or
   * there is no selection (null). A row matches when every selected field has the row's value.
   */
  protected isSelected(row: Readonly<Record<string, FrameValue>>): boolean | null {
    const selection = this.selection;
    if (!selection) return null;
    const filters = this.markFilters(row);
    return Object.entries(selection).every(([name, value]) => name in filters && String(filters[name]) === String(value));
  }

  /** Marks carry a selection state: they are cleared once when it ends. */
  #showingSelection = false;

  /**
   * Shows this widget's cross-filter selection on its marks (elements with `data-key`): the
   * selected one gets `data-selected="true"` and `aria-current="true"`, the others
   * `data-selected="false"` (dimmed by the styles). Nothing to do without a selection. Called after
   * each render: the attributes are not the template's, so a render does not undo them.
   */
  protected showSelection(marks: Iterable<Element>, rowOf: (key: string) => Readonly<Record<string, FrameValue>> | null | undefined): void {
    const selection = this.selection;
    if (!selection && !this.#showingSelection) return;
    this.#showingSelection = selection !== null;
    for (const mark of marks) {
      const key = mark.getAttribute('data-key');
      const row = key === null ? null : rowOf(key);
      const selected = row ? this.isSelected(row) : null;
      if (selected === null) mark.removeAttribute('data-selected');
      else mark.setAttribute('data-selected', String(selected));
      if (selected) mark.setAttribute('aria-current', 'true');
      else mark.removeAttribute('aria-current');
    }
  }

  /**
   * The filters that pick a mark's row in other widgets' queries (`{ stage: 'Proposal' }`): what
   * a cross-filtering dashboard filters by, and the records panel shows. None by default.
   */
  protected markFilters(_row: Readonly<Record<string, FrameValue>>): Filters {
    return {};
  }

  protected readonly data = new MetricController<M>(this, {
    source: () => this.source || this.dashboard?.source,
    query: () => this.query(),
    staleAfter: () => this.staleAfter,
    model: (frame) => this.toModel(this.mapFrame ? this.mapFrame(frame) : frame),
  });

  /** The data state: `loading`, `ready`, `stale`, `error` or `empty`. Reflected as the `state` attribute. */
  get state(): WidgetState {
    return this.data.state;
  }

  /** The query this widget sends; null while it has nothing to ask. */
  protected query(): MetricQuery | null {
    if (!this.metric) return null;
    const range = this.effectiveRange;
    const filters = this.effectiveFilters;
    return {
      metric: this.metric,
      ...(range ? { range } : {}),
      compare: this.effectiveCompare,
      ...(Object.keys(filters).length ? { filters } : {}),
    };
  }

  /** The widget's model of a frame, or null when the frame has nothing to show. */
  protected abstract toModel(frame: MetricFrame): M | null;

  protected resolvedLocale = 'en-US';
  /** The state words (loading, error, why stale) in the widget's locale; a widget keeps its own words beside it. */
  protected messages: StateMessages = stateMessagesFor('en-US');

  /**
   * Updates wait for an animation frame: everything that asks for one in between (data frames,
   * tweens, timers) costs a single render, and a hidden tab, which gets no frames, does no
   * rendering work at all until it is shown again. All widgets of the page share a per-frame
   * budget (see `inNextFrame`), so a burst that reaches every widget at once is spread over frames.
   */
  override connectedCallback(): void {
    super.connectedCallback();
    watchOnScreen(this, true);
    // A dashboard defined after this widget (a widget's entry imported before the dashboard's) announces
    // itself when it connects: the widget asks it then.
    if (!this.#dashboard.value) addEventListener('context-provider', this.#askDashboard);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchOnScreen(this, false);
    removeEventListener('context-provider', this.#askDashboard);
    // Taken out of a dashboard: its context no longer applies (a new one is asked for on connect).
    this.#dashboard.value = undefined;
  }

  #askDashboard = (e: Event) => {
    const { context, contextTarget } = e as Event & { context?: unknown; contextTarget?: Element };
    if (context !== dashboardContext || !contextTarget?.contains(this)) return;
    removeEventListener('context-provider', this.#askDashboard);
    this.#dashboard.hostConnected();
  };

  protected override scheduleUpdate(): Promise<void> {
    return inNextFrame(this, () => super.scheduleUpdate(), this.readsLayoutToRender());
  }

  /** Whether the next render reads positions on screen before it writes (see `inNextFrame`). */
  protected readsLayoutToRender(): boolean {
    return false;
  }

  /** The last gaps between models drawn (ms), newest last: how often new data comes. */
  #gaps: number[] = [];
  #gapModel: M | null = null;
  #gapModelAt = 0;

  /**
   * The longest motion the data rate allows, in ms: the longer of the last two gaps between data
   * frames (so one quick follow-up does not cut motion short), in 50 ms steps (so that jitter
   * between frames does not restyle every mark). Marks still moving when the next data comes would
   * show numbers behind the data, and overlapping transitions pile up work. Infinity until there are
   * two gaps, and 0 while data streams: when most of the last gaps are shorter than
   * `STREAMING_GAP_MS`. A motion that never gets to finish only blurs the numbers, and a streaming
   * dashboard would spend every frame on it. Most gaps, not the last one, decide: a stream's gaps
   * vary (a busy source sends in bursts), and motion that switches on at every longer gap costs as
   * much as motion that stays on. Half short and half long is not a stream: data that slows down
   * gets its motion back. A widget scrolled out of view draws in place too: the browser would
   * animate it in every frame all the same.
   */
  protected motionCap(): number {
    const gaps = this.#gaps;
    if (isOffScreen(this)) return 0;
    if (gaps.length < 2) return Infinity;
    if (gaps.filter((gap) => gap < STREAMING_GAP_MS).length * 2 > gaps.length) return 0;
    return Math.floor(Math.max(...gaps.slice(-2)) / 50) * 50;
  }

  /**
   * `--_move`, the duration marks move over: the theme's `--_motion`, capped by `motionCap()` when
   * data comes faster than every `UNCAPPED_GAP_MS`. Widgets put it on the element that holds their
   * moving parts. A custom property restyles every element under the one it is set on, so it is
   * written only when it matters: on the page's beat (a second) gaps vary by a few ms around the
   * beat, and a cap written from them changed at nearly every update.
   */
  protected motionStyle(): Record<string, string | null> {
    const cap = this.motionCap();
    return { '--_move': cap < UNCAPPED_GAP_MS ? `min(var(--_motion), ${cap}ms)` : null };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Subclasses read `this.data.model` in their willUpdate: bring it up to date first.
    this.data.sync();
    this.#trackGaps();
    const dashboard = this.dashboard;
    this.resolvedLocale = resolveLocale(this, this.locale || dashboard?.locale);
    this.messages = stateMessagesFor(this.resolvedLocale);
    // The theme in use, own or the dashboard's, for the styles (`theme` stays what the page set).
    const theme = this.theme || dashboard?.theme || 'light';
    if (this.getAttribute('crm-theme') !== theme) this.setAttribute('crm-theme', theme);
  }

  #trackGaps(): void {
    const model = this.data.model;
    if (model === this.#gapModel) return;
    const now = performance.now();
    const gaps = this.#gaps;
    if (model === null) gaps.length = 0;
    else if (this.#gapModel !== null && gaps.push(now - this.#gapModelAt) > RATE_SAMPLES) gaps.shift();
    this.#gapModel = model;
    this.#gapModelAt = now;
  }

  /** The view for states without a model (loading, error, empty), or nothing when there is data. */
  protected renderStateView(): TemplateResult | typeof nothing {
    const { state, waitingFor, error } = this.data;
    const m = this.messages;
    if (this.data.model !== null) return nothing;
    if (state === 'error') {
      const { problem } = this.data;
      const reason = problem && problem.kind !== 'failed' ? m.reason(problem, problem.retryAt ? formatAsOf(problem.retryAt, this.resolvedLocale) : null) : null;
      return html`<div class="state-view" part="error" role="alert">
        <span>${m.error}</span>
        ${reason ? html`<span class="error-reason" part="error-reason">${reason}</span>` : nothing}
        ${error ? html`<span class="error-detail">${error}</span>` : nothing}
        <button class="retry" type="button" @click=${() => this.data.retry()}>${m.retry}</button>
      </div>`;
    }
    if (state === 'empty') return html`<div class="state-view" part="empty">${m.empty}</div>`;
    return html`<div class="state-view" part="loading" aria-busy="true">
      <span class="skeleton skeleton-short"></span>
      <span class="skeleton skeleton-long"></span>
      <span class="sr-only">${waitingFor ? m.waitingForSource(waitingFor) : m.loading}</span>
      ${waitingFor ? html`<span aria-hidden="true">${m.waitingForSource(waitingFor)}</span>` : nothing}
    </div>`;
  }

  /**
   * The note under stale numbers: why, in words ("Session expired — sign in again", "Rate limited —
   * retrying at 10:42", "Server unreachable — retrying", "Not updating") in part `stale-reason`, and
   * the time the source last confirmed the data in part `as-of`. After an error that is not retried
   * (401, 403, 404) it offers Retry too, unless `withRetry` is false (a tile that is a button itself
   * renders `renderStaleRetry()` outside it). Nothing while the data is fresh.
   */
  protected renderStaleNote(withRetry = true): TemplateResult | typeof nothing {
    const { state, problem, asOf } = this.data;
    if (state !== 'stale') return nothing;
    const m = this.messages;
    const reason = problem ? m.reason(problem, problem.retryAt ? formatAsOf(problem.retryAt, this.resolvedLocale) : null) : m.stale;
    return html`<div class="stale-note" part="stale">
      <span aria-hidden="true">⚠</span> <span class="stale-reason" part="stale-reason">${reason}</span>${asOf !== null
        ? html` · <span class="as-of" part="as-of">${m.asOf(formatAsOf(asOf, this.resolvedLocale))}</span>`
        : nothing}${withRetry ? this.renderStaleRetry() : nothing}
    </div>`;
  }

  /** Retry for stale numbers after an error that is not retried by itself; nothing otherwise. */
  protected renderStaleRetry(): TemplateResult | typeof nothing {
    const { state, problem } = this.data;
    if (state !== 'stale' || !problem || problem.retrying) return nothing;
    return html`<button class="retry stale-retry" part="retry" type="button" @click=${this.#retryStale}>${this.messages.retry}</button>`;
  }

  #retryStale = (event: Event) => {
    // The tile may drill down on a click: Retry is not one.
    event.stopPropagation();
    this.data.retry();
  };

  /**
   * Fires `crm-drilldown` for a mark's row and, unless a listener cancels it, follows `drill-href`
   * (filled from the row, the metric and the range; ctrl/⌘ opens a new tab).
   */
  protected drillDown(row: Readonly<Record<string, FrameValue>>, value: number | null, trigger?: MouseEvent | KeyboardEvent): void {
    const range = this.effectiveRange;
    const href = this.drillHref ? drillUrl(this.drillHref, { ...row, metric: this.metric, range: range ?? '', value }) : null;
    const event = new CrmDrilldownEvent({ metric: this.metric, row, value, ...(range ? { range } : {}), filters: this.markFilters(row), href });
    if (!this.dispatchEvent(event) || !href) return;
    if (trigger?.ctrlKey || trigger?.metaKey) window.open(href, '_blank', 'noopener');
    else window.location.assign(href);
  }
}

/** `win_rate` → `Win rate`: a readable heading when neither the page nor the source gives one. */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
