import { type SVGTemplateResult, svg } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CampaignFigures } from '../../metrics/roi.js';
import type { PlacedText } from '../funnel/funnel-scene.js';
import type { ChartMessages } from '../shared/chart-messages.js';
import type { ChartTip } from '../shared/chart-tooltip.js';
import type { ChartTween } from '../shared/chart-tween.js';
import { roiBarsScene } from './roi-bars-scene.js';
import { roiScatterScene } from './roi-scatter-scene.js';
import type { MetricColumn, RoiView } from './roi-view.js';

/** What moves when the data changes: a row's position and its bar's extent. */
export interface BarGeometry {
  y: number;
  bx: number;
  bw: number;
}

export interface BubbleGeometry {
  cx: number;
  cy: number;
  r: number;
}

/** What both chart views need from the element. */
export interface ChartContext {
  width: number;
  height: number;
  /** In display order (sorted, limited, with the "others" roll-up). */
  campaigns: readonly CampaignFigures[];
  view: RoiView;
  messages: ChartMessages;
  lineHeight: number;
  measure: (text: string, bold: boolean) => number;
  fit: (text: string, width: number) => string | null;
  role: 'button' | 'link';
  tipKey: string | null;
  tabIndex: (key: string, keys: readonly string[]) => 0 | -1;
  /** New data arrived: tween to it (a resize snaps). */
  animate: boolean;
}

export interface ChartParts {
  content: SVGTemplateResult;
  /** The marks in keyboard order. */
  keys: string[];
  tip: ChartTip | null;
}

/** The break-even line's key among the bars' geometry (campaign keys never start with U+0000). */
const ZERO = '\u0000zero';

const text = (l: PlacedText) => svg`<text class=${l.cls} data-label=${l.id} x=${l.x} y=${l.y} text-anchor=${l.anchor}>${l.text}</text>`;

const markClass = (c: CampaignFigures, tone: string, active: boolean) => classMap({ mark: true, [tone]: true, others: c.others > 0, active });

/**
 * ROI bars: a row per campaign that moves to its new rank when the order changes. A row's labels
 * move with it but live outside the focusable mark, whose accessible name says it all.
 */
export function renderBars(ctx: ChartContext, tween: ChartTween<BarGeometry>, columns: readonly MetricColumn[]): ChartParts {
  const { width, height, campaigns, view, messages: m } = ctx;
  const scene = roiBarsScene(
    campaigns.map((c) => c.roi),
    view.campaigns,
    {
      width,
      height,
      lineHeight: ctx.lineHeight,
      measure: ctx.measure,
      fit: ctx.fit,
      columns: columns.map((key) => ({ key, header: m.short[key] })),
      breakEven: m.breakEven,
      tick: view.axisRoi,
    },
  );
  const { layout } = scene;
  const keys = campaigns.map((c) => c.key);
  const target = new Map(keys.map((key, i) => [key, { y: layout.bands[i]!.y, bx: layout.bars[i]!.x, bw: layout.bars[i]!.width }]));
  // The break-even line moves with the bars (when the scale changes), so bars always start on it.
  target.set(ZERO, { y: 0, bx: layout.zeroX, bw: 0 });
  const shown = tween.frame(target, ctx.animate, (g) => ({ ...g, bx: layout.zeroX, bw: 0 }));
  const zero = shown.get(ZERO)!.bx;
  const { plot } = layout;
  /** How far a row's ROI label is from where it will be: it rides on its bar's end. */
  const roiShift = (i: number) => {
    const g = shown.get(keys[i]!)!;
    const bar = layout.bars[i]!;
    const loss = (campaigns[i]!.roi ?? 0) < 0;
    return loss ? g.bx - bar.x : g.bx + g.bw - (bar.x + bar.width);
  };
  const tipIndex = ctx.tipKey === null ? -1 : keys.indexOf(ctx.tipKey);
  let tip: ChartTip | null = null;
  if (tipIndex >= 0) {
    const g = shown.get(keys[tipIndex]!)!;
    const t = view.campaigns[tipIndex]!;
    const loss = (campaigns[tipIndex]!.roi ?? 0) < 0;
    tip = { key: keys[tipIndex]!, x: loss ? g.bx : g.bx + g.bw, y: g.y + layout.bands[tipIndex]!.height / 2, title: t.name, lines: t.tip };
  }
  const content = svg`
    <g class="grid" aria-hidden="true">${layout.ticks.map((t) => svg`<line class="grid-line" x1=${t.x} x2=${t.x} y1=${plot.y} y2=${plot.y + plot.height}></line>`)}</g>
    ${repeat(campaigns, (c) => c.key, (c, i) => {
      const g = shown.get(c.key)!;
      const band = layout.bands[i]!;
      const bar = layout.bars[i]!;
      const t = view.campaigns[i]!;
      const dy = g.y - band.y;
      return svg`<g class=${markClass(c, t.tone, c.key === ctx.tipKey)} data-key=${c.key} role=${ctx.role} tabindex=${ctx.tabIndex(c.key, keys)} aria-label=${t.ariaLabel} transform="translate(0 ${dy})">
        <rect class="hit" x="0" y=${band.y} width=${width} height=${band.height} rx="4"></rect>
        <rect class="bar" x=${g.bx} y=${bar.y} width=${g.bw} height=${bar.height} rx="2"></rect>
      </g>`;
    })}
    ${repeat(
      campaigns,
      (c) => c.key,
      (c, i) => svg`<g class="labels" aria-hidden="true" transform="translate(0 ${shown.get(c.key)!.y - layout.bands[i]!.y})">
        ${scene.rows[i]!.map((l) => text(l.id.startsWith('roi-') ? { ...l, x: l.x + roiShift(i) } : l))}
      </g>`,
    )}
    <line class="break-even" x1=${zero} x2=${zero} y1=${plot.y - 2} y2=${plot.y + plot.height} aria-hidden="true"></line>
    <g class="labels" aria-hidden="true">${scene.fixed.map(text)}</g>`;
  return { content, keys, tip };
}

