/** An axis-aligned box in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label that wants a place, with the boxes it could take in order of preference. */
export interface LabelCandidate {
  id: string;
  /** Lower goes first: the labels a reader needs most are placed before the nice-to-have ones. */
  priority: number;
  /** Where it could go, best first (e.g. right of a bubble, then left of it, then a shorter text). */
  options: readonly Box[];
  /** The box each option must stay inside (a label column, the plot); defaults to the whole chart. */
  within?: Box;
}

const inside = (b: Box, outer: Box) =>
  b.x >= outer.x - 0.5 && b.y >= outer.y - 0.5 && b.x + b.width <= outer.x + outer.width + 0.5 && b.y + b.height <= outer.y + outer.height + 0.5;

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * Places labels so that none overlaps another or sticks out of its bounds: greedily, most important
 * first, each taking its first option that fits. A label with no fitting option is left out — a
 * small tile shows fewer labels, never overlapping or clipped ones. Returns the chosen option's
 * index per placed label id. `obstacles` are boxes no label may cover (e.g. a break-even caption).
 */
export function placeLabels(candidates: readonly LabelCandidate[], bounds: Box, gap = 2, obstacles: readonly Box[] = []): Map<string, number> {
  const placed: Box[] = [...obstacles];
  const chosen = new Map<string, number>();
  const order = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
  for (const { c } of order) {
    const within = c.within ?? bounds;
    const index = c.options.findIndex((box) => box.width > 0 && inside(box, within) && inside(box, bounds) && !placed.some((p) => overlaps(box, p, gap)));
    if (index < 0) continue;
    placed.push(c.options[index]!);
    chosen.set(c.id, index);
  }
  return chosen;
}
