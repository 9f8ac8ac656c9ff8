/**
 * What the page can see of itself during a measuring window: animation frames (fps, p95 interval),
 * long tasks, and — when widgets report their renders — renders per widget per frame. Main-thread
 * busy time is not measured here but by the runner, through the DevTools protocol.
 */
export interface WindowStats {
  seconds: number;
  frames: number;
  fps: number;
  p95FrameMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** Updates handed to the dashboard during the window. */
  updates: number;
  /** Widget renders during the window (null when the dashboard cannot count them). */
  renders: number | null;
  /** Mean renders per widget per animation frame. */
  rendersPerWidgetFrame: number | null;
  /** The most renders any one widget did between two animation frames. */
  maxRendersPerWidgetFrame: number | null;
}

export class Probe {
  private readonly renders = new Map<object, number>();
  private window: Sampling | undefined;

  /** Counts one render of `widget`; dashboards that can see their renders call this. */
  countRender(widget: object): void {
    this.renders.set(widget, (this.renders.get(widget) ?? 0) + 1);
  }

  get canCountRenders(): boolean {
    return this.renders.size > 0;
  }

  begin(updatesSoFar: number): void {
    this.window?.stop();
    this.window = new Sampling(this.renders, updatesSoFar);
  }

  end(updatesSoFar: number): WindowStats {
    const sampling = this.window!;
    this.window = undefined;
    return sampling.stop(updatesSoFar, this.canCountRenders);
  }
}

class Sampling {
  private readonly started = performance.now();
  private readonly stamps: number[] = [];
  private readonly tasks: number[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.tasks.push(entry.duration);
  });
  private readonly rendersAtStart: number;
  private lastCounts = new Map<object, number>();
  private maxPerFrame = 0;
  private raf = 0;

  constructor(
    private readonly renders: Map<object, number>,
    private readonly updatesAtStart: number,
  ) {
    this.observer.observe({ type: 'longtask' });
    this.rendersAtStart = total(renders);
    this.lastCounts = new Map(renders);
    const onFrame = (now: number) => {
      this.stamps.push(now);
      this.checkRenders();
      this.raf = requestAnimationFrame(onFrame);
    };
    this.raf = requestAnimationFrame(onFrame);
  }

  stop(updatesNow = 0, countsRenders = false): WindowStats {
    cancelAnimationFrame(this.raf);
    this.observer.disconnect();
    const seconds = (performance.now() - this.started) / 1000;
    const intervals = this.stamps.slice(1).map((t, i) => t - this.stamps[i]!);
    const renders = total(this.renders) - this.rendersAtStart;
    const widgets = this.renders.size;
    const frames = this.stamps.length;
    return {
      seconds,
      frames,
      fps: frames / seconds,
      p95FrameMs: percentile(intervals, 0.95),
      longTasks: this.tasks.length,
      longestTaskMs: Math.max(0, ...this.tasks),
      updates: updatesNow - this.updatesAtStart,
      renders: countsRenders ? renders : null,
      rendersPerWidgetFrame: countsRenders && widgets && frames ? renders / widgets / frames : null,
      maxRendersPerWidgetFrame: countsRenders ? this.maxPerFrame : null,
    };
  }

  /** Between two animation frames, how many times did the busiest widget render? */
  private checkRenders(): void {
    for (const [widget, count] of this.renders) {
      const before = this.lastCounts.get(widget) ?? 0;
      if (count - before > this.maxPerFrame) this.maxPerFrame = count - before;
    }
    this.lastCounts = new Map(this.renders);
  }
}

function total(renders: Map<object, number>): number {
  let sum = 0;
  for (const n of renders.values()) sum += n;
  return sum;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
