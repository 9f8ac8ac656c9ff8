import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What one render of a chart needs to know about motion. */
export interface MotionFrame {
  /** The size or settings changed, not the data: draw the new geometry at once (class `snap` on the `<svg>`). */
  snap: boolean;
  /** A mark that was not on the chart before this data arrived: it grows in (class `enter`). */
  entering(key: string): boolean;
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
 * and which marks are new, whose `@starting-style` gives them their first geometry.
 */
export class ChartMotion implements ReactiveController {
  private shown = new Set<string>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** `keys` are the marks this render draws, in DOM order; `animate` says whether the data changed. */
  frame(keys: Iterable<string>, animate: boolean): MotionFrame {
    const before = this.shown;
    this.shown = new Set(keys);
    // The first data a chart shows is drawn in place: nothing grows in.
    const growing = animate && before.size > 0;
    return { snap: !animate, entering: (key) => growing && !before.has(key), reordered: animate && reordered(before, this.shown) };
  }

  hostDisconnected(): void {
    // A chart put back into the page draws its data in place.
    this.shown = new Set();
  }
}

/** Whether the keys in both sets come in another relative order (sets keep insertion order). */
function reordered(before: ReadonlySet<string>, after: ReadonlySet<string>): boolean {
  const a = [...before].filter((key) => after.has(key));
  const b = [...after].filter((key) => before.has(key));
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
