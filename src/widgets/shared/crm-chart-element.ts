import type { PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import type { FrameValue, MetricFrame } from '../../data/types.js';
import { RovingFocus } from './chart-keyboard.js';
import { ChartSizeController } from './chart-size.js';
import { placeTip } from './chart-tooltip.js';
import { CrmMetricElement } from './crm-metric-element.js';

/**
 * What the SVG charts share: a plot that draws at its measured size, marks (`[data-key]`) reached
 * with a roving tabindex, a tooltip for the hovered or focused mark, and drill-down on click, Enter
 * or Space. Mark events are delegated to the `.plot` box, not to the `<svg>` (Chromium makes an
 * `<svg>` with focus listeners a Tab stop of its own).
 */
export abstract class CrmChartElement extends CrmMetricElement<MetricFrame> {
  /** The mark whose tooltip shows. */
  @state() protected tipKey: string | null = null;

  protected readonly size = new ChartSizeController(
    this,
    () => this.renderRoot.querySelector('.plot'),
    () => this.drawAtNewSize(),
  );
  protected readonly roving = new RovingFocus();

  /** Charts read their rows in willUpdate; the controller only tells empty from not. */
  protected toModel(frame: MetricFrame): MetricFrame | null {
    return frame.rows.length ? frame : null;
  }

  /** The keys of the marks drawn now, in keyboard order. */
  protected abstract markKeys(): readonly string[];

  /** The row and value behind a mark, for its drill-down; null for a key no longer drawn. */
  protected abstract markDrill(key: string): { row: Readonly<Record<string, FrameValue>>; value: number | null } | null;

  /**
   * The plot got its size (or a new one): draw now, in the frame whose layout gave it, rather than
   * in the next. Only a size change renders outside the animation frame.
   */
  private drawAtNewSize(): void {
    this.requestUpdate();
    if (this.hasUpdated && this.isConnected) this.performUpdate();
  }

  /** A theme set after the first render: the font is read again once it has rendered. */
  private themeChanged = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // `hasUpdated` is already true in `updated()` of the first render, and the first render has
    // its theme in `changed`: deciding here keeps that render from reading the style of the page
    // (the observer reads the font with the size, when style is up to date anyway).
    this.themeChanged = changed.has('theme') && this.hasUpdated;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.tipKey !== null) placeTip(this.renderRoot.querySelector<HTMLElement>('.tip'), this);
    if (this.themeChanged) this.size.refreshFont();
  }

  /** The drawn mark an event came from, by its key. */
  private keyAt(e: Event): string | null {
    const mark = (e.target as Element | null)?.closest?.('[data-key]') as SVGElement | null;
    const key = mark?.dataset.key;
    return key !== undefined && this.markKeys().includes(key) ? key : null;
  }

  private drill(key: string, e: MouseEvent | KeyboardEvent): void {
    const target = this.markDrill(key);
    if (target) this.drillDown(target.row, target.value, e);
  }

  protected onClick = (e: MouseEvent) => {
    const key = this.keyAt(e);
    if (key !== null) this.drill(key, e);
  };

  protected onKeydown = (e: KeyboardEvent) => {
    const key = this.keyAt(e);
    if (key !== null && this.roving.keydown(e, key, this.markKeys(), this.renderRoot, (k, ev) => this.drill(k, ev), !this.drillHref)) this.requestUpdate();
  };

  protected onFocusIn = (e: FocusEvent) => {
    const key = this.keyAt(e);
    if (key === null) return;
    this.roving.focused(key);
    this.tipKey = key;
  };

  protected onPointerOver = (e: PointerEvent) => {
    const key = this.keyAt(e);
    if (key !== null) this.tipKey = key;
  };

  protected onPointerLeave = () => {
    const focused = this.renderRoot instanceof ShadowRoot ? (this.renderRoot.activeElement as SVGElement | null) : null;
    this.tipKey = focused?.dataset?.key ?? null;
  };
}
