import { html, nothing, svg, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { FrameValue, MetricFrame, MetricQuery } from '../../data/types.js';
import { type ValueFormat } from '../../format/number-format.js';
import { FORECAST_CATEGORIES, OMITTED, categoryKey } from '../../metrics/forecast.js';
import type { Box } from '../../metrics/label-layout.js';
import { toNumber } from '../../metrics/to-number.js';
import { chartStyles } from '../shared/chart-styles.js';
import { type Filters, filterOf } from '../shared/filters.js';
import { fitText, textWidth } from '../shared/chart-text.js';
import { type ChartTip, renderChartTip } from '../shared/chart-tooltip.js';
import { ChartMotion } from '../shared/chart-motion.js';
import { CrmChartElement } from '../shared/crm-chart-element.js';
import { humanize } from '../shared/crm-metric-element.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { forecastStyles } from './crm-forecast.styles.js';
import { type ForecastMessages, forecastMessagesFor } from './forecast-messages.js';
import { type ForecastModel, type ForecastReadOptions, forecastModel } from './forecast-model.js';
import { type ForecastScene, forecastScene } from './forecast-scene.js';
import type { TrendScene } from './forecast-trend.js';
import { type ForecastView, forecastView } from './forecast-view.js';
import { LazyCode } from '../shared/lazy-code.js';

/**
 * The trend's layout (its scale, ticks, dates, paths), once loaded: most forecasts are bars, so only
 * a trend downloads it. Its markup stays here: layout code alone imports nothing the bars share, so
 * it loads as one small file rather than splitting what both views use (lit) into a chunk of its own.
 */
const trendCode = new LazyCode(() => import('./forecast-trend.js'), 'the forecast trend');

/** What separates a mark key's group from its category. Keys are split at the last one: category
 * keys never hold it (they are normalised words), whatever a group's name holds. */
const SEP = '\n';

/** A mark key's group and category. */
function splitKey(key: string): [group: string, category: string] {
  const at = key.lastIndexOf(SEP);
  return at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
}

/**
 * The sales forecast by group (a channel, a team, a rep): per group one bar of closed, commit, best
 * case and pipeline on a scale all groups share, a quota marker, and the numbers a sales lead reads —
 * closed, the call (closed + commit), attainment of quota and the gap to it. A total row when there
 * is more than one group; `mode="trend"` draws the call over the period against the quota instead.
 * Rows carry each category's own amount (`amounts="cumulative"` reads running levels instead);
 * `omitted` and unknown categories are listed, never summed. Groups keep the places they first had
 * while the data is live, whatever order later rows come in.
 *
 * @summary A live pipeline forecast against quota.
 *
 * @csspart base - The tile.
 * @csspart label - The heading.
 * @csspart headline - Attainment of the whole (or the call, without a quota) in the header.
 * @csspart plot - The chart area (holds the `<svg>` and the tooltip).
 * @csspart tooltip - The tooltip of the hovered or focused segment or week.
 * @csspart table - The data table (visually hidden; for screen readers).
 * @csspart stale - The note shown while the data is stale: why, and as of when.
 * @csspart stale-reason - Why the data is stale, in words ("Session expired — sign in again").
 * @csspart as-of - When the source last confirmed the data ("as of 10:42").
 * @csspart retry - Retry, after an error that is not retried by itself (401, 403, 404).
 * @csspart loading - The loading skeleton.
 * @csspart error - The error view with its Retry button.
 * @csspart error-reason - What went wrong, in words ("Session expired — sign in again").
 * @csspart empty - The empty view.
 *
 * @cssprop --crm-forecast-closed-color - Closed segments and the trend's call line (defaults to the accent colour).
 * @cssprop --crm-forecast-commit-color - Commit segments (defaults to the closed colour, lighter).
 * @cssprop --crm-forecast-best-case-color - Best-case segments (lighter still).
 * @cssprop --crm-forecast-pipeline-color - Pipeline segments (the lightest).
 * @cssprop --crm-forecast-quota-color - Quota markers and the quota line (defaults to the text colour).
 * @cssprop --crm-chart-height - Height of the chart when the widget's height is not set (240px).
 * @cssprop --crm-font-size-chart - Size of the chart's labels.
 * @cssprop --crm-color-grid - Grid lines and the rule above the total.
 * @cssprop --crm-font-family - Font of the widget.
 * @cssprop --crm-color-text - Main text colour; also the tooltip background.
 * @cssprop --crm-color-muted - Secondary text colour.
 * @cssprop --crm-color-surface - Tile background.
 * @cssprop --crm-color-border - Tile border.
 * @cssprop --crm-color-accent - Default closed colour, from which the other categories are mixed.
 * @cssprop --crm-color-good - Attainment of a group at or over quota.
 * @cssprop --crm-color-warning - Unusable or non-cumulative values, and the stale note.
 * @cssprop --crm-color-focus - Focus ring.
 * @cssprop --crm-radius - Corner radius.
 * @cssprop --crm-space - Inner padding.
 * @cssprop --crm-font-size-label - Size of the heading.
 * @cssprop --crm-motion-duration - Length of the animation to new data (default 100ms; shorter when data comes faster than every 750 ms; 0 under reduced motion).
 *
 * @fires crm-drilldown - The user clicked a segment (or a week of the trend) or pressed Enter on it; `detail.row` carries `group`, `category` and `value` (and the group's own field, e.g. `channel`). Cancelable.
 * @fires crm-state - The data state changed (`loading`, `ready`, `stale`, `error`, `empty`).
 */
export class CrmForecast extends CrmChartElement {
  static override styles = [tokenStyles, chartStyles, forecastStyles];
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    dimensions: {},
    categories: {},
    amounts: {},
    quota: {},
    format: {},
    currency: {},
    groupField: { attribute: 'group-field' },
    categoryField: { attribute: 'category-field' },
    valueField: { attribute: 'value-field' },
    quotaField: { attribute: 'quota-field' },
  };

  /** `bars`: a bar per group against quota; `trend`: the call over the period against the quota line (rows with `time`). */
  mode: 'bars' | 'trend' = 'bars';

  /** Comma-separated dimensions the query groups by (a group per value): `channel`, `team`, `owner`. */
  dimensions = 'channel';

  /**
   * The summed categories in stack order (closed first, then commit: the call is the first two), each
   * as `key` or `key:Label`, e.g. `"closed:Won,commit,best_case:Upside,pipeline,omitted:Lost"`.
   * `omitted` is never summed; a category not listed is shown apart, not summed.
   */
  categories = '';

  /** `category`: each row is its category's own amount (closed + commit = the call); `cumulative`: rows are running levels (commit includes closed). */
  amounts: 'category' | 'cumulative' = 'category';

  /** Quota of the whole (`"1000000"`) or per group (`"direct:600000,partner:400000"`); wins over the rows' quota field. */
  quota: string | undefined = undefined;

  /** How amounts are written: `number` or `currency`. Defaults to what the source's field unit says. */
  format: ValueFormat | undefined = undefined;

  /** ISO 4217 currency code for `format="currency"`; defaults to the field's unit. */
  currency: string | undefined = undefined;

  /** The row field that names the group; rows without it are grouped by the first of `dimensions` that they carry. */
  groupField = 'group';

  /** The row field with the forecast category (`closed`, `commit`, `best_case`, `pipeline`, `omitted`; any spelling such as `Best Case`). */
  categoryField = 'category';

  /** The row field with the amount. */
  valueField = 'value';

  /** The row field with the group's quota. */
  quotaField = 'quota';

  readonly #motion = new ChartMotion<Box | { x: number; y: number; closed: number }>(this, () => this.motionCap());
  #m: ForecastMessages = forecastMessagesFor('en-US');
  #model: ForecastModel | null = null;
  #view: ForecastView | null = null;
  #keys: string[] = [];
  #modelKey = '';
  /** What this element has warned about: a live source repeats its faults in every frame, the console hears each once. */
  readonly #warned = new Set<string>();

  #warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    console.warn(message);
  }
  #dataChanged = false;
  #laidOut: { key: string; scene: ForecastScene | TrendScene } | null = null;

  protected override query(): MetricQuery | null {
    const q = super.query();
    const dimensions = this.#dimensions();
    return q && { ...q, dimensions: this.mode === 'trend' ? [...dimensions, 'time'] : dimensions };
  }

  #dimensions(): string[] {
    return this.dimensions.split(',').map((d) => d.trim()).filter(Boolean);
  }

  /** Keys of the summed categories in stack order, and every category's label. */
  #categories(): { keys: string[]; labels: Map<string, string> } {
    const labels = new Map(Object.entries(this.#m.categories));
    const listed = this.categories.split(',').flatMap((entry) => {
      const [raw = '', ...label] = entry.split(':');
      const key = categoryKey(raw);
      if (key && label.length) labels.set(key, label.join(':').trim());
      return key ? [key] : [];
    });
    return { keys: (listed.length ? listed : [...FORECAST_CATEGORIES]).filter((k) => k !== OMITTED), labels };
  }

  #readOptions(keys: string[]): ForecastReadOptions {
    let all: number | null = null;
    const groups = new Map<string, number>();
    for (const entry of (this.quota ?? '').split(',')) {
      if (!entry.trim()) continue;
      const at = entry.lastIndexOf(':');
      const n = toNumber(entry.slice(at + 1));
      if (n === null || n < 0) this.#warnOnce(`crm-pulse: quota "${entry}" is not an amount; ignored`);
      else if (at < 0) all = n;
      else groups.set(entry.slice(0, at).trim(), n);
    }
    return {
      groupFields: [this.groupField, ...this.#dimensions()],
      categoryField: this.categoryField,
      valueField: this.valueField,
      quotaField: this.quotaField,
      categories: keys,
      cumulative: this.amounts === 'cumulative',
      quota: { all, groups },
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#m = forecastMessagesFor(this.resolvedLocale);
    const frame = this.data.model;
    const { keys, labels } = this.#categories();
    const read = this.#readOptions(keys);
    const readKey = JSON.stringify([read, [...read.quota.groups]]);
    this.#dataChanged = frame !== this.#modelledFrame;
    // Every group seen, in the order first seen: a group keeps its place while the rows come in
    // another order, and gets it back after it was away (filtered out, a week without rows). What a
    // group is changes with the fields that name it: then the order starts again.
    const groupsBy = read.groupFields.join('\n');
    if (groupsBy !== this.#groupsBy) this.#groupOrder = [];
    this.#groupsBy = groupsBy;
    if (this.#dataChanged || readKey !== this.#modelKey) {
      this.#model = frame && forecastModel(frame, { ...read, order: this.#groupOrder });
      for (const g of this.#model?.groups ?? []) if (!this.#groupOrder.includes(g.key)) this.#groupOrder.push(g.key);
      if (this.#model?.problems.length) this.#warnOnce(`crm-pulse: forecast ${this.#model.problems.join('; ')}`);
      this.#modelKey = readKey;
    }
    const first = this.#modelledFrame === null;
    this.#modelledFrame = frame;
    const viewKey = [this.format, this.currency, this.resolvedLocale, this.#headline(), readKey, [...labels]].join('|');
    if (!this.#model) this.#view = null;
    else if (this.#view === null || this.#viewOf !== this.#model || viewKey !== this.#viewKey) {
      this.#view = forecastView(this.#model, this.#headline(), { format: this.format, currency: this.currency ?? this.#model.unit, locale: this.resolvedLocale, categories: keys, labels, messages: this.#m });
      // The first numbers are read with the chart; announce only changes after them.
      if (!first && this.#dataChanged) this.announcer.announce(`${this.#headline()}: ${this.#view.headline}`);
    }
    this.#viewOf = this.#model;
    this.#viewKey = viewKey;
  }

  #groupOrder: string[] = [];
  #groupsBy = '';
  #modelledFrame: MetricFrame | null = null;
  #viewOf: ForecastModel | null = null;
  #viewKey = '';

  #headline(): string {
    return this.label || this.#model?.fieldLabel || humanize(this.metric);
  }

  override render() {
    const view = this.#view;
    const model = this.#model;
    const drawn = view && model && this.size.sized;
    return this.renderTile(
      this.#headline(),
      view?.headline,
      drawn ? (this.mode === 'trend' ? this.#renderTrend(model, view) : this.#renderBars(model, view)) : nothing,
      drawn ? this.#renderTable(view) : nothing,
    );
  }

  /** The scene for the current words, size and font; laid out again only when one of them changed. */
  #scene<S extends ForecastScene | TrendScene>(make: () => S): S {
    const { width, height } = this.size;
    const key = `${this.mode}|${width}|${height}|${this.size.font()}`;
    if (this.#laidOut?.key !== key || this.#laidOutView !== this.#view) this.#laidOut = { key, scene: make() };
    this.#laidOutView = this.#view;
    return this.#laidOut.scene as S;
  }

  #laidOutView: ForecastView | null = null;

  #metrics() {
    const regular = this.size.font();
    const bold = this.size.font(700);
    return {
      width: this.size.width,
      height: this.size.height,
      lineHeight: this.size.lineHeight,
      measure: (text: string, strong: boolean) => textWidth(text, strong ? bold : regular),
      fit: (text: string, w: number) => fitText(text, w, regular),
    };
  }

  #renderBars(model: ForecastModel, view: ForecastView) {
    const { width, height } = this.size;
    const scene = this.#scene(() =>
      forecastScene(
        model.groups.map((g) => g.figures),
        view.rows,
        view.total,
        view.legend,
        this.#m.quota,
        this.#metrics(),
      ),
    );
    const cats = this.#categories().keys;
    const keys = model.groups.flatMap((g) => cats.map((c) => g.key + SEP + c));
    this.#keys = keys;
    const boxes = new Map<string, Box>(model.groups.flatMap((g, i) => cats.map((c, j) => [g.key + SEP + c, scene.bars[i]!.segments[j]!] as const)));
    // The quota markers move too: a new quota with the same amounts is a change to show. (Their
    // keys hold no SEP, which every segment's key does.)
    scene.bars.forEach((bar, i) => bar.quota !== null && boxes.set(`quota ${i}`, { x: bar.quota, y: 0, width: 0, height: 0 }));
    const motion = this.#motion.frame(boxes, this.#dataChanged);
    const role = this.drillHref ? 'link' : 'button';
    // The tooltip's segment.
    const [tipGroup, tipCat] = this.tipKey === null ? ['', ''] : splitKey(this.tipKey);
    const tipRow = model.groups.findIndex((g) => g.key === tipGroup);
    const tipAt = cats.indexOf(tipCat);
    const tipBox = scene.bars[tipRow]?.segments[tipAt];
    const tipText = view.rows[tipRow]?.segments[tipAt];
    const tip: ChartTip | null = tipBox && tipText ? { key: this.tipKey!, x: tipBox.x + tipBox.width / 2, y: tipBox.y, title: `${view.rows[tipRow]!.name} · ${tipText.label}`, lines: tipText.tip } : null;
    // Marks follow groups by position, not by key (no `repeat`, ~0.7 KiB gz less): groups keep their
    // order from frame to frame (the model's `order`) and categories their stack order, so a live
    // update lands on the same elements, and a group new to the data is added at the end, where it
    // grows in (`enter`). Focus follows the segment the user chose (`CrmChartElement`) when a group
    // before it leaves.
    const groups = model.groups.map((g, i) => {
      const bar = scene.bars[i]!;
      const text = view.rows[i]!;
      const segments = cats.map((c, j) => {
        const key = g.key + SEP + c;
        const box = bar.segments[j]!;
        const seg = text.segments[j]!;
        // A hit area at least 8 px wide, so that a thin (or empty) segment can be pointed at and shows its focus.
        const hit = Math.max(8, box.width);
        const cls = `mark c${Math.min(j, 3)}${seg.warning ? ' warning' : ''}${key === this.tipKey ? ' active' : ''}${motion.entering(key) ? ' enter' : ''}`;
        return svg`<g class=${cls} data-key=${key} role=${role} tabindex=${this.roving.tabIndex(key, keys)} aria-label=${seg.ariaLabel}>
          <rect class="hit moves" x=${box.x + box.width / 2 - hit / 2} y=${box.y - 2} width=${hit} height=${box.height + 4} rx="3"></rect>
          <rect class="seg moves" x=${box.x} y=${box.y} width=${box.width} height=${box.height}></rect>
        </g>`;
      });
      const q = bar.quota;
      const y = bar.segments[0]?.y ?? 0;
      const h = bar.segments[0]?.height ?? 0;
      return svg`<g class="group">${segments}${q === null ? nothing : svg`<rect class="quota moves" aria-hidden="true" x=${q - 1} y=${y - 2} width="2" height=${h + 4}></rect>`}</g>`;
    });
    const swatches = scene.swatches.map((b, i) => svg`<rect class=${`swatch c${Math.min(i, 3)}`} x=${b.x} y=${b.y} width=${b.width} height=${b.height} rx="2"></rect>`);
    const qs = scene.quotaSwatch;
    return html`<svg class=${motion.snap ? 'snap' : ''} width=${width} height=${height} role="group" aria-label=${view.summary}>
        <g aria-hidden="true">${swatches}${qs ? svg`<rect class="quota" x=${qs.x} y=${qs.y} width=${qs.width} height=${qs.height}></rect>` : nothing}
        ${scene.rule === null ? nothing : svg`<line class="grid-line" x1="0" x2=${width} y1=${scene.rule} y2=${scene.rule}></line>`}</g>
        ${groups}
        ${this.#labels(scene)}
      </svg>
      ${renderChartTip(tip, width)}`;
  }

  #labels(scene: ForecastScene | TrendScene) {
    return svg`<g class="labels" aria-hidden="true">${scene.texts.map((l) => svg`<text class=${l.cls} data-label=${l.id} x=${l.x} y=${l.y} text-anchor=${l.anchor}>${l.text}</text>`)}</g>`;
  }

  #renderTrend(model: ForecastModel, view: ForecastView) {
    const code = trendCode.code;
    if (!code) {
      trendCode.load(this);
      this.#keys = [];
      return trendCode.placeholder(this, this.messages);
    }
    const scene = this.#scene(() => code.trendScene(model.trend, model.trendQuota, view, this.resolvedLocale, this.#m, this.#metrics()));
    const keys = scene.points.map((p) => String(p.time));
    this.#keys = keys;
    // The points, and the closed area under the call (a deal moved from commit to closed changes the
    // area, not the call): both are changes to show.
    const motion = this.#motion.frame(new Map(scene.points.map((p) => [String(p.time), { x: p.x, y: p.y, closed: p.closedY }])), this.#dataChanged);
    const role = this.drillHref ? 'link' : 'button';
    const tipped = scene.points.find((p) => String(p.time) === this.tipKey);
    const { width, height } = this.size;
    const { plot, quota: q } = scene;
    // Points by position, like the bars' segments: weeks are added at the end of the period, and
    // a period that rolls on moves every point one week left, which is what the eye expects.
    return html`<svg class=${motion.snap ? 'snap' : ''} width=${width} height=${height} role="group" aria-label=${view.summary}>
        <g aria-hidden="true">
          ${scene.grid.map((y) => svg`<line class="grid-line" x1=${plot.x} x2=${plot.x + plot.width} y1=${y} y2=${y}></line>`)}
          <rect class="call-swatch" x=${scene.swatches[0].x} y=${scene.swatches[0].y} width="12" height="2"></rect>
          <rect class="closed-area" x=${scene.swatches[1].x} y=${scene.swatches[1].y} width="12" height="10"></rect>
          <path class="closed-area moves" d=${scene.closedArea}></path>
          <path class="call-line moves" d=${scene.callLine}></path>
          ${q === null ? nothing : svg`<line class="quota-line" x1=${plot.x} x2=${plot.x + plot.width} y1=${q} y2=${q}></line>`}
        </g>
        ${scene.points.map((p) => {
          const key = String(p.time);
          return svg`<g class=${`mark point${key === this.tipKey ? ' active' : ''}`} data-key=${key} role=${role} tabindex=${this.roving.tabIndex(key, keys)} aria-label=${p.ariaLabel}>
              <circle class="hit moves" cx=${p.x} cy=${p.y} r="9"></circle>
              <circle class="dot moves" cx=${p.x} cy=${p.y} r="3"></circle>
            </g>`;
        })}
        ${this.#labels(scene)}
      </svg>
      ${renderChartTip(tipped ? { key: String(tipped.time), x: tipped.x, y: tipped.y, title: tipped.title, lines: tipped.tip } : null, width)}`;
  }

  /** Every number of the chart for screen readers, and for anyone who wants the table. */
  #renderTable(view: ForecastView) {
    const m = this.#m;
    const rows = view.total ? [...view.rows, view.total] : view.rows;
    return html`<table class="sr-only" part="table">
      <caption>${view.summary}</caption>
      <thead><tr>${[m.group, ...view.legend, m.call, m.quota, m.attainment, m.gap, m.notSummed].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.name}</th>${r.cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
    </table>`;
  }

  protected markKeys(): string[] {
    return this.#keys;
  }

  /** A group's own field (`channel`), else the group field: the dimension a dashboard filters by. */
  protected override markFilters(row: Readonly<Record<string, FrameValue>>): Filters {
    for (const field of [...this.#dimensions(), this.groupField]) {
      const filter = filterOf(field, row[field]);
      if (Object.keys(filter).length) return filter;
    }
    return {};
  }

  protected markDrill(key: string): { row: Readonly<Record<string, FrameValue>>; value: number | null } | null {
    const model = this.#model;
    if (!model) return null;
    if (this.mode === 'trend') {
      const point = model.trend.find((p) => String(p.time) === key);
      return point ? { row: { time: point.time, category: 'call', value: point.call }, value: point.call } : null;
    }
    const [groupKey, category] = splitKey(key);
    const group = model.groups.find((g) => g.key === groupKey);
    const at = this.#categories().keys.indexOf(category);
    if (!group || at < 0) return null;
    const value = group.amounts[at] ?? null;
    const name = group.name || null;
    // The group's own field (`channel`) is there too, so a dashboard can filter by it.
    return { row: { ...group.rows.get(category), ...(group.field ? { [group.field]: name } : {}), group: name, category, value }, value };
  }
}
