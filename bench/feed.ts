import { seededRandom } from '../src/data/seeded-random.js';
import type { MetricFrame } from '../src/data/types.js';

type Listener = (frame: MetricFrame) => void;

/** How often the feed wakes up; the number of frames it hands out per wake-up follows the rate. */
const TICK_MS = 10;

/**
 * Live data for the benchmark: one stream of frames per widget, and a clock that pushes new
 * frames at a chosen total rate to randomly chosen widgets (seeded, so both dashboards see the
 * same sequence). Random choice means that at high rates a widget often receives two frames
 * within one animation frame — what coalescing is for.
 *
 * A page that falls behind gets the frames it missed when it wakes up, as a socket would deliver
 * them; at most one second's worth, so a frozen page does not come back to a flood.
 */
export class Feed {
  /** Frames handed to listeners since `start`. */
  delivered = 0;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly cursor = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly streams: ReadonlyMap<string, readonly MetricFrame[]>) {}

  /** The metric names, in a fixed order. */
  get metrics(): string[] {
    return [...this.streams.keys()];
  }

  /** Calls `listener` with the metric's current frame now and with every new one; returns the unsubscribe. */
  listen(metric: string, listener: Listener): () => void {
    let set = this.listeners.get(metric);
    if (!set) this.listeners.set(metric, (set = new Set()));
    set.add(listener);
    listener(this.current(metric));
    return () => set.delete(listener);
  }

  start(ratePerSecond: number): void {
    this.stop();
    const metrics = this.metrics;
    const random = seededRandom(ratePerSecond);
    const started = performance.now();
    let sent = 0;
    this.timer = setInterval(() => {
      const due = Math.floor(((performance.now() - started) * ratePerSecond) / 1000);
      sent = Math.max(sent, due - ratePerSecond);
      for (; sent < due; sent++) this.advance(metrics[Math.floor(random() * metrics.length)]!);
    }, TICK_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private current(metric: string): MetricFrame {
    const frames = this.streams.get(metric)!;
    const frame = frames[(this.cursor.get(metric) ?? 0) % frames.length]!;
    // A fresh object each time, as a parsed network message would be.
    return { ...frame, asOf: Date.now() };
  }

  private advance(metric: string): void {
    this.cursor.set(metric, (this.cursor.get(metric) ?? 0) + 1);
    const listeners = this.listeners.get(metric);
    if (!listeners?.size) return;
    const frame = this.current(metric);
    this.delivered++;
    for (const listener of listeners) listener(frame);
  }
}
