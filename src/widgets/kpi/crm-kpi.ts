import { html, nothing, svg, type PropertyDeclarations, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MetricFrame, MetricQuery } from '../../data/types.js';
import { type Messages, messagesFor } from '../../format/messages.js';
import { type ValueFormat, formatValue } from '../../format/number-format.js';
import { sparklineGeometry } from '../../metrics/sparkline.js';
import { parseThresholds } from '../../metrics/thresholds.js';
import { toNumber } from '../../metrics/to-number.js';
import { metricHeading } from '../../format/metric-heading.js';
import { CrmMetricElement } from '../shared/crm-metric-element.js';
import { barFillStyle } from '../shared/bar-fill.js';
import { inlineStyle } from '../shared/inline-style.js';
import { PoliteAnnouncer } from '../shared/polite-announcer.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { WidthController } from '../shared/width-controller.js';
import { type KpiModel, kpiModel } from './kpi-model.js';
import { kpiStyles } from './crm-kpi.styles.js';
import { type KpiView, kpiView } from './kpi-view.js';

const SPARK_W = 100;
const SPARK_H = 32;

/**
 * One number that matters, live: the value, its change against the comparison period, progress
 * toward a target, a threshold status in words, and a sparkline of the period.
 *
 * @summary A live KPI tile.
 *
 * @csspart base - The tile; focusable, activates drill-down.
 * @csspart label - The heading.
 * @csspart value - The current value.
 * @csspart delta - The change against the comparison period.
 * @csspart target - Progress toward the target (bar and text).
 * @csspart status - The threshold status label.
 * @csspart sparkline - The trend line's `<svg>`.
 * @csspart stale - The note shown while the data is stale: why, and as of when.
 * @csspart stale-reason - Why the data is stale, in words ("Session expired — sign in again").
 * @csspart as-of - When the source last confirmed the data ("as of 10:42").
 * @csspart retry - Retry, after an error that is not retried by itself (401, 403, 404).
 * @csspart loading - The loading skeleton.
 * @csspart error - The error view with its Retry button.
 * @csspart error-reason - What went wrong, in words ("Session expired — sign in again").
 * @csspart empty - The empty view.
 *
 * @cssprop --crm-font-family - Font of the widget.
 * @cssprop --crm-color-text - Main text colour.
 * @cssprop --crm-color-muted - Secondary text colour.
 * @cssprop --crm-color-surface - Tile background.
 * @cssprop --crm-color-border - Tile border.
 * @cssprop --crm-color-accent - Sparkline and target bar colour.
 * @cssprop --crm-color-good - Colour of good changes and statuses.
 * @cssprop --crm-color-bad - Colour of bad changes and statuses.
 * @cssprop --crm-color-warning - Colour of warning statuses.
 * @cssprop --crm-color-track - Background of bars and skeletons.
 * @cssprop --crm-color-focus - Focus ring.
 * @cssprop --crm-radius - Corner radius.
 * @cssprop --crm-space - Inner padding.
 * @cssprop --crm-font-size-value - Size of the value.
 * @cssprop --crm-font-size-label - Size of the label and small text.
 * @cssprop --crm-motion-duration - Length of transitions (default 100ms; 0 under reduced motion).
 *
 * @fires crm-drilldown - The user clicked the tile or pressed Enter on it. Cancelable: cancel it to stop a `drill-href` navigation.
 * @fires crm-state - The data state changed (`loading`, `ready`, `stale`, `error`, `empty`).
 */
export class CrmKpi extends CrmMetricElement<KpiModel> {
  static override styles = [tokenStyles, kpiStyles];
  static override properties: PropertyDeclarations = {
    format: {},
    currency: {},
    target: { type: Number },
    thresholds: {},
    positive: {},
    valueField: { attribute: 'value-field' },
  };

  /** How the value is written: `number`, `currency`, `percent` (ratios: 0.25 = 25 %) or `duration` (seconds). Defaults to what the source's field unit says. */
  format: ValueFormat | undefined = undefined;

  /** ISO 4217 currency code for `format="currency"`; defaults to the field's unit. */
  currency: string | undefined = undefined;

  /** A target that overrides the one the source sends. */
  target: number | undefined = undefined;

  /** Status bands, `value:label` from low to high, e.g. `"0:Critical, 800000:At risk, 1000000:On track"`. */
  thresholds: string | undefined = undefined;

  /** Which direction is good: `up` (revenue) or `down` (handle time, churn, open cases). */
  positive: 'up' | 'down' = 'up';

  /** The row field that holds the value. */
  valueField = 'value';

  /** The KPI's words beside the shared state words. */
  protected override messages: Messages = messagesFor('en-US');
  readonly #width = new WidthController(this);
  readonly #announcer = new PoliteAnnouncer(this);
  #view: KpiView | null = null;
  #announcedModel: KpiModel | null = null;

  protected override query(): MetricQuery | null {
    const q = super.query();
    // The value field is part of the question: a source may answer a different field differently.
    return q && this.valueField !== 'value' ? { ...q, filters: { ...q.filters, field: this.valueField } } : q;
  }

