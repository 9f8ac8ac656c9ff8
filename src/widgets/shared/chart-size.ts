import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
  private observer: ResizeObserver | undefined;
  private observed: Element | null = null;

  /** `target` finds the element to measure in the host's rendered tree. */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly target: () => Element | null | undefined,
  ) {
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
    if (this.observed && this.readFont(this.observed)) this.host.requestUpdate();
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1]!;
      const box = entry.contentRect;
      // Rounded down: a chart one pixel too wide would clip its outermost labels.
      const width = Math.floor(box.width);
      const height = Math.floor(box.height);
      const fontChanged = width > 0 && height > 0 && this.readFont(entry.target);
      if (width === this.width && height === this.height && !fontChanged) return;
      this.width = width;
      this.height = height;
      this.host.requestUpdate();
    });
    this.observed = null;
    this.hostUpdated();
  }

  /** The plot element appears with the first render and may be replaced: follow it. */
  hostUpdated(): void {
    const element = this.target() ?? null;
    if (!this.observer || element === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = element;
    if (element) this.observer.observe(element);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = null;
  }

  private readFont(element: Element): boolean {
    const style = getComputedStyle(element);
    const size = Number.parseFloat(style.fontSize) || 12;
    const family = style.fontFamily || 'sans-serif';
    if (size === this.fontSize && family === this.fontFamily) return false;
    this.fontSize = size;
    this.fontFamily = family;
    return true;
  }
}
