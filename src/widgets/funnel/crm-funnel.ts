import { html, nothing, svg, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { FrameValue, MetricFrame } from '../../data/types.js';
import { type ValueFormat } from '../../format/number-format.js';
import { connectorPath } from '../../metrics/funnel-layout.js';
import type { Box } from '../../metrics/label-layout.js';
import { chartStyles } from '../shared/chart-styles.js';
import { type Filters, filterOf } from '../shared/filters.js';
import { type FunnelMessages, funnelMessagesFor } from './funnel-messages.js';
import { fitText, textWidth } from '../shared/chart-text.js';
import { renderChartTip } from '../shared/chart-tooltip.js';
import { ChartMotion } from '../shared/chart-motion.js';
import { CrmChartElement } from '../shared/crm-chart-element.js';
import { metricHeading } from '../../format/metric-heading.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { funnelStyles } from './crm-funnel.styles.js';
import { type FunnelModel, funnelModel } from './funnel-model.js';
import { type FunnelScene, funnelScene } from './funnel-scene.js';
import { type ConversionMode, type FunnelView, funnelView } from './funnel-view.js';

/**
 * Pipeline stages with step conversion (each stage ÷ the one before), overall conversion (÷ the
 * first stage) and drop-off, live. Conversion is computed from the stage values, never read from
 * the source; a stage larger than the one before is drawn as it is and flagged.
 *
 * @summary A live sales funnel.
 *
 * @csspart base - The tile.
 * @csspart label - The heading.
 * @csspart headline - End-to-end conversion in the header.
 * @csspart plot - The chart area (holds the `<svg>` and the tooltip).
 * @csspart tooltip - The tooltip of the hovered or focused stage.
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
 * @cssprop --crm-funnel-color - Fill of the stage bars (defaults to the accent colour).
 * @cssprop --crm-funnel-connector-color - Fill of the flow between stages, shown translucent (defaults to the bar colour).
 * @cssprop --crm-chart-height - Height of the chart when the widget's height is not set (240px).
 * @cssprop --crm-font-size-chart - Size of the chart's labels.
 * @cssprop --crm-color-grid - Grid lines.
 * @cssprop --crm-font-family - Font of the widget.
 * @cssprop --crm-color-text - Main text colour; also the tooltip background.
 * @cssprop --crm-color-muted - Secondary text colour.
 * @cssprop --crm-color-surface - Tile background.
 * @cssprop --crm-color-border - Tile border.
 * @cssprop --crm-color-accent - Default bar colour.
 * @cssprop --crm-color-warning - Stages larger than the one before, and the stale note.
 * @cssprop --crm-color-track - Highlight of the hovered stage.
 * @cssprop --crm-color-focus - Focus ring.
 * @cssprop --crm-radius - Corner radius.
 * @cssprop --crm-space - Inner padding.
 * @cssprop --crm-font-size-label - Size of the heading.
 * @cssprop --crm-motion-duration - Length of the animation to new data (default 100ms; shorter when data comes faster than every 750 ms; 0 under reduced motion).
 *
 * @fires crm-drilldown - The user clicked a stage or pressed Enter on it; `detail.row` is the stage's row. Cancelable.
 * @fires crm-state - The data state changed (`loading`, `ready`, `stale`, `error`, `empty`).
 */
export class CrmFunnel extends CrmChartElement {
  static override styles = [tokenStyles, chartStyles, funnelStyles];
  static override properties: PropertyDeclarations = {
    orientation: { reflect: true },
    conversion: {},
    format: {},
    currency: {},
    stageField: { attribute: 'stage-field' },
    valueField: { attribute: 'value-field' },
  };

  /** `vertical`: stages top to bottom; `horizontal`: stages left to right. */
  orientation: 'vertical' | 'horizontal' = 'vertical';

  /** Which conversion the chart writes beside each stage: `step`, `overall` or `both`. Tooltips and the data table always give both. */
  conversion: ConversionMode = 'both';

  /** How values are written: `number`, `currency`, `percent` or `duration`. Defaults to what the source's field unit says. */
  format: ValueFormat | undefined = undefined;

  /** ISO 4217 currency code for `format="currency"`; defaults to the field's unit. */
  currency: string | undefined = undefined;

  /** The row field that names the stage. */
  stageField = 'stage';

  /** The row field that holds the stage's count or amount. */
  valueField = 'value';

  readonly #motion = new ChartMotion<Box>(this, () => this.motionCap());
  #chartMessages: FunnelMessages = funnelMessagesFor('en-US');
  #model: FunnelModel | null = null;
  #view: FunnelView | null = null;
  #modelledFrame: MetricFrame | null = null;
  #modelledFields = '';
  #dataChanged = false;


  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#chartMessages = funnelMessagesFor(this.resolvedLocale);
    const frame = this.data.model;
    const fields = `${this.stageField}|${this.valueField}`;
    this.#dataChanged = frame !== this.#modelledFrame;
    if (this.#dataChanged || fields !== this.#modelledFields) {
      const first = this.#modelledFrame === null;
      this.#model = frame && funnelModel(frame, this.stageField, this.valueField);
      if (this.#model?.unusable) console.warn(`crm-pulse: ${this.#model.unusable} funnel stage(s) had no usable "${this.valueField}"; shown as —`);
      this.#modelledFrame = frame;
      this.#modelledFields = fields;
      this.#view = this.#makeView();
      const last = this.#view?.stages.at(-1);
      // The first numbers are read with the chart; announce only changes after them.
      if (!first && last) this.announcer.announce(`${last.name}: ${last.fullValue}, ${this.#view!.headline}`);
    } else {
      this.#view = this.#makeView();
    }
  }

  /** The funnel's words and numbers; made again only when the data or a setting they depend on changed. */
  #makeView(): FunnelView | null {
    // Until the plot has a size there is nothing to draw: the first render only lays out the tile.
    if (!this.#model || !this.size.sized) return null;
    const options = {
      format: this.format,
      currency: this.currency,
      locale: this.resolvedLocale,
      conversion: this.conversion === 'step' || this.conversion === 'overall' ? this.conversion : 'both',
      orientation: this.orientation === 'horizontal' ? 'horizontal' : 'vertical',
      messages: this.#chartMessages,
    } as const;
    const key = [options.format, options.currency, options.locale, options.conversion, options.orientation, this.#headline()].join('|');
    if (this.#view && this.#viewModel === this.#model && this.#viewKey === key) return this.#view;
    this.#viewModel = this.#model;
    this.#viewKey = key;
    return funnelView(this.#model, this.#headline(), options);
  }

  #viewModel: FunnelModel | null = null;
  #viewKey = '';

  #headline(): string {
    return this.label || this.#model?.fieldLabel || metricHeading(this.metric, this.resolvedLocale);
  }

  override render() {
    const view = this.#view;
    const model = this.#model;
    const drawn = view && model;
    return this.renderTile(this.#headline(), view?.headline, drawn ? this.#renderChart(model, view) : nothing, drawn ? this.#renderTable(model, view) : nothing);
  }

  /** Bars and the labels that fit; laid out again only when the view, the size or the font changed. */
  #scene(model: FunnelModel, view: FunnelView): FunnelScene | null {
    const { width, height } = this.size;
    if (!this.size.sized) return null;
    const orientation = this.orientation === 'horizontal' ? 'horizontal' : 'vertical';
    const regular = this.size.font();
    const key = `${width}|${height}|${orientation}|${regular}`;
    if (this.#laidOut?.view === view && this.#laidOut.key === key) return this.#laidOut.scene;
    const bold = this.size.font(700);
    const scene = funnelScene(
      model.stages.map((s) => s.conversion.value),
      view.stages,
      {
        width,
        height,
        orientation,
        lineHeight: this.size.lineHeight,
        measure: (text, strong) => textWidth(text, strong ? bold : regular),
        fit: (text, w) => fitText(text, w, regular),
      },
    );
    this.#laidOut = { view, key, scene };
    return scene;
  }

  #laidOut: { view: FunnelView; key: string; scene: FunnelScene } | null = null;

  #renderChart(model: FunnelModel, view: FunnelView) {
    const scene = this.#scene(model, view);
    if (!scene) return nothing;
    const { width, height } = this.size;
    const vertical = this.orientation !== 'horizontal';
    const orientation = vertical ? 'vertical' : 'horizontal';
    const keys = model.stages.map((s) => s.key);
    const { bars, bands } = scene.layout;
    const motion = this.#motion.frame(new Map(keys.map((key, i) => [key, bars[i]!])), this.#dataChanged);
    const role = this.drillHref ? 'link' : 'button';
    const tip = this.tipKey === null ? -1 : keys.indexOf(this.tipKey);
    const tipBar = tip >= 0 ? bars[tip]! : null;
    // Marks and connectors follow stages by position, not by key (no `repeat`, ~0.7 KiB gz less): a
    // funnel's stages keep their order from frame to frame, so a live update lands on the same
    // elements. A stage added at the end grows in (`enter`); one inserted before others takes over
    // the element of the stage that was there, which moves to its new place, and focus follows the
    // stage the user chose (`CrmChartElement`).
    return html`<svg class=${motion.snap ? 'snap' : ''} width=${width} height=${height} role="group" aria-label=${view.summary}>
        ${svg`<g class="connectors" aria-hidden="true">${keys.slice(1).map(
          (key, i) => svg`<path class=${motion.entering(key) ? 'connector moves enter' : 'connector moves'} d=${connectorPath(bars[i]!, bars[i + 1]!, orientation)}></path>`,
        )}</g>`}
        ${model.stages.map((s, i) => {
          const band = bands[i]!;
          const bar = bars[i]!;
          const text = view.stages[i]!;
          return svg`<g class=${`mark stage${text.increased ? ' increased' : ''}${s.key === this.tipKey ? ' active' : ''}${motion.entering(s.key) ? ' enter' : ''}`} data-key=${s.key} role=${role} tabindex=${this.roving.tabIndex(s.key, keys)} aria-label=${text.ariaLabel}>
            <rect class="hit" x=${band.x} y=${band.y} width=${band.width} height=${band.height} rx="4"></rect>
            <rect class="bar moves" x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height} rx="2"></rect>
          </g>`;
        })}
        ${svg`<g class="labels" aria-hidden="true">${scene.labels.map((l) => svg`<text class=${l.cls} data-label=${l.id} x=${l.x} y=${l.y} text-anchor=${l.anchor}>${l.text}</text>`)}</g>`}
      </svg>
      ${tipBar
        ? renderChartTip({ key: keys[tip]!, x: vertical ? tipBar.x + tipBar.width : tipBar.x + tipBar.width / 2, y: vertical ? tipBar.y + tipBar.height / 2 : tipBar.y, title: view.stages[tip]!.name, lines: view.stages[tip]!.tip }, width)
        : nothing}`;
  }

  /** Every number of the chart for screen readers, and for anyone who wants the table. */
  #renderTable(model: FunnelModel, view: FunnelView) {
    const m = this.#chartMessages;
    return html`<table class="sr-only" part="table">
      <caption>${view.summary}</caption>
      <thead><tr><th scope="col">${m.stage}</th><th scope="col">${m.value}</th><th scope="col">${m.stepConversion}</th><th scope="col">${m.overallConversion}</th><th scope="col">${m.dropOff}</th></tr></thead>
      <tbody>
        ${model.stages.map((_, i) => {
          const t = view.stages[i]!;
          return html`<tr><th scope="row">${t.name}</th><td>${t.fullValue}</td><td>${t.step}${t.increased ? ` (${m.increased})` : ''}</td><td>${t.overall}</td><td>${t.dropOff}</td></tr>`;
        })}
      </tbody>
    </table>`;
  }

  protected markKeys(): string[] {
    return this.#model?.stages.map((s) => s.key) ?? [];
  }

  protected override markFilters(row: Readonly<Record<string, FrameValue>>): Filters {
    return filterOf(this.stageField, row[this.stageField]);
  }

  protected markDrill(key: string) {
    const stage = this.#model?.stages.find((s) => s.key === key);
    return stage ? { row: stage.row, value: stage.conversion.value } : null;
  }
}