  protected toModel(frame: MetricFrame): KpiModel | null {
    return kpiModel(frame, this.valueField);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.messages = messagesFor(this.resolvedLocale);
    const model = this.data.model;
    this.#view = model && kpiView(model, this.#headline(model), {
      format: this.format,
      currency: this.currency,
      locale: this.resolvedLocale,
      compact: this.#isNarrow(model),
      positive: this.positive === 'down' ? 'down' : 'up',
      target: toNumber(this.target),
      thresholds: parseThresholds(this.thresholds),
      compare: this.effectiveCompare,
      messages: this.messages,
    });
    if (model && this.#view && model !== this.#announcedModel) {
      // The first value is read with the tile; announce only changes after it.
      if (this.#announcedModel) this.#announcer.announce(this.#view.summary);
      this.#announcedModel = model;
    }
  }

  override render() {
    const model = this.data.model;
    const view = this.#view;
    if (!model || !view) return html`<div class="tile" part="base">${this.#renderHeader(null)}${this.renderStateView()}</div>`;
    const stale = this.data.state === 'stale';
    return html`
      <div
        class=${stale ? 'tile interactive stale' : 'tile interactive'}
        part="base"
        ${inlineStyle(this.motionStyle())}
        role=${this.drillHref ? 'link' : 'button'}
        tabindex="0"
        @click=${this.#onActivate}
        @keydown=${this.#onKeydown}
      >
        ${this.#renderHeader(view)}
        <div class="value" part="value">${view.value}</div>
        ${this.#renderDelta(view)} ${this.#renderTarget(view)} ${this.#renderSparkline(model)}
        ${this.renderStaleNote(false)}
      </div>
      ${this.renderStaleRetry()}
      ${this.#renderTable(model, view)}
      <div class="sr-only" aria-live="polite">${this.#announcer.text}</div>
    `;
  }

  #headline(model: KpiModel | null): string {
    return this.label || model?.fieldLabel || metricHeading(this.metric, this.resolvedLocale);
  }

  #renderHeader(view: KpiView | null) {
    const status = view?.status;
    return html`<div class="header">
      <span class="label" part="label">${this.#headline(this.data.model)}</span>
      ${status ? html`<span class="status tone-${status.tone}" part="status">${status.label}</span>` : nothing}
    </div>`;
  }

  #renderDelta(view: KpiView) {
    const d = view.delta;
    if (!d) return nothing;
    const tone = d.good === null ? 'flat' : d.good ? 'good' : 'bad';
    return html`<div class="delta tone-${tone}" part="delta">
      <span class="arrow" aria-hidden="true">${d.arrow}</span><span class="sr-only">${d.words}</span>
      <span class="delta-abs">${d.absoluteText}</span>
      ${d.ratio !== null ? html`<span class="delta-ratio">(${d.ratioText})</span>` : nothing}
      <span class="compare">${view.compareText}</span>
    </div>`;
  }

  #renderTarget(view: KpiView) {
    const p = view.progress;
    if (!p) return nothing;
    return html`<div class="target" part="target">
      <div class="bar"><div class="bar-fill" ${inlineStyle(barFillStyle(p.ratio))}></div></div>
      <span class="target-text">${p.text}</span>
    </div>`;
  }

  #renderSparkline(model: KpiModel) {
    const g = sparklineGeometry(model.series, SPARK_W, SPARK_H);
    if (!g) return nothing;
    return html`<svg class="sparkline" part="sparkline" viewBox="0 0 ${SPARK_W} ${SPARK_H}" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      ${svg`<path class="area" d=${g.area}></path><path class="line" d=${g.line}></path>`}
    </svg>`;
  }

  /** The sparkline's numbers for screen readers: a chart is never the only way to the data. */
  #renderTable(model: KpiModel, view: KpiView) {
    if (model.series.length < 2) return nothing;
    const time = dateTimeFormat(this.resolvedLocale);
    return html`<table class="sr-only">
      <caption>${this.messages.trend}: ${this.#headline(model)}</caption>
      <thead><tr><th scope="col">${this.messages.time}</th><th scope="col">${this.messages.value}</th></tr></thead>
      <tbody>
        ${repeat(
          model.series,
          (p) => p.time,
          (p) => html`<tr><td>${time.format(p.time)}</td><td>${formatValue(p.value, view.format)}</td></tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** Compact notation when the full value would not fit the tile's width. */
  #isNarrow(model: KpiModel): boolean {
    const width = this.#width.width;
    if (!width) return false;
    const digits = Math.abs(model.value ?? 0).toFixed(0).length;
    return width < 200 || digits * 22 + 60 > width;
  }

  #onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || (e.key === ' ' && !this.drillHref)) {
      e.preventDefault();
      this.#activate(e);
    }
  };

  #onActivate = (e: MouseEvent) => this.#activate(e);

  #activate(e: MouseEvent | KeyboardEvent): void {
    const model = this.data.model;
    if (model) this.drillDown(model.row, model.value, e);
  }

}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** The trend table's time format, built once per locale: live updates render it often. */
function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(locale);
  if (!format) dateTimeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format;
}
