import { type SVGTemplateResult, html, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Box } from '../../metrics/label-layout.js';
import type { CampaignFigures } from '../../metrics/roi.js';
import type { PlacedText } from '../shared/chart-text.js';
import type { RoiMessages } from './roi-messages.js';
import { type ChartMotion, stableOrder } from '../shared/chart-motion.js';
import type { ChartTip } from '../shared/chart-tooltip.js';
import type { SceneMetrics } from '../shared/chart-text.js';
import { inlineStyle } from '../shared/inline-style.js';
import { type BarsScene, roiBarsScene } from './roi-bars-scene.js';
import type { MetricColumn, RoiView } from './roi-view.js';

/** A bubble as it is on screen. */
export interface BubbleGeometry {
  cx: number;
  cy: number;
  r: number;
}

/** What both chart views need from the element. */
export interface ChartContext extends SceneMetrics {
  /** In display order (sorted, limited, with the "others" roll-up). */
  campaigns: readonly CampaignFigures[];
  view: RoiView;
  messages: RoiMessages;
  role: 'button' | 'link';
  tipKey: string | null;
  tabIndex: (key: string, keys: readonly string[]) => 0 | -1;
  /** New data arrived: move to it (a resize snaps). */
  animate: boolean;
  /** Where a campaign's bubble is on screen now (read only when the paint order changes). */
  bubbleOnScreen: (key: string) => BubbleGeometry | null;
}

export interface ChartParts {
  content: SVGTemplateResult;
  /** The chart's texts, drawn over it (`movingTexts`). */
  texts: MovingText[];
  /** The marks in keyboard order. */
  keys: string[];
  tip: ChartTip | null;
  /** Draw at once, without motion (class `snap` on the `<svg>` and on the texts over it). */
  snap: boolean;
}

/** A text on the chart: where it is headed (`x`, `y`), keyed for its DOM place. */
export interface MovingText extends PlacedText {
  /** Stays the same while the text is the same text of the same mark; a new key draws it anew. */
  key: string;
  /** Where a text drawn anew starts (its `@starting-style`): where its mark was. */
  from?: { x: number; y: number };
}

/**
 * The chart's texts, as HTML over the plot, placed by `left` and `top` (set from `--_x` and `--_y`
 * by the stylesheet, so that a new text's `@starting-style` is not outranked by an inline
 * position), which the browser transitions: labels ride with their marks, ticks and captions glide
 * with the scale. In SVG a text moves only by a transform, and a transform that changes in every
 * frame makes Chromium re-layer the whole page in every frame; moving a box inside the contained
 * plot costs a small layout of the plot alone. The texts keep one DOM order (callers pass them in a
 * stable order), since a node that Lit moves loses its running transition.
 */
export const movingTexts = (texts: readonly MovingText[], snap: boolean) =>
  html`<div class=${snap ? 'texts snap' : 'texts'} aria-hidden="true">${repeat(
    texts,
    (t) => t.key,
    (t) =>
      html`<span class=${`${t.anchor} ${t.cls}${t.from ? ' from' : ''}`} data-label=${t.id} ${inlineStyle({
        '--_x': `${t.x}px`,
        '--_y': `${t.y}px`,
        '--_from-x': t.from && `${t.from.x}px`,
        '--_from-y': t.from && `${t.from.y}px`,
        '--_angle': t.angle ? `${t.angle}deg` : undefined,
      })}>${t.text}</span>`,
  )}</div>`;

/**
 * Texts that belong to no mark (ticks, captions, headers), by id in a stable DOM order. A text that
 * changes its anchor is drawn anew rather than sliding by half its width.
 */
export const fixedTexts = (labels: readonly PlacedText[]): MovingText[] =>
  stableOrder(
    labels.map((l) => ({ ...l, key: `${l.id}|${l.anchor}` })),
    (t) => t.key,
  );

/** The break-even line's width: a rect rather than a line, so that it glides by its `x` like the bars beside it. */
const BREAK_EVEN = 1.5;

/**
 * The names whose flag is true, as one `class` value. Lit's classMap would do the same, but this
 * entry would then carry the directive for three attributes whose classes only this template sets.
 */
export const classList = (flags: Record<string, boolean>) => Object.keys(flags).filter((name) => flags[name]).join(' ');

/**
 * Campaign `i`'s mark, the same in both views: the focusable group that carries its key, role and
 * accessible name (what a screen reader says and what drill-down finds), around its `shapes`.
 */
export function mark(ctx: ChartContext, i: number, keys: readonly string[], shapes: SVGTemplateResult, flags: Record<string, boolean> = {}, style = {}) {
  const c = ctx.campaigns[i]!;
  const t = ctx.view.campaigns[i]!;
  const cls = classList({ mark: true, [t.tone]: true, others: c.others > 0, active: c.key === ctx.tipKey, ...flags });
  return svg`<g class=${cls} data-key=${c.key} role=${ctx.role} tabindex=${ctx.tabIndex(c.key, keys)} aria-label=${t.ariaLabel} ${inlineStyle(style)}>${shapes}</g>`;
}

