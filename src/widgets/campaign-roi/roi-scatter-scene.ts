import { type RoiScatterLayout, type ScatterPoint, roiScatterLayout } from '../../metrics/roi-scatter-layout.js';
import type { PlacedText } from '../shared/chart-text.js';
import type { SceneMetrics } from '../shared/chart-text.js';
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
    // Beside the upper end of the diagonal, on the side with room.
    add('break-even', 1, [at('break-even', o.breakEven, b.x2 - 6, b.y2 + line, 'end', 'muted'), at('break-even', o.breakEven, b.x2 + 6, b.y2 + line / 2, 'start', 'muted'), at('break-even', o.breakEven, b.x2 - 6, b.y2 - line / 2, 'end', 'muted')]);
  }

  // Campaign names: right of the bubble, else left, above, below; bubbles are obstacles.
  const obstacles = layout.bubbles.filter((p): p is NonNullable<typeof p> => p !== null).map((p) => ({ x: p.cx - p.r, y: p.cy - p.r, width: 2 * p.r, height: 2 * p.r }));
  const byLeads = points.map((p, i) => ({ i, leads: p.leads ?? 0 })).sort((a, c) => c.leads - a.leads);
  byLeads.forEach(({ i }, rank) => {
    const p = layout.bubbles[i];
    const name = p && o.fit(o.names[i]!, Math.max(40, width * 0.4));
    if (!p || !name) return;
    const id = `name-${i}`;
    const w = measure(name, false);
    add(id, 10 + rank, [
      at(id, name, p.cx + p.r + 4, p.cy, 'start', 'name', w),
      at(id, name, p.cx - p.r - 4, p.cy, 'end', 'name', w),
      at(id, name, p.cx, p.cy - p.r - line / 2 - 1, 'middle', 'name', w),
      at(id, name, p.cx, p.cy + p.r + line / 2 + 1, 'middle', 'name', w),
    ]);
  });

  return { layout, labels: place(3, obstacles) };
}
