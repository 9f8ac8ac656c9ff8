import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { UNCAPPED_GAP_MS } from './crm-metric-element.js';

/** What one render of a chart needs to know about motion. */
export interface MotionFrame<G> {
  /**
   * Draw the new geometry at once (class `snap` on the `<svg>`): the size or settings changed, not
   * the data, or the data moved no mark by half a pixel.
   */
  snap: boolean;
  /** A mark that was not on the chart before this data arrived: it grows in (class `enter`). */
  entering(key: string): boolean;
  /**
   * Where a mark was drawn to before this data arrived, when the chart moves to it: a text that a
   * mark carries along, and that has to be drawn anew (another side of its mark), starts there.
   */
  before(key: string): G | undefined;
  /**
   * New data put marks that stay on the chart into another order. Where a chart must draw in that
   * order (paint order), Lit moves their nodes, which ends their transitions: such a chart hands
   * the moved marks their on-screen geometry as a `@starting-style`.
   */
  reordered: boolean;
}

/**
 * Motion of a chart's marks, left to the browser. Marks carry their geometry in SVG presentation
 * attributes (`x`, `y`, `width`, `height`, `cx`, `cy`, `r`, `d`, `transform`), which are CSS
 * properties, and the chart styles transition them (class `moves`) over `--_motion`. So new data
 * costs one render and the motion costs no script: an interrupted transition continues from where
 * the mark is, it ends exactly on the attribute's value, and under reduced motion `--_motion` is
 * 0ms, which draws the new geometry at once. A node that Lit moves within its parent starts afresh,
 * without a transition: charts keep moving marks in a stable DOM order (see `stableOrder`).
 *
 * What is left to script: per render, whether the change is new data (animate) or a resize (snap),
 * which marks are new (their `@starting-style` gives them their first geometry), and where each
 * mark was headed before.
 */
export class ChartMotion<G> implements ReactiveController {
  #shown = new Map<string, G>();
  /** When marks last started a move someone can see (performance.now()). */
  #movedAt = Number.NEGATIVE_INFINITY;
  readonly #motionCap: () => number;

  /** `motionCap` is the host's cap on motion for its data rate (`CrmMetricElement.motionCap`). */
  constructor(host: ReactiveControllerHost, motionCap: () => number) {
    this.#motionCap = motionCap;
    host.addController(this);
  }

  /** `marks` are the geometry this render draws, by key in DOM order; `animate` says whether the data changed. */
  frame(marks: ReadonlyMap<string, G>, animate: boolean): MotionFrame<G> {
    const before = this.#shown;
    this.#shown = new Map(marks);
    // The first data a chart shows is drawn in place: nothing grows in.
    const moving = animate && before.size > 0;
    // New data that moves no mark by half a pixel or more (a live figure ticking up by 0.1 %) is
    // drawn in place too: a transition nobody can see would keep the page's frames busy for
    // `--_motion`, restyling, laying out and painting the marks in each of them. Not while marks
    // may still be moving to the data before (snapping would end their moves at once): data that
    // comes faster than every `UNCAPPED_GAP_MS` moves for the cap at most, slower data for the
    // theme's `--_motion`, which is not read here (a style read per render): no theme moves live
    // marks for `LONGEST_MOTION_MS`.
    const now = performance.now();
    const cap = this.#motionCap();
    const visible = moving && movesVisibly(before, marks);
    const invisible = moving && !visible && now - this.#movedAt >= (cap < UNCAPPED_GAP_MS ? cap : LONGEST_MOTION_MS);
    if (visible) this.#movedAt = now;
    return {
      snap: !animate || invisible,
      entering: (key) => moving && !before.has(key),
      before: (key) => (moving ? before.get(key) : undefined),
      reordered: moving && reordered([...before.keys()], [...marks.keys()]),
    };
  }

  hostDisconnected(): void {
    // A chart put back into the page draws its data in place.
    this.#shown = new Map();
  }
}

/** Longer than any theme's motion for live data (ms): see `ChartMotion.frame`. */
const LONGEST_MOTION_MS = 2000;

/** Less than this (px) in every coordinate of every mark is not a move anyone sees. */
const VISIBLE_PX = 0.5;

/** Whether going from `before` to `after` adds, removes or moves a mark by `VISIBLE_PX` or more. */
function movesVisibly<G>(before: ReadonlyMap<string, G>, after: ReadonlyMap<string, G>): boolean {
  if (before.size !== after.size) return true;
  for (const [key, geometry] of after) {
    const was = before.get(key) as Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(geometry as Record<string, unknown>)) {
      const old = was?.[name];
      // A number within VISIBLE_PX is no move; anything else (a new mark, a path) must be the same.
      if (!(typeof value === 'number' && typeof old === 'number' ? Math.abs(value - old) < VISIBLE_PX : value === old)) return true;
    }
  }
  return false;
}

/** Whether the keys that are in both lists come in another relative order. */
function reordered(before: readonly string[], after: readonly string[]): boolean {
  const kept = new Set(after);
  const was = new Set(before);
  const a = before.filter((key) => kept.has(key));
  const b = after.filter((key) => was.has(key));
  return a.some((key, i) => key !== b[i]);
}

/**
 * `items` in an order that never moves one item past another between renders (by key, in code
 * unit order), so that Lit's keyed `repeat` only inserts and removes nodes. A moved node would
 * lose its running transition and jump to its end.
 */
export function stableOrder<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
