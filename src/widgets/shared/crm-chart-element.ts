import { html, nothing, type PropertyValues } from 'lit';
import type { FrameValue, MetricFrame } from '../../data/types.js';
import { RovingFocus } from './chart-keyboard.js';
import { ChartSizeController } from './chart-size.js';
import { placeTip } from './chart-tooltip.js';
import { CrmMetricElement } from './crm-metric-element.js';
import { inlineStyle } from './inline-style.js';
import { PoliteAnnouncer } from './polite-announcer.js';

/**
 * What the SVG charts share: a plot that draws at its measured size, marks (`[data-key]`) reached
 * with a roving tabindex, a tooltip for the hovered or focused mark, and drill-down on click, Enter
 * or Space. Mark events are delegated to the `.plot` box, not to the `<svg>` (Chromium makes an
 * `<svg>` with focus listeners a Tab stop of its own).
 */
export abstract class CrmChartElement extends CrmMetricElement<MetricFrame> {
  #tipKey: string | null = null;

  /** The mark whose tooltip shows; internal state: setting another renders again. */
  protected get tipKey(): string | null {
    return this.#tipKey;
  }

  protected set tipKey(key: string | null) {
    const old = this.#tipKey;
    if (key === old) return;
    this.#tipKey = key;
    this.requestUpdate('tipKey', old);
  }

  protected readonly size = new ChartSizeController(
    this,
    () => this.renderRoot.querySelector('.plot'),
    () => this.#drawAtNewSize(),
  );
  protected readonly roving = new RovingFocus();
  /** Says changes to the data politely (not the first numbers), at most so often. */
  protected readonly announcer = new PoliteAnnouncer(this);

  /**
   * The tile every chart draws: the heading row (its label and headline figure), the plot, the note
   * on stale data (its reason, "as of" time and, after an error that is not retried, Retry), the screen-reader table and the polite announcement. Mark events are delegated to
   * the plot, not to the `<svg>`: Chromium makes an `<svg>` with focus listeners a Tab stop of its own.
   */
  protected renderTile(label: string, headline: string | null | undefined, chart: unknown, table: unknown) {
    const stale = this.data.state === 'stale';
    return html`<div class=${stale ? 'tile stale' : 'tile'} part="base" ${inlineStyle(this.motionStyle())}>
      <div class="header">
        <span class="label" part="label">${label}</span>
        ${headline ? html`<span class="headline" part="headline">${headline}</span>` : nothing}
      </div>
      <div
        class="plot"
        part="plot"
        @pointerover=${this.onPointerOver}
        @pointerleave=${this.onPointerLeave}
        @click=${this.onClick}
        @keydown=${this.onKeydown}
        @focusin=${this.onFocusIn}
        @focusout=${this.onPointerLeave}
      >${this.renderStateView()}${chart}</div>
      ${this.data.frame ? this.renderStaleNote() : nothing}
      ${table}
      <div class="sr-only" aria-live="polite">${this.announcer.text}</div>
    </div>`;
  }

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
  #drawAtNewSize(): void {
    this.requestUpdate();
    if (this.hasUpdated && this.isConnected) this.performUpdate();
  }

  /** A theme set after the first render: the font is read again once it has rendered. */
  #themeChanged = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // `hasUpdated` is already true in `updated()` of the first render, and the first render has
    // its theme in `changed`: deciding here keeps that render from reading the style of the page
    // (the observer reads the font with the size, when style is up to date anyway).
    this.#themeChanged = changed.has('theme') && this.hasUpdated;
    this.#hadFocus = ((this.renderRoot as ShadowRoot).activeElement as SVGElement | null)?.dataset?.key !== undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#keepFocusWithItem();
    if (this.tipKey !== null) placeTip(this.renderRoot.querySelector<HTMLElement>('.tip'), this);
    if (this.#themeChanged) this.size.refreshFont();
    this.showSelection(this.renderRoot.querySelectorAll('[data-key]'), (key) => this.markDrill(key)?.row);
  }

  /**
   * Charts that draw marks by position (funnel stages, forecast groups) hand a focused element
   * another item's key when an item before it comes or goes, or drop the element (the last one)
   * when an item before it goes: focus moves to the element that now draws the item the user
   * chose. When that item is gone, focus stays where it is, or goes to the last mark when its
   * element went too, and that item becomes the active one (Tab stop and tooltip).
   */
  #keepFocusWithItem(): void {
    const root = this.renderRoot as ShadowRoot;
    const shown = (root.activeElement as SVGElement | null)?.dataset?.key;
    const key = this.roving.active;
    if (key === null || shown === key || (shown === undefined && !this.#hadFocus)) return;
    const marks = [...root.querySelectorAll<SVGElement>('[data-key]')];
    const mark = marks.find((m) => m.dataset.key === key) ?? (shown === undefined ? marks.at(-1) : undefined);
    // Focusing a mark makes it the active one (onFocusIn).
    if (mark) mark.focus({ preventScroll: true });
    else {
      this.roving.focused(shown!);
      this.tipKey = shown!;
    }
  }

  /** Whether a mark had focus when this update began. */
  #hadFocus = false;

  /** The drawn mark an event came from, by its key. */
  #keyAt(e: Event): string | null {
    const mark = (e.target as Element | null)?.closest?.('[data-key]') as SVGElement | null;
    const key = mark?.dataset.key;
    return key !== undefined && this.markKeys().includes(key) ? key : null;
  }

  #drill(key: string, e: MouseEvent | KeyboardEvent): void {
    const target = this.markDrill(key);
    if (target) this.drillDown(target.row, target.value, e);
  }

  protected onClick = (e: MouseEvent) => {
    const key = this.#keyAt(e);
    if (key !== null) this.#drill(key, e);
  };

  protected onKeydown = (e: KeyboardEvent) => {
    const key = this.#keyAt(e);
    if (key !== null && this.roving.keydown(e, key, this.markKeys(), this.renderRoot, (k, ev) => this.#drill(k, ev), !this.drillHref)) this.requestUpdate();
  };

  protected onFocusIn = (e: FocusEvent) => {
    const key = this.#keyAt(e);
    if (key === null) return;
    this.roving.focused(key);
    this.tipKey = key;
  };

  protected onPointerOver = (e: PointerEvent) => {
    const key = this.#keyAt(e);
    if (key !== null) this.tipKey = key;
  };

  protected onPointerLeave = () => {
    const focused = this.renderRoot instanceof ShadowRoot ? (this.renderRoot.activeElement as SVGElement | null) : null;
    this.tipKey = focused?.dataset?.key ?? null;
  };
}