/** Campaign `i`'s tooltip at a point of its mark. */
export const tipAt = (ctx: ChartContext, i: number, x: number, y: number): ChartTip => ({
  key: ctx.campaigns[i]!.key,
  x,
  y,
  title: ctx.view.campaigns[i]!.name,
  lines: ctx.view.campaigns[i]!.tip,
});

/** Grid lines across the plot at each tick of the horizontal axis. */
export const verticalGrid = (ticks: ReadonlyArray<{ x: number }>, plot: Box) =>
  ticks.map((t) => svg`<line class="grid-line" x1=${t.x} x2=${t.x} y1=${plot.y} y2=${plot.y + plot.height}></line>`);

/** The bars' labels and layout for the current campaigns, view and size. */
export function barsScene(ctx: ChartContext, columns: readonly MetricColumn[]): BarsScene {
  const m = ctx.messages;
  return roiBarsScene(
    ctx.campaigns.map((c) => c.roi),
    ctx.view.campaigns,
    { ...ctx, columns: columns.map((key) => ({ key, header: m.short[key] })), breakEven: m.breakEven, tick: ctx.view.axisRoi, moreColumns: m.moreColumns },
  );
}

/**
 * ROI bars: a row per campaign that slides to its new rank when the order changes. The focusable
 * marks (hit areas, in rank order for keyboard and screen reader) are drawn under the rows that
 * show the bars; rows and their texts keep one DOM order, so that a change of rank moves a bar by
 * its `y` and its texts by their `top`, and never moves a node.
 */
export function renderBars(ctx: ChartContext, scene: BarsScene, motion: ChartMotion<Box>): ChartParts {
  const { width, campaigns, view } = ctx;
  const { layout } = scene;
  const keys = campaigns.map((c) => c.key);
  const frame = motion.frame(new Map(keys.map((key, i) => [key, layout.bars[i]!])), ctx.animate);
  const { plot } = layout;
  // The tooltip points at the end of the bar: the right end of a gain, the left end of a loss.
  const tipIndex = ctx.tipKey === null ? -1 : keys.indexOf(ctx.tipKey);
  const tipBar = layout.bars[tipIndex];
  const tipBand = layout.bands[tipIndex];
  const tip =
    tipBar && tipBand
      ? tipAt(ctx, tipIndex, (campaigns[tipIndex]!.roi ?? 0) < 0 ? tipBar.x : tipBar.x + tipBar.width, tipBand.y + tipBand.height / 2)
      : null;
  const rows = stableOrder(
    campaigns.map((c, i) => ({ c, i })),
    (r) => r.c.key,
  );
  const texts: MovingText[] = [];
  for (const { c, i } of rows) {
    const loss = (c.roi ?? 0) < 0;
    // The ROI label rides on the bar's end: the right end of a gain, the left end of a loss. When
    // it changes ends (or the row is new), it is drawn anew from that end of the bar as it was
    // (or from the break-even line, out of which a new bar grows).
    const old = frame.before(c.key);
    for (const l of scene.rows[i]!) {
      const kind = l.id.slice(0, l.id.lastIndexOf('-'));
      if (kind !== 'roi') {
        texts.push({ ...l, key: `${c.key}|${kind}` });
        continue;
      }
      const edge = old ? (loss ? old.x - 4 : old.x + old.width + 4) : loss ? layout.zeroX - 4 : layout.zeroX + 4;
      const x = frame.snap || (!frame.entering(c.key) && !old) ? l.x : edge;
      texts.push({ ...l, key: `${c.key}|roi|${loss}`, from: { x, y: old ? old.y + old.height / 2 : l.y } });
    }
  }
  const content = svg`
    <g class="grid" aria-hidden="true">${verticalGrid(layout.ticks, plot)}</g>
    ${repeat(campaigns, (c) => c.key, (_, i) => {
      const band = layout.bands[i]!;
      return mark(ctx, i, keys, svg`<rect class="hit" x="0" y=${band.y} width=${width} height=${band.height} rx="4"></rect>`);
    })}
    <g class="rows" aria-hidden="true">${repeat(rows, (r) => r.c.key, ({ c, i }) => {
      const bar = layout.bars[i]!;
      const tone = view.campaigns[i]!.tone;
      const rowClass = `row ${tone}${c.others > 0 ? ' others' : ''}${frame.entering(c.key) ? ' enter' : ''}`;
      return svg`<g class=${rowClass} data-row=${c.key}><rect class="bar moves" x=${bar.x} y=${bar.y} width=${bar.width} height=${bar.height} rx="2"></rect></g>`;
    })}</g>
    <rect class="break-even moves" x=${layout.zeroX - BREAK_EVEN / 2} width=${BREAK_EVEN} y=${plot.y - 2} height=${plot.height + 2} aria-hidden="true"></rect>`;
  return { content, texts: [...texts, ...fixedTexts(scene.fixed)], keys, tip, snap: frame.snap };
}
