import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { FrameValue, MetricFrame } from '../../data/types.js';
import type { Box } from '../../metrics/label-layout.js';
import type { Bubble } from '../../metrics/roi-scatter-layout.js';
import { type CampaignFigures, type CampaignSort, rollUpOthers, sortCampaigns } from '../../metrics/roi.js';
import { chartStyles } from '../shared/chart-styles.js';
import { type Filters, filterOf } from '../shared/filters.js';
import { type RoiMessages, roiMessagesFor } from './roi-messages.js';
import { fitText, textWidth } from '../shared/chart-text.js';
import { type ChartTip, renderChartTip } from '../shared/chart-tooltip.js';
import { ChartMotion } from '../shared/chart-motion.js';
import { CrmChartElement } from '../shared/crm-chart-element.js';
import { metricHeading } from '../../format/metric-heading.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { campaignRoiStyles } from './crm-campaign-roi.styles.js';
import { type RoiModel, roiModel } from './roi-model.js';
import { type ChartContext, barsScene, movingTexts, renderBars } from './roi-charts.js';
import type { BarsScene } from './roi-bars-scene.js';
import type { ScatterScene } from './roi-scatter-scene.js';
import { type MetricColumn, type RoiView, roiView } from './roi-view.js';
import { LazyCode } from '../shared/lazy-code.js';

const COLUMNS: readonly MetricColumn[] = ['leads', 'opportunities', 'won'];

/** The scatter view's code, once loaded: most ROI tiles are bars, so only a scatter downloads it. */
const scatterCode = new LazyCode(() => import('./roi-scatter-chart.js'), 'the campaign ROI scatter');

/**
 * Marketing ROI per campaign, live: ROI = (revenue − cost) ÷ cost as bars around a break-even line,
 * or cost against revenue as bubbles sized by leads with the break-even diagonal. A campaign without
 * cost shows "n/a", never Infinity.
 *
 * @summary Live campaign ROI.
 *
 * @csspart base - The tile.
 * @csspart label - The heading.
 * @csspart headline - Total ROI of all campaigns in the header.
 * @csspart plot - The chart area (holds the `<svg>`, the chart's texts over it and the tooltip).
 * @csspart tooltip - The tooltip of the hovered or focused campaign.
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
 * @cssprop --crm-roi-gain-color - Bars and bubbles of campaigns that paid back (defaults to the good colour).
 * @cssprop --crm-roi-loss-color - Bars and bubbles of campaigns that lost money (defaults to the bad colour).
 * @cssprop --crm-chart-height - Height of the chart when the widget's height is not set (240px).
 * @cssprop --crm-font-size-chart - Size of the chart's labels.
 * @cssprop --crm-color-grid - Grid lines.
 * @cssprop --crm-font-family - Font of the widget.
 * @cssprop --crm-color-text - Main text colour, the break-even line and the tooltip background.
 * @cssprop --crm-color-muted - Secondary text colour and the break-even diagonal.
 * @cssprop --crm-color-surface - Tile background.
 * @cssprop --crm-color-border - Tile border and axis lines.
 * @cssprop --crm-color-good - Default gain colour.
 * @cssprop --crm-color-bad - Default loss colour.
 * @cssprop --crm-color-warning - The stale note.
 * @cssprop --crm-color-track - Highlight of the hovered campaign.
 * @cssprop --crm-color-focus - Focus ring.
 * @cssprop --crm-radius - Corner radius.
 * @cssprop --crm-space - Inner padding.
 * @cssprop --crm-font-size-label - Size of the heading.
 * @cssprop --crm-motion-duration - Length of the animation to new data (default 100ms; shorter when data comes faster than every 750 ms; 0 under reduced motion).
 *
 * @fires crm-drilldown - The user clicked a campaign or pressed Enter on it; `detail.row` is its row (summed for "others"), `detail.value` its ROI. Cancelable.
 * @fires crm-state - The data state changed (`loading`, `ready`, `stale`, `error`, `empty`).
 */
