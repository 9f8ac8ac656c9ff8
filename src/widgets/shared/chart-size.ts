import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The size of a chart's plot box, kept current with a ResizeObserver; the host updates when it
 * changes. A chart needs its height as well as its width (a 280×200 tile must fit its labels into
 * 200 px), which is why this watches the plot element rather than the host's width alone.
 */
export class ChartSizeController implements ReactiveController {
  width = 0;
  height = 0;
  private observer: ResizeObserver | undefined;
  private observed: Element | null = null;

  /** `target` finds the element to measure in the host's rendered tree. */
  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly target: () => Element | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]!.contentRect;
      // Rounded down: a chart one pixel too wide would clip its outermost labels.
      const width = Math.floor(box.width);
      const height = Math.floor(box.height);
      if (width === this.width && height === this.height) return;
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
}
