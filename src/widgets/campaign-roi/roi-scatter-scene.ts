import type { Box } from '../../metrics/label-layout.js';
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

/** A line from a bubble's edge to its name, where the name had to sit away from it. */
export interface Leader {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ScatterScene {
  layout: RoiScatterLayout;
  /** Axis texts, the break-even caption, the names, the numbers and the legend. */
  labels: PlacedText[];
  leaders: Leader[];
  /** Campaign index → the number that names its bubble (and its line in the legend below the chart). */
  numbers: Map<number, number>;
}

const LEGEND_GAP = 12;

/**
 * Cost × revenue bubbles with money ticks on both axes, the axis titles and a caption on the
 * break-even diagonal, turned along it. Every bubble is named: by its name beside it (biggest
 * bubbles first), else a little further away with a leader line, else by a number beside it whose
 * name is in a legend under the chart (the plot gives up the legend's lines). Names and numbers
 * never cover a bubble, another label or the diagonal.
 */
export function roiScatterScene(points: readonly ScatterPoint[], o: ScatterSceneOptions): ScatterScene {
  let legendLines = 0;
  let scene = attempt(points, o, 0);
  // The legend takes lines from the plot, which moves the bubbles: place again until it holds them all.
  for (let round = 0; round < 3 && scene.unnamed.length; round++) {
    const lines = legendLayout(scene.unnamed, o).lines;
    if (lines <= legendLines) break;
    legendLines = lines;
    scene = attempt(points, o, legendLines);
  }
  return scene.result;
}

/**
 * The legend's items ("1 Spring webinar series"): in a row across the chart, wrapping, or in equal
 * columns — whichever takes the fewest lines with every name whole, else the fewest lines with names
 * shortened to fit. It may take two fifths of the chart; in a tile too small even for that, the
 * items that fit.
 */
function legendLayout(unnamed: readonly number[], o: ScatterSceneOptions) {
  const { width, measure } = o;
  const maxLines = Math.max(1, Math.floor((o.height * 0.4) / o.lineHeight));
  type Item = { i: number; n: number; x: number; row: number; name: string; numberWidth: number };
  const numberWidth = (n: number) => measure(String(n), true) + 4;
  const flow = (): Item[] => {
    let x = 1;
    let row = 0;
    return unnamed.map((i, k) => {
      const n = k + 1;
      const nw = numberWidth(n);
      const name = o.fit(o.names[i]!, width - nw - 2) ?? '';
      const w = nw + measure(name, false);
      if (x > 1 && x + w > width - 1) {
        x = 1;
        row++;
      }
      const item = { i, n, x, row, name, numberWidth: nw };
      x += w + LEGEND_GAP;
      return item;
    });
  };
  const grid = (columns: number): Item[] => {
    const column = (width - 2 - (columns - 1) * LEGEND_GAP) / columns;
    return unnamed.map((i, k) => {
      const n = k + 1;
      const nw = numberWidth(n);
      return { i, n, x: 1 + (k % columns) * (column + LEGEND_GAP), row: Math.floor(k / columns), name: o.fit(o.names[i]!, column - nw) ?? '', numberWidth: nw };
    });
  };
  // The fewest lines in which every name is written whole, else the fewest lines.
  const lines = (list: Item[]) => (list.at(-1)?.row ?? -1) + 1;
  const whole = (list: Item[]) => list.every((item) => item.name === o.names[item.i]);
  const layouts = [flow(), grid(2), grid(3), grid(4)];
  const pick = (list: Item[][]) => list.reduce((best, l) => (lines(l) < lines(best) ? l : best));
  const wholeLayouts = layouts.filter(whole);
  let items = wholeLayouts.length ? pick(wholeLayouts) : pick(layouts);
  if (lines(items) > maxLines && !whole(items)) items = pick(layouts);
  items = items.filter((item) => item.row < maxLines);
  return { items, lines: items.length ? items.at(-1)!.row + 1 : 0 };
}

function attempt(points: readonly ScatterPoint[], o: ScatterSceneOptions, legendLines: number) {
  const { width, height, lineHeight: line, measure, money } = o;
  const legendHeight = legendLines ? legendLines * line + 4 : 0;
  const frame = { width, height, bottom: line + 4 + legendHeight, top: line + 4, right: 8 };
  const axisY = height - legendHeight - line / 2;
  // Ticks need the scale and the scale needs room for ticks: lay out once, measure, lay out again.
  const first = roiScatterLayout(points, { ...frame, left: 40 });
  const yLabelWidth = Math.max(0, ...first.yTicks.map((t) => measure(money(t.value), false))) + 8;
  const xLabelWidth = Math.max(0, ...first.xTicks.map((t) => measure(money(t.value), false))) + 24;
  const plotWidth = width - yLabelWidth - 8;
  const layout = roiScatterLayout(points, {
    ...frame,
    left: yLabelWidth,
    xTicks: Math.max(2, Math.floor(plotWidth / xLabelWidth)),
    yTicks: Math.max(2, Math.floor((height - legendHeight - 2 * line) / (line * 2))),
  });

  const set = labelSet(o);
  const { at, add } = set;
  add('title-y', 0, [at('title-y', `↑ ${o.revenueTitle}`, 1, line / 2, 'start', 'muted')]);
  add('title-x', 0, [at('title-x', `${o.costTitle} →`, width - 1, axisY, 'end', 'muted')]);
  for (const t of layout.yTicks) add(`y-${t.value}`, 2, [at(`y-${t.value}`, money(t.value), yLabelWidth - 6, t.y, 'end', 'tick muted')]);
  for (const t of layout.xTicks) {
    // Centred on its tick, but pulled inside the chart at the right end.
    const text = money(t.value);
    const w = measure(text, false);
    add(`x-${t.value}`, 2, [at(`x-${t.value}`, text, Math.min(t.x - w / 2, width - w - 1), axisY, 'start', 'tick muted', w)]);
  }

  const bubbles = layout.bubbles.filter((p): p is NonNullable<typeof p> => p !== null).map((p) => ({ x: p.cx - p.r, y: p.cy - p.r, width: 2 * p.r, height: 2 * p.r }));
  // The legend's lines are its own.
  const obstacles: Box[] = [...bubbles, ...(legendHeight ? [{ x: 0, y: height - legendHeight + 4, width, height: legendHeight - 4 }] : [])];
  const fixed: PlacedText[] = [];
  const b = layout.breakEven;
  if (b) {
    // The caption sits on the diagonal, turned along it, where it covers no bubble: its box for the
    // others is the upright box around the turned text.
    const angle = Math.atan2(b.y2 - b.y1, b.x2 - b.x1);
    const w = measure(o.breakEven, false) + 6;
    const boxW = w * Math.abs(Math.cos(angle)) + line * Math.abs(Math.sin(angle));
    const boxH = w * Math.abs(Math.sin(angle)) + line * Math.abs(Math.cos(angle));
    const plot = layout.plot;
    for (const t of [0.78, 0.66, 0.54, 0.9, 0.42, 0.3, 0.18, 0.08]) {
      const x = b.x1 + (b.x2 - b.x1) * t;
      const y = b.y1 + (b.y2 - b.y1) * t;
      const box = { x: x - boxW / 2, y: y - boxH / 2, width: boxW, height: boxH };
      const inPlot = box.x >= plot.x && box.y >= plot.y - line && box.x + box.width <= width - 1 && box.y + box.height <= plot.y + plot.height;
      if (!inPlot || bubbles.some((q) => overlaps(box, q, 2))) continue;
      fixed.push({ id: 'break-even', x, y, text: o.breakEven, anchor: 'middle', cls: 'muted on-line', angle: (angle * 180) / Math.PI });
      obstacles.push(box);
      break;
    }
    // Names stay off the diagonal (as points a few pixels apart, which the placement gap joins up): a
    // name across the line would hide on which side of it its campaign is.
    const steps = Math.ceil(Math.hypot(b.x2 - b.x1, b.y2 - b.y1) / 4);
    for (let k = 0; k <= steps; k++) obstacles.push({ x: b.x1 + ((b.x2 - b.x1) * k) / steps, y: b.y1 + ((b.y2 - b.y1) * k) / steps, width: 0, height: 0 });
  }

  // Campaign names, biggest bubbles first: beside the bubble (right, left, above, below, reaching
  // right), else further out with a leader line.
  const byLeads = points.map((p, i) => ({ i, leads: p.leads ?? 0 })).sort((a, c) => c.leads - a.leads);
  const leaderEnds = new Map<string, Array<{ x: number; y: number } | null>>();
  byLeads.forEach(({ i }, rank) => {
    const p = layout.bubbles[i];
    const name = p && o.fit(o.names[i]!, Math.max(40, width * 0.4));
    if (!p || !name) return;
    const id = `name-${i}`;
    const w = measure(name, false);
    const above = p.cy - p.r - line / 2 - 4;
    const below = p.cy + p.r + line / 2 + 4;
    const near = [
      at(id, name, p.cx + p.r + 4, p.cy, 'start', 'name', w),
      at(id, name, p.cx - p.r - 4, p.cy, 'end', 'name', w),
      at(id, name, p.cx, above, 'middle', 'name', w),
      at(id, name, p.cx, below, 'middle', 'name', w),
      at(id, name, p.cx, above, 'start', 'name', w),
      at(id, name, p.cx, below, 'start', 'name', w),
    ];
    // Further out, diagonally or straight up or down, joined to the bubble by a leader line.
    const out = [1.2, 2.4].flatMap((reach) => {
      const far = p.r + line * reach;
      const d = far / Math.SQRT2;
      return [
        at(id, name, p.cx + d + 2, p.cy - d - line / 2, 'start', 'name', w),
        at(id, name, p.cx + d + 2, p.cy + d + line / 2, 'start', 'name', w),
        at(id, name, p.cx - d - 2, p.cy - d - line / 2, 'end', 'name', w),
        at(id, name, p.cx - d - 2, p.cy + d + line / 2, 'end', 'name', w),
        at(id, name, p.cx, p.cy - far - line / 2, 'middle', 'name', w),
        at(id, name, p.cx, p.cy + far + line / 2, 'middle', 'name', w),
        at(id, name, p.cx + far + 2, p.cy, 'start', 'name', w),
        at(id, name, p.cx - far - 2, p.cy, 'end', 'name', w),
      ];
    });
    leaderEnds.set(id, [...near.map(() => null), ...out.map((option) => nearestPoint(option.box, p.cx, p.cy))]);
    add(id, 10 + rank, [...near, ...out]);
  });

  const placed = set.place(3, obstacles);
  const named = new Set(placed.map((l) => l.id));
  const unnamed = byLeads.map(({ i }) => i).filter((i) => layout.bubbles[i] && !named.has(`name-${i}`));
  const leaders: Leader[] = [];
  for (const l of placed) {
    const ends = leaderEnds.get(l.id);
    if (!ends) continue;
    const i = Number(l.id.slice(5));
    const p = layout.bubbles[i]!;
    const end = ends[set.chosen(l.id) ?? 0];
    if (!end) continue;
    const len = Math.hypot(end.x - p.cx, end.y - p.cy);
    leaders.push({ id: l.id, x1: p.cx + ((end.x - p.cx) * p.r) / len, y1: p.cy + ((end.y - p.cy) * p.r) / len, x2: end.x, y2: end.y });
  }

  // Bubbles whose name found no room get a number beside them, and their name in the legend.
  const numbers = new Map<number, number>();
  const legend = legendLayout(unnamed, o);
  const taken = [...obstacles, ...placed.map((l) => boxOf(l, line, measure))];
  const numberTexts: PlacedText[] = [];
  for (const item of legend.items) {
    const p = layout.bubbles[item.i]!;
    if (!item.name) continue;
    const text = String(item.n);
    const w = measure(text, true);
    // Beside the bubble, then further out all round (joined to it by a leader line from the third ring).
    const options: Array<[number, number]> = [0, 1, 2, 3, 4].flatMap((k) => {
      const reach = p.r + 2 + k * line * 0.7;
      const d = reach / Math.SQRT2;
      return [
        [p.cx + reach + w / 2, p.cy],
        [p.cx - reach - w / 2, p.cy],
        [p.cx, p.cy - reach - line / 2],
        [p.cx, p.cy + reach + line / 2],
        [p.cx + d + w / 2, p.cy - d - line / 2 + 2],
        [p.cx - d - w / 2, p.cy - d - line / 2 + 2],
        [p.cx + d + w / 2, p.cy + d + line / 2 - 2],
        [p.cx - d - w / 2, p.cy + d + line / 2 - 2],
      ] as Array<[number, number]>;
    });
    const own = { x: p.cx - p.r, y: p.cy - p.r, width: 2 * p.r, height: 2 * p.r };
    const spot = options.find(([x, y]) => {
      const box = { x: x - w / 2, y: y - line / 2, width: w, height: line };
      return box.x >= 0 && box.y >= 0 && box.x + w <= width && box.y + line <= height - legendHeight && !taken.some((q) => q !== own && overlaps(box, q, 1));
    });
    // A crowded spot: the number goes on its bubble, in the surface colour, if it fits there.
    const inside = !spot && 2 * p.r >= Math.max(w, line * 0.8);
    if (!spot && !inside) continue;
    const [x, y, cls] = spot ? [...spot, 'number strong'] : [p.cx, p.cy, 'number strong inside'];
    numberTexts.push({ id: `number-${item.i}`, x, y, text, anchor: 'middle', cls });
    const far = spot && options.indexOf(spot) >= 16;
    if (far) {
      const end = nearestPoint({ x: x - w / 2, y: y - line / 2, width: w, height: line }, p.cx, p.cy);
      const len = Math.hypot(end.x - p.cx, end.y - p.cy);
      leaders.push({ id: `number-${item.i}`, x1: p.cx + ((end.x - p.cx) * p.r) / len, y1: p.cy + ((end.y - p.cy) * p.r) / len, x2: end.x, y2: end.y });
    }
    taken.push({ x: x - w / 2, y: y - line / 2, width: w, height: line });
    numbers.set(item.i, item.n);
  }
  const legendTop = height - legendHeight + 4;
  const legendTexts = legend.items.filter((item) => numbers.has(item.i)).flatMap((item): PlacedText[] => {
    const y = legendTop + item.row * line + line / 2;
    return [
      { id: `legend-number-${item.i}`, x: item.x, y, text: String(item.n), anchor: 'start', cls: 'legend strong' },
      { id: `legend-name-${item.i}`, x: item.x + item.numberWidth, y, text: item.name, anchor: 'start', cls: 'legend' },
    ];
  });
  // A legend that no longer fits the lines kept for it waits for the next round.
  const fits = legend.lines <= legendLines;
  return {
    unnamed,
    result: { layout, labels: [...fixed, ...placed, ...(fits ? numberTexts : []), ...(fits ? legendTexts : [])], leaders, numbers: fits ? numbers : new Map<number, number>() },
  };
}

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/** The point of `box` nearest to (x, y): where a leader line meets its label. */
function nearestPoint(box: Box, x: number, y: number) {
  return { x: Math.min(Math.max(x, box.x), box.x + box.width), y: Math.min(Math.max(y, box.y), box.y + box.height) };
}

/** The box a placed text covers. */
function boxOf(t: PlacedText, line: number, measure: SceneMetrics['measure']): Box {
  const w = measure(t.text, t.cls.includes('strong'));
  const x = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
  return { x, y: t.y - line / 2, width: w, height: line };
}