export class CrmCampaignRoi extends CrmChartElement {
  static override styles = [tokenStyles, chartStyles, campaignRoiStyles];
  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    sort: {},
    limit: { type: Number },
    metricColumns: { attribute: 'metric-columns' },
    currency: {},
  };

  /** `bars`: ROI per campaign around the break-even line; `scatter`: cost × revenue, bubble size = leads. */
  view: 'bars' | 'scatter' = 'bars';

  /** Order of the campaigns: `roi`, `revenue` or `cost` (highest first), or `name`. */
  sort: CampaignSort = 'roi';

  /** Show this many campaigns and roll the rest up into one "others" entry; 0 shows all. */
  limit = 0;

  /** Count columns beside the bars, e.g. `"leads,opportunities,won"`. */
  metricColumns = '';

  /** ISO 4217 code for cost and revenue; defaults to the unit the source gives them. */
  currency: string | undefined = undefined;

  readonly #barMotion = new ChartMotion<Box>(this, () => this.motionCap());
  readonly #bubbleMotion = new ChartMotion<Bubble>(this, () => this.motionCap());
  #chartMessages: RoiMessages = roiMessagesFor('en-US');
  #model: RoiModel | null = null;
  #shown: CampaignFigures[] = [];
  /** Every campaign in display order, without a roll-up: the data table lists them all. */
  #sorted: CampaignFigures[] = [];
  #roiView: RoiView | null = null;
  #modelledFrame: MetricFrame | null = null;
  #dataChanged = false;


  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#chartMessages = roiMessagesFor(this.resolvedLocale);
    const frame = this.data.model;
    this.#dataChanged = frame !== this.#modelledFrame;
    if (this.#dataChanged) {
      this.#model = frame && roiModel(frame);
      if (this.#model?.unusable) console.warn(`crm-pulse: ${this.#model.unusable} campaign figure(s) were not usable numbers; shown as —`);
    }
    const hadView = this.#roiView !== null;
    this.#makeView();
    // The first numbers are read with the chart; announce only changes after them.
    if (this.#dataChanged && hadView && this.#modelledFrame && this.#roiView) this.announcer.announce(this.#roiView.headline);
    this.#modelledFrame = frame;
  }

  /**
   * Sorts, limits and words the campaigns; again only when the data or a setting they depend on
   * changed. Until the plot has a size there is nothing to draw: the first render only lays out the tile.
   */
  #makeView(): void {
    const model = this.#model;
    if (!model || !this.size.sized) {
      this.#roiView = null;
      return;
    }
    const sort = (['roi', 'revenue', 'cost', 'name'] as const).includes(this.sort) ? this.sort : 'roi';
    const limit = this.#rowLimit(model.campaigns.length);
    const key = [sort, limit, this.resolvedLocale, this.currency, this.#headline()].join('|');
    if (this.#roiView && this.#viewModel === model && this.#viewKey === key) return;
    this.#viewModel = model;
    this.#viewKey = key;
    const sorted = sortCampaigns(model.campaigns, sort, this.resolvedLocale);
    this.#sorted = sorted;
    this.#shown = rollUpOthers(sorted, limit, this.#chartMessages.others(Math.max(0, sorted.length - limit)));
    this.#roiView = roiView(model.campaigns, this.#shown, this.#headline(), this.#viewOptions());
    this.#tableRows = sorted.length === this.#shown.length ? this.#roiView.campaigns : roiView(sorted, sorted, '', this.#viewOptions()).campaigns;
  }

  #viewModel: RoiModel | null = null;
  #viewKey = '';
  /** Every campaign's words for the data table (the chart may show fewer, with "others"). */
  #tableRows: RoiView['campaigns'] = [];

  /**
   * How many campaigns get a row of their own: the `limit`, and in bars no more than the plot has
   * readable lines for — a small tile shows its top campaigns and "others" rather than rows too thin
   * to label. 0 means all.
   */
  #rowLimit(count: number): number {
    let limit = Number.isFinite(this.limit) ? Math.max(0, Math.floor(this.limit)) : 0;
    if (this.view !== 'scatter' && this.size.height) {
      const line = this.size.lineHeight;
      const rows = Math.max(2, Math.floor((this.size.height - 2 * line - 6) / line));
      if (Math.min(count, limit || count) + (limit && count > limit ? 1 : 0) > rows) limit = rows - 1;
    }
    return limit;
  }

  #headline(): string {
    return this.label || metricHeading(this.metric, this.resolvedLocale);
  }

  #viewOptions() {
    return { currency: this.currency ?? this.#model?.unit, locale: this.resolvedLocale, messages: this.#chartMessages };
  }

  #columns(): MetricColumn[] {
    return this.metricColumns
      .split(',')
      .map((c) => c.trim())
      .filter((c): c is MetricColumn => (COLUMNS as readonly string[]).includes(c));
  }

  override render() {
    const view = this.#roiView;
    return this.renderTile(this.#headline(), view?.headline, view ? this.#renderChart(view) : nothing, view ? this.#renderTable(view) : nothing);
  }

  #renderChart(view: RoiView) {
    const { width, height } = this.size;
    if (!this.size.sized) return nothing;
    const scatter = this.view === 'scatter' ? scatterCode.code : undefined;
    if (this.view === 'scatter' && !scatter) {
      scatterCode.load(this);
      this.#drawnKeys = [];
      return scatterCode.placeholder(this, this.messages);
    }
    const regular = this.size.font();
    const bold = this.size.font(700);
    const context: ChartContext = {
      width,
      height,
      campaigns: this.#shown,
      view,
      messages: this.#chartMessages,
      lineHeight: this.size.lineHeight,
      measure: (text, strong) => textWidth(text, strong ? bold : regular),
      fit: (text, w) => fitText(text, w, regular),
      role: this.drillHref ? 'link' : 'button',
      tipKey: this.tipKey,
      tabIndex: (key, keys) => this.roving.tabIndex(key, keys),
      animate: this.#dataChanged,
      bubbleOnScreen: (key) => this.#bubbleOnScreen(key),
    };
    // Labels are laid out again only when the words, the size, the font or the columns changed.
    const columns = this.#columns();
    const key = `${this.view}|${width}|${height}|${regular}|${columns.join()}`;
    if (this.#laidOut?.view !== view || this.#laidOut.key !== key) {
      this.#laidOut = { view, key, scene: scatter ? { scatter: scatter.scatterScene(context) } : { bars: barsScene(context, columns) } };
    }
    const { scene } = this.#laidOut;
    // A scatter scene is laid out only with the scatter's code (the key holds the view).
    const chart = 'scatter' in scene ? scatter!.renderScatter(context, scene.scatter, this.#bubbleMotion) : renderBars(context, scene.bars, this.#barMotion);
    this.#drawnKeys = chart.keys;
    const tip: ChartTip | null = chart.tip;
    return html`<svg class=${chart.snap ? 'snap' : ''} width=${width} height=${height} role="group" aria-label=${this.view === 'scatter' ? this.#chartMessages.roiScatter : this.#chartMessages.roiBars} aria-describedby="summary">
        ${chart.content}
      </svg>
      ${movingTexts(chart.texts, chart.snap)}
      ${renderChartTip(tip, width)}`;
  }

  #laidOut: { view: RoiView; key: string; scene: { bars: BarsScene } | { scatter: ScatterScene } } | null = null;

  /** Where a bubble is on screen now, mid-motion included: a style read, so only when bubbles change paint order. */
  #bubbleOnScreen(key: string): { cx: number; cy: number; r: number } | null {
    const mark = [...this.renderRoot.querySelectorAll<SVGGElement>('.mark')].find((m) => m.dataset.key === key);
    const dot = mark?.querySelector('.dot');
    if (!dot) return null;
    const style = getComputedStyle(dot);
    const [cx, cy, r] = [style.cx, style.cy, style.r].map((v) => Number.parseFloat(v));
    return Number.isFinite(cx) && Number.isFinite(cy) && Number.isFinite(r) ? { cx: cx!, cy: cy!, r: r! } : null;
  }

  /** The keys of the marks on the chart, in keyboard order. */
  #drawnKeys: string[] = [];

  /** Every number of every campaign for screen readers. */
  #renderTable(view: RoiView) {
    const m = this.#chartMessages;
    const counts = COLUMNS.filter((k) => this.#sorted.some((c) => c[k] !== null));
    const rows = this.#tableRows;
    return html`<p class="sr-only" id="summary">${view.summary}</p>
      <table class="sr-only" part="table">
        <caption>${this.#headline()}</caption>
        <thead><tr><th scope="col">${m.campaign}</th><th scope="col">${m.cost}</th><th scope="col">${m.revenue}</th><th scope="col">${m.roi}</th>${counts.map((k) => html`<th scope="col">${m[k]}</th>`)}</tr></thead>
        <tbody>
          ${rows.map((c) => html`<tr><th scope="row">${c.name}</th><td>${c.cost}</td><td>${c.revenue}</td><td>${c.roi}</td>${counts.map((k) => html`<td>${c.counts[k]}</td>`)}</tr>`)}
        </tbody>
      </table>`;
  }

  protected markKeys(): string[] {
    return this.#drawnKeys;
  }

  protected override markFilters(row: Readonly<Record<string, FrameValue>>): Filters {
    return filterOf('campaign', row.campaign);
  }

  protected markDrill(key: string) {
    const campaign = this.#shown.find((c) => c.key === key);
    return campaign ? { row: campaign.row, value: campaign.roi } : null;
  }
}
