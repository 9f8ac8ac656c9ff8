import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A mark's geometry: plain numbers (x, y, width, height, r, …) that can be interpolated. */
export type Geometry<G> = { readonly [K in keyof G]: number };

/** The transition length the theme asks for: `--_motion` (`--crm-motion-duration`), 0 under reduced motion. */
export function motionDuration(element: Element): number {
  const value = getComputedStyle(element).getPropertyValue('--_motion').trim();
  const n = Number.parseFloat(value);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return value.endsWith('ms') ? n : value.endsWith('s') ? n * 1000 : n;
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

function same<G extends Geometry<G>>(a: ReadonlyMap<string, G>, b: ReadonlyMap<string, G>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, g] of a) {
    const h = b.get(key);
    if (!h) return false;
    for (const name in g) if (!(Math.abs(g[name] - h[name]) <= 0.01)) return false;
  }
  return true;
}

function mix<G extends Geometry<G>>(from: G, to: G, t: number): G {
  const out = { ...to } as { [K in keyof G]: number };
  for (const name in to) out[name] = from[name] + (to[name] - from[name]) * t;
  return out as G;
}

/**
 * Animates a chart's marks from the geometry on screen to the geometry of new data, one host update
 * per animation frame, keyed so each mark moves to its own new place. A tween that is interrupted by
 * newer data continues from where the marks are (no jump back); with reduced motion, or when only
 * the size changed, the new geometry is drawn at once. When it ends, the marks are exactly the target.
 */
export class ChartTween<G extends Geometry<G>> implements ReactiveController {
  private shown = new Map<string, G>();
  private from = new Map<string, G>();
  private to = new Map<string, G>();
  private progress = 1;
  private startedAt = 0;
  private duration = 0;
  private rafId = 0;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** True while marks are on their way to the latest target. */
  get running(): boolean {
    return this.rafId !== 0;
  }

  /**
   * What to draw now. `target` is the geometry the current data and size give; `animate` says
   * whether the data changed (tween) or only the size (snap). `enter` gives a mark that is new its
   * starting geometry (e.g. a bar of length 0).
   */
  frame(target: ReadonlyMap<string, G>, animate: boolean, enter: (g: G) => G): ReadonlyMap<string, G> {
    if (!same(target, this.to)) {
      const duration = animate && this.shown.size > 0 ? motionDuration(this.host) : 0;
      this.to = new Map(target);
      if (duration > 0) {
        this.from = new Map([...target].map(([key, g]) => [key, this.shown.get(key) ?? enter(g)]));
        this.duration = duration;
        this.startedAt = performance.now();
        this.progress = 0;
        this.schedule();
      } else {
        this.stop();
        this.progress = 1;
      }
    }
    this.shown =
      this.progress >= 1 ? this.to : new Map([...this.to].map(([key, g]) => [key, mix(this.from.get(key) ?? g, g, ease(this.progress))]));
    return this.shown;
  }

  hostDisconnected(): void {
    this.stop();
    // A widget put back into the page starts from its data, not from a half-finished tween.
    this.progress = 1;
  }

  private schedule(): void {
    if (this.rafId) return;
    this.rafId = requestAnimationFrame((now) => {
      this.rafId = 0;
      this.progress = Math.min(1, Math.max(0, (now - this.startedAt) / this.duration));
      if (this.progress < 1) this.schedule();
      this.host.requestUpdate();
    });
  }

  private stop(): void {
    cancelAnimationFrame(this.rafId);
    this.rafId = 0;
  }
}
