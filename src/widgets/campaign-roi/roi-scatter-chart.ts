import { svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Bubble } from '../../metrics/roi-scatter-layout.js';
import { type ChartMotion, stableOrder } from '../shared/chart-motion.js';
import { type ChartContext, type ChartParts, type MovingText, fixedTexts, mark, tipAt, verticalGrid } from './roi-charts.js';
import { type ScatterScene, roiScatterScene } from './roi-scatter-scene.js';

/*
 * The scatter view, in a module of its own: it is loaded the first time an element shows
 * `view="scatter"`, so a page of ROI bars never downloads the bubbles' layout.
 */

/** The scatter's labels and layout for the current campaigns, view and size. */
export function scatterScene(ctx: ChartContext): ScatterScene {
  const m = ctx.messages;
  return roiScatterScene(ctx.campaigns, {
    ...ctx,
    names: ctx.view.campaigns.map((c) => c.name),
    money: ctx.view.axisMoney,
    costTitle: m.cost,
    revenueTitle: m.revenue,
    breakEven: m.breakEven,
  });
}

/**
 * Cost × revenue bubbles; the largest are drawn first so small ones stay visible on top. When the
 * sizes change that order, the bubbles Lit moves start again from where they were on screen.
 */
export function renderScatter(ctx: ChartContext, scene: ScatterScene, motion: ChartMotion<Bubble>): ChartParts {
  const { campaigns } = ctx;
  const { layout } = scene;
  const placed = campaigns.map((c, i) => ({ c, i, b: layout.bubbles[i]! })).filter((p) => p.b);
  const keys = placed.map((p) => p.c.key);
  const drawOrder = [...placed].sort((a, b) => b.b.r - a.b.r);
  const frame = motion.frame(new Map(drawOrder.map((p) => [p.c.key, p.b])), ctx.animate);
  const { plot } = layout;
  const d = layout.breakEven;
  // The tooltip points at the top of the bubble.
  const tipped = placed.find((p) => p.c.key === ctx.tipKey);
  const tip = tipped ? tipAt(ctx, tipped.i, tipped.b.cx, tipped.b.cy - tipped.b.r) : null;
  const from = (key: string) => {
    const g = frame.reordered ? ctx.bubbleOnScreen(key) : null;
    return g ? { '--_from-cx': `${g.cx}px`, '--_from-cy': `${g.cy}px`, '--_from-r': `${g.r}px` } : {};
  };
  // Names glide with their bubbles; they keep one DOM order (by campaign).
  const names = new Map(placed.map((p) => [`name-${p.i}`, p]));
  const texts = stableOrder(
    scene.labels.filter((l) => names.has(l.id)),
    (l) => names.get(l.id)!.c.key,
  ).map((l): MovingText => {
    const { c, b } = names.get(l.id)!;
    const old = frame.before(c.key);
    // A name is drawn anew when it changes sides of its bubble (or its anchor); it starts beside the
    // bubble as it was.
    const key = `${c.key}|${Math.sign(Math.round(l.x - b.cx))}|${Math.sign(Math.round(l.y - b.cy))}|${l.anchor}`;
    return { ...l, key, from: old ? { x: l.x + old.cx - b.cx, y: l.y + old.cy - b.cy } : { x: l.x, y: l.y } };
  });
  const content = svg`
    <g class="grid" aria-hidden="true">
      ${verticalGrid(layout.xTicks, plot)}
      ${layout.yTicks.map((t) => svg`<line class="grid-line" x1=${plot.x} x2=${plot.x + plot.width} y1=${t.y} y2=${t.y}></line>`)}
      <line class="axis-line" x1=${plot.x} x2=${plot.x + plot.width} y1=${plot.y + plot.height} y2=${plot.y + plot.height}></line>
      <line class="axis-line" x1=${plot.x} x2=${plot.x} y1=${plot.y} y2=${plot.y + plot.height}></line>
    </g>
    ${d ? svg`<line class="diagonal" x1=${d.x1} y1=${d.y1} x2=${d.x2} y2=${d.y2} aria-hidden="true"></line>` : ''}
    <g class="leaders" aria-hidden="true">${scene.leaders.map((l) => svg`<line class="leader" data-leader=${l.id} x1=${l.x1} y1=${l.y1} x2=${l.x2} y2=${l.y2}></line>`)}</g>
    ${repeat(drawOrder, (p) => p.c.key, ({ c, i, b }) => {
      const style = from(c.key);
      const shapes = svg`<circle class="hit moves" cx=${b.cx} cy=${b.cy} r=${b.r + 4}></circle>
        <circle class="dot moves" cx=${b.cx} cy=${b.cy} r=${Math.max(0, b.r)}></circle>`;
      return mark(ctx, i, keys, shapes, { enter: frame.entering(c.key), from: '--_from-cx' in style }, style);
    })}`;
  return { content, texts: [...texts, ...fixedTexts(scene.labels.filter((l) => !names.has(l.id)))], keys, tip, snap: frame.snap };
}
