import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The plots being watched, and by whom. */
const watched = new Map<Element, ChartSizeController>();
let observer: ResizeObserver | undefined;

/**
 * One observer for every chart on the page. It reports all resized plots in one call, so that all
 * are measured (size and font) before any draws: a chart drawn between two style reads would make
 * the second recompute the style of the page.
 */
function sharedObserver(): ResizeObserver {
  return (observer ??= new ResizeObserver((entries) => ChartSizeController.resized(entries)));
}

/**
 * The size of a chart's plot box and the font of its text, kept current with a ResizeObserver;
 * the host updates when either changes. A chart needs its height as well as its width (a 280×200
 * tile must fit its labels into 200 px), which is why this watches the plot element rather than
 * the host's width alone. The font is read when the size is (in the observer's callback, where
 * style is up to date and reading it is cheap) and on `refreshFont()`, never during a render:
 * a style read there would make the browser recompute the style of the whole page.
 */
export class ChartSizeController implements ReactiveController {
  width = 0;
  height = 0;
  /** The plot's font size in px and family, as the chart's text is drawn in. */
  fontSize = 12;
  fontFamily = 'sans-serif';
  #connected = false;
  #observed: Element | null = null;
  readonly #target: () => Element | null | undefined;
  readonly #redraw: () => void;

  /**
   * `target` finds the element to measure in the host's rendered tree. `redraw` draws the host at
   * the new size; by default it asks for an update in the next frame. A host that renders
   * synchronously here draws in the frame whose layout gave the size (the observer reports after
   * layout, before paint): the first data appears with the first paint, and a resized chart is
   * never shown for a frame at its old size.
   */
  constructor(host: ReactiveControllerHost & Element, target: () => Element | null | undefined, redraw: () => void = () => host.requestUpdate()) {
    this.#target = target;
    this.#redraw = redraw;
    host.addController(this);
  }

  /** True once the plot has a size to draw in. */
  get sized(): boolean {
    return this.width > 0 && this.height > 0;
  }

  /** The chart's font as a canvas `font` string. */
  font(weight: number | string = 400): string {
    return `${weight} ${this.fontSize}px ${this.fontFamily}`;
  }

  /** One line of chart text, with room between lines. */
  get lineHeight(): number {
    return Math.ceil(this.fontSize * 1.4);
  }

  /** Reads the font again after a change that may alter it (e.g. the theme); updates the host if it did. */
  refreshFont(): void {
    if (this.#observed && this.#readFont(this.#observed)) this.#redraw();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#observed = null;
    this.hostUpdated();
  }

  /** The plot element appears with the first render and may be replaced: follow it. */
  hostUpdated(): void {
    const element = this.#target() ?? null;
    if (!this.#connected || element === this.#observed) return;
    this.#unobserve();
    this.#observed = element;
    if (element) {
      watched.set(element, this);
      sharedObserver().observe(element);
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unobserve();
  }

  /** Takes the size the observer reports, and the font; true when either changed. */
  #measure(entry: ResizeObserverEntry): boolean {
    const box = entry.contentRect;
    // Rounded down: a chart one pixel too wide would clip its outermost labels.
    const width = Math.floor(box.width);
    const height = Math.floor(box.height);
    const fontChanged = width > 0 && height > 0 && this.#readFont(entry.target);
    if (width === this.width && height === this.height && !fontChanged) return false;
    this.width = width;
    this.height = height;
    return true;
  }

  #unobserve(): void {
    if (!this.#observed) return;
    watched.delete(this.#observed);
    sharedObserver().unobserve(this.#observed);
    this.#observed = null;
  }

  /** Measures every resized plot, then lets each draw: no chart draws before all are measured. @internal */
  static resized(entries: readonly ResizeObserverEntry[]): void {
    const changed = entries.map((entry) => watched.get(entry.target)).filter((c, i): c is ChartSizeController => !!c && c.#measure(entries[i]!));
    for (const controller of new Set(changed)) controller.#redraw();
  }

  #readFont(element: Element): boolean {
    const style = getComputedStyle(element);
    const size = Number.parseFloat(style.fontSize) || 12;
    const family = style.fontFamily || 'sans-serif';
    if (size === this.fontSize && family === this.fontFamily) return false;
    this.fontSize = size;
    this.fontFamily = family;
    return true;
  }
}
