import { type RoiScatterLayout, type ScatterPoint, roiScatterLayout } from '../../metrics/roi-scatter-layout.js';
import type { PlacedText, SceneMetrics } from '../shared/chart-text.js';
import { labelSet } from './roi-labels.js';

export interface ScatterSceneOptions extends SceneMetrics {
  names: readonly string[];
  money: (value: number) => string;
  costTitle: string;
  revenueTitle: string;
  breakEven: string;
}

export interface ScatterScene {
  layout: RoiScatterLayout;
  labels: PlacedText[];
}

/**
 * Cost × revenue bubbles with money ticks on both axes, the axis titles, a caption on the
 * break-even diagonal and as many campaign names beside their bubbles as fit without covering
 * another bubble or label (biggest bubbles first).
 */
export function roiScatterScene(points: readonly ScatterPoint[], o: ScatterSceneOptions): ScatterScene {
  const { width, height, lineHeight: line, measure, money } = o;
  const frame = { width, height, bottom: line + 4, top: line + 4, right: 8 };
  // Ticks need the scale and the scale needs room for ticks: lay out once, measure, lay out again.
  const first = roiScatterLayout(points, { ...frame, left: 40 });
  const yLabelWidth = Math.max(0, ...first.yTicks.map((t) => measure(money(t.value), false))) + 8;
  const xLabelWidth = Math.max(0, ...first.xTicks.map((t) => measure(money(t.value), false))) + 24;
  const plotWidth = width - yLabelWidth - 8;
  const layout = roiScatterLayout(points, {
    ...frame,
    left: yLabelWidth,
    xTicks: Math.max(2, Math.floor(plotWidth / xLabelWidth)),
    yTicks: Math.max(2, Math.floor((height - 2 * line) / (line * 2))),
  });

  const { at, add, place } = labelSet(o);

  add('title-y', 0, [at('title-y', `↑ ${o.revenueTitle}`, 1, line / 2, 'start', 'muted')]);
  add('title-x', 0, [at('title-x', `${o.costTitle} →`, width - 1, height - line / 2, 'end', 'muted')]);
  for (const t of layout.yTicks) add(`y-${t.value}`, 2, [at(`y-${t.value}`, money(t.value), yLabelWidth - 6, t.y, 'end', 'tick muted')]);
  for (const t of layout.xTicks) {
    // Centred on its tick, but pulled inside the chart at the right end.
    const text = money(t.value);
    const w = measure(text, false);
    add(`x-${t.value}`, 2, [at(`x-${t.value}`, text, Math.min(t.x - w / 2, width - w - 1), height - line / 2, 'start', 'tick muted', w)]);
  }
  const b = layout.breakEven;
  if (b) {
    // At the upper end of the diagonal, clear of the line: above its end (the line runs down to the
    // left from there), else right of it, else below it on the right.
    const caption = (x: number, y: number, anchor: PlacedText['anchor']) => at('break-even', o.breakEven, x, y, anchor, 'muted');
    add('break-even', 1, [caption(b.x2, b.y2 - line / 2 - 5, 'end'), caption(b.x2 + 6, b.y2, 'start'), caption(b.x2 + 6, b.y2 + line, 'start')]);
  }

  // Campaign names: right of the bubble, else left, above, below, above or below reaching right.
  // Bubbles are obstacles, and so is the break-even diagonal (as points a few pixels apart, which
  // the placement gap joins up): a name across the line would hide on which side of it its
  // campaign is.
  const obstacles = layout.bubbles.filter((p): p is NonNullable<typeof p> => p !== null).map((p) => ({ x: p.cx - p.r, y: p.cy - p.r, width: 2 * p.r, height: 2 * p.r }));
  if (b) {
    const steps = Math.ceil(Math.hypot(b.x2 - b.x1, b.y2 - b.y1) / 4);
    for (let k = 0; k <= steps; k++) obstacles.push({ x: b.x1 + ((b.x2 - b.x1) * k) / steps, y: b.y1 + ((b.y2 - b.y1) * k) / steps, width: 0, height: 0 });
  }
  const byLeads = points.map((p, i) => ({ i, leads: p.leads ?? 0 })).sort((a, c) => c.leads - a.leads);
  byLeads.forEach(({ i }, rank) => {
    const p = layout.bubbles[i];
    const name = p && o.fit(o.names[i]!, Math.max(40, width * 0.4));
    if (!p || !name) return;
    const id = `name-${i}`;
    const w = measure(name, false);
    // Above or below a bubble with more room than the placement gap (3), which its own box counts too.
    const above = p.cy - p.r - line / 2 - 4;
    const below = p.cy + p.r + line / 2 + 4;
    add(id, 10 + rank, [
      at(id, name, p.cx + p.r + 4, p.cy, 'start', 'name', w),
      at(id, name, p.cx - p.r - 4, p.cy, 'end', 'name', w),
      at(id, name, p.cx, above, 'middle', 'name', w),
      at(id, name, p.cx, below, 'middle', 'name', w),
      // Above or below, reaching right: room beside a neighbour on the left (or the axis).
      at(id, name, p.cx, above, 'start', 'name', w),
      at(id, name, p.cx, below, 'start', 'name', w),
    ]);
  });

  return { layout, labels: place(3, obstacles) };
}
