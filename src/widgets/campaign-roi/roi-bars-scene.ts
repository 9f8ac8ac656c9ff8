import { type RoiBarsLayout, roiBarsLayout } from '../../metrics/roi-bars-layout.js';
import { type LabelCandidate, placeLabels } from '../../metrics/label-layout.js';
import type { PlacedText } from '../shared/chart-text.js';
import type { SceneMetrics } from '../shared/chart-text.js';
import { labelSet } from './roi-labels.js';
import type { CampaignText, MetricColumn } from './roi-view.js';

export interface BarsSceneOptions extends SceneMetrics {
  /** Requested count columns beside the bars, with their headers. */
  columns: ReadonlyArray<{ key: MetricColumn; header: string }>;
  breakEven: string;
  tick: (value: number) => string;
}

export interface BarsScene {
  layout: RoiBarsLayout;
  /** Per campaign, the labels of its row, or none when rows are too thin to label them all. */
  rows: PlacedText[][];
  /** Column headers, the break-even caption and axis ticks. */
  fixed: PlacedText[];
}

const GAP = 6;

/**
 * ROI bars with campaign names on the left, the ROI at each bar's end, count columns on the right,
 * the break-even caption above the 0 % line and percent ticks below. Space for every label is set
 * aside before the bars are scaled, so labels never cover bars; columns that do not fit are left
 * out from the right, rows too thin for a line of text lose their labels in turns.
 */
export function roiBarsScene(rois: ReadonlyArray<number | null>, texts: readonly CampaignText[], o: BarsSceneOptions): BarsScene {
  const { width, height, lineHeight: line, measure } = o;
  const widest = (list: number[]) => Math.max(0, ...list);
  // Names get more of a narrow tile: a name cut to three letters says little.
  const nameWidth = Math.min(widest(texts.map((t) => measure(t.name, false))) + GAP * 2 + 1, width * (width < 400 ? 0.4 : 0.3));

  // Count columns, as many as fit into a third of the width.
  const columns: Array<{ key: MetricColumn; header: string; width: number }> = [];
  let columnsWidth = 0;
  for (const c of o.columns) {
    const w = Math.max(measure(c.header, false), widest(texts.map((t) => measure(t.counts[c.key], false)))) + GAP * 2;
    if (columnsWidth + w > width * 0.34) break;
    columns.push({ ...c, width: w });
    columnsWidth += w;
  }

  const roiWidth = (sign: number) => widest(texts.filter((_, i) => (sign < 0 ? (rois[i] ?? 0) < 0 : (rois[i] ?? 0) >= 0)).map((t) => measure(t.roi, true)));
  const gains = roiWidth(1) + GAP;
  const losses = rois.some((r) => r !== null && r < 0) ? roiWidth(-1) + GAP : 0;
  const left = nameWidth + losses;
  const right = columnsWidth + gains;
  const plotWidth = Math.max(0, width - left - right);
  const tickWidth = Math.max(measure(o.tick(-0.5), false), measure(o.tick(2), false)) + 16;
  const layout = roiBarsLayout(rois, { width, height, left, right, top: line + 2, bottom: line + 4, ticks: Math.max(2, Math.floor(plotWidth / tickWidth)) });

  // Row labels: each row is one line across the chart; rows thinner than a line are labelled in turns.
  const rowCandidates: LabelCandidate[] = texts.map((_, i) => {
    const band = layout.bands[i]!;
    return { id: String(i), priority: 0, options: [{ x: 0, y: band.y + band.height / 2 - line / 2, width, height: line }] };
  });
  const labelled = placeLabels(rowCandidates, { x: 0, y: layout.plot.y, width, height: layout.plot.height }, 0);
  // Columns in the order asked for, left to right, ending at the chart's right edge.
  let edge = width - columnsWidth;
  const columnEdges = columns.map((c) => ({ key: c.key, right: (edge += c.width) - GAP }));
  const rows = texts.map((t, i): PlacedText[] => {
    if (!labelled.has(String(i))) return [];
    const cy = layout.bands[i]!.y + layout.bands[i]!.height / 2;
    const bar = layout.bars[i]!;
    const r = rois[i] ?? null;
    const out: PlacedText[] = [];
    const name = o.fit(t.name, nameWidth - GAP * 2 - 1);
    // x 1, not 0: a glyph such as T overhangs its start.
    if (name) out.push({ id: `name-${i}`, x: 1, y: cy, text: name, anchor: 'start', cls: 'name' });
    const loss = r !== null && r < 0;
    out.push({ id: `roi-${i}`, x: loss ? bar.x - 4 : bar.x + bar.width + 4, y: cy, text: t.roi, anchor: loss ? 'end' : 'start', cls: `roi strong ${t.tone}` });
    columnEdges.forEach((c) => out.push({ id: `${c.key}-${i}`, x: c.right, y: cy, text: t.counts[c.key], anchor: 'end', cls: 'count' }));
    return out;
  });

  // Fixed labels: column headers first, then the break-even caption, then ticks (0 % first).
  const { at, add, place } = labelSet(o);
  columns.forEach((c, k) => add(`head-${c.key}`, 0, [at(`head-${c.key}`, c.header, columnEdges[k]!.right, line / 2, 'end', 'muted')]));
  // The caption sits centred over the 0 % line, or beside it when that line is near an edge.
  const zero = layout.zeroX;
  const caption = (x: number, anchor: PlacedText['anchor']) => at('break-even', o.breakEven, x, line / 2, anchor, 'muted');
  add('break-even', 1, [caption(zero, 'middle'), caption(zero + 4, 'start'), caption(zero - 4, 'end')]);
  for (const tick of layout.ticks) {
    const text = o.tick(tick.value);
    const w = measure(text, false);
    const id = `tick-${tick.value}`;
    // Centred on its tick, but pulled inside the chart at either end (0 % on an edge keeps its label).
    const x = Math.min(Math.max(tick.x - w / 2, 1), width - w - 1);
    add(id, tick.value === 0 ? 2 : 3, [at(id, text, x, height - line / 2, 'start', 'tick muted', w)]);
  }
  return { layout, rows, fixed: place(4) };
}