/** Cost × revenue bubbles; the largest are drawn first so small ones stay visible on top. */
export function renderScatter(ctx: ChartContext, tween: ChartTween<BubbleGeometry>): ChartParts {
  const { width, height, campaigns, view, messages: m } = ctx;
  const scene = roiScatterScene(campaigns, {
    width,
    height,
    lineHeight: ctx.lineHeight,
    measure: ctx.measure,
    fit: ctx.fit,
    names: view.campaigns.map((c) => c.name),
    money: view.axisMoney,
    costTitle: m.cost,
    revenueTitle: m.revenue,
    breakEven: m.breakEven,
  });
  const { layout } = scene;
  const placed = campaigns.map((c, i) => ({ c, i, b: layout.bubbles[i] })).filter((p) => p.b);
  const keys = placed.map((p) => p.c.key);
  const target = new Map(placed.map((p) => [p.c.key, { ...p.b! }]));
  const shown = tween.frame(target, ctx.animate, (g) => ({ ...g, r: 0 }));
  const { plot } = layout;
  const drawOrder = [...placed].sort((a, b) => b.b!.r - a.b!.r);
  /** A campaign's name moves with its bubble while the bubble is on its way. */
  const ride = (l: PlacedText): PlacedText => {
    const p = placed.find((q) => `name-${q.i}` === l.id);
    const g = p && shown.get(p.c.key);
    return p && g ? { ...l, x: l.x + g.cx - p.b!.cx, y: l.y + g.cy - p.b!.cy } : l;
  };
  const d = layout.breakEven;
  const tipped = placed.find((p) => p.c.key === ctx.tipKey);
  const tipAt = tipped && shown.get(tipped.c.key)!;
  const tip: ChartTip | null = tipped && tipAt ? { key: tipped.c.key, x: tipAt.cx, y: tipAt.cy - tipAt.r, title: view.campaigns[tipped.i]!.name, lines: view.campaigns[tipped.i]!.tip } : null;
  const content = svg`
    <g class="grid" aria-hidden="true">
      ${layout.xTicks.map((t) => svg`<line class="grid-line" x1=${t.x} x2=${t.x} y1=${plot.y} y2=${plot.y + plot.height}></line>`)}
      ${layout.yTicks.map((t) => svg`<line class="grid-line" x1=${plot.x} x2=${plot.x + plot.width} y1=${t.y} y2=${t.y}></line>`)}
      <line class="axis-line" x1=${plot.x} x2=${plot.x + plot.width} y1=${plot.y + plot.height} y2=${plot.y + plot.height}></line>
      <line class="axis-line" x1=${plot.x} x2=${plot.x} y1=${plot.y} y2=${plot.y + plot.height}></line>
    </g>
    ${d ? svg`<line class="diagonal" x1=${d.x1} y1=${d.y1} x2=${d.x2} y2=${d.y2} aria-hidden="true"></line>` : ''}
    ${repeat(drawOrder, (p) => p.c.key, ({ c, i }) => {
      const g = shown.get(c.key)!;
      const t = view.campaigns[i]!;
      return svg`<g class=${markClass(c, t.tone, c.key === ctx.tipKey)} data-key=${c.key} role=${ctx.role} tabindex=${ctx.tabIndex(c.key, keys)} aria-label=${t.ariaLabel}>
        <circle class="hit" cx=${g.cx} cy=${g.cy} r=${g.r + 4}></circle>
        <circle class="dot" cx=${g.cx} cy=${g.cy} r=${Math.max(0, g.r)}></circle>
      </g>`;
    })}
    <g class="labels" aria-hidden="true">${scene.labels.map((l) => text(l.id.startsWith('name-') ? ride(l) : l))}</g>`;
  return { content, keys, tip };
}
