import { type RoiBarsLayout, roiBarsLayout } from '../../metrics/roi-bars-layout.js';
import { type LabelCandidate, placeLabels } from '../../metrics/label-layout.js';
import { type PlacedText, type SceneMetrics, wrapText } from '../shared/chart-text.js';
import { labelSet } from './roi-labels.js';
import type { CampaignText, MetricColumn } from './roi-view.js';

export interface BarsSceneOptions extends SceneMetrics {
  /** Requested count columns beside the bars, with their headers. */
  columns: ReadonlyArray<{ key: MetricColumn; header: string }>;
  breakEven: string;
  tick: (value: number) => string;
  /** The note for requested columns that did not fit ("+2 columns"). */
  moreColumns: (count: number) => string;
}

export interface BarsScene {
  layout: RoiBarsLayout;
  /** Per campaign, the labels of its row, or none when rows are too thin to label them all. */
  rows: PlacedText[][];
  /** Column headers, the note on columns left out, the break-even caption and axis ticks. */
  fixed: PlacedText[];
  /** Requested columns that did not fit: the note says how many, the tooltip and table have them. */
  hidden: MetricColumn[];
}

const GAP = 6;

/**
 * ROI bars with campaign names on the left, the ROI at each bar's end, count columns on the right,
 * the break-even caption above the 0 % line and percent ticks below. Room is shared out before the
 * bars are scaled, so labels never cover bars: the plot keeps a minimum width, names get up to a
 * share of the tile (the longest name if it fits), then the columns in the order asked for. A
 * column that does not fit is not dropped silently: the chart says "+1 column" above the columns,
 * and the tooltip and data table carry its numbers. Each name then takes all the room of its own
 * row up to its bar (a gain's name may run on where only losses draw), on two lines where the row
 * is tall enough, and is shortened with "…" only when that room is not enough.
 */
export function roiBarsScene(rois: ReadonlyArray<number | null>, texts: readonly CampaignText[], o: BarsSceneOptions): BarsScene {
  const { width, height, lineHeight: line, measure } = o;
  const widest = (list: number[]) => Math.max(0, ...list);
  const loss = (i: number) => (rois[i] ?? 0) < 0;
  const roiWidths = texts.map((t) => measure(t.roi, true));
  const gains = widest(roiWidths.filter((_, i) => !loss(i))) + GAP;
  const lossLabel = widest(roiWidths.filter((_, i) => loss(i)));
  // Left of the plot: each name, and beside a loss's name its ROI label (the largest loss's bar
  // starts at the plot's left edge). At most a share of the tile, and never the plot's minimum.
  const need = widest(texts.map((t, i) => measure(t.name, false) + (loss(i) ? GAP + roiWidths[i]! + 4 : 0))) + GAP + 1;
  const minPlot = Math.max(48, width * 0.22);
  const share = width * (width < 320 ? 0.55 : width < 480 ? 0.5 : 0.4);
  const left = Math.max(lossLabel ? lossLabel + 5 : 0, Math.min(need, share, width - gains - minPlot));

  // Count columns in the order asked for, while the plot keeps its minimum width.
  const columns: Array<{ key: MetricColumn; header: string; width: number }> = [];
  let columnsWidth = 0;
  for (const c of o.columns) {
    const w = Math.max(measure(c.header, false), widest(texts.map((t) => measure(t.counts[c.key], false)))) + GAP * 2;
    if (left + gains + columnsWidth + w + minPlot > width) break;
    columns.push({ ...c, width: w });
    columnsWidth += w;
  }
  const hidden = o.columns.slice(columns.length).map((c) => c.key);
  // The note on hidden columns takes a line of its own above the headers of the columns shown.
  const noteLine = hidden.length > 0 && columns.length > 0;
  const top = noteLine ? 2 * line + 6 : line + 2;
  const headerY = top - 2 - line / 2;

  const plotWidth = Math.max(0, width - left - columnsWidth - gains);
  const tickWidth = Math.max(measure(o.tick(-0.5), false), measure(o.tick(2), false)) + 16;
  const layout = roiBarsLayout(rois, { width, height, left, right: columnsWidth + gains, top, bottom: line + 4, ticks: Math.max(2, Math.floor(plotWidth / tickWidth)) });

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
    const band = layout.bands[i]!;
    const cy = band.y + band.height / 2;
    const bar = layout.bars[i]!;
    const out: PlacedText[] = [];
    // The row's room for its name: up to the break-even line, or up to a loss's ROI label.
    const room = (loss(i) ? bar.x - 4 - roiWidths[i]! : layout.zeroX) - GAP - 1;
    // x 1, not 0: a glyph such as T overhangs its start.
    const name = (text: string, y: number, n = '') => out.push({ id: `name${n}-${i}`, x: 1, y, text, anchor: 'start', cls: 'name' });
    const lines = measure(t.name, false) > room && band.height >= 2 * line ? wrapText(t.name, room, o) : null;
    if (lines) {
      name(lines[0], cy - line / 2);
      name(lines[1], cy + line / 2, '2');
    } else {
      const fitted = o.fit(t.name, room);
      if (fitted) name(fitted, cy);
    }
    out.push({ id: `roi-${i}`, x: loss(i) ? bar.x - 4 : bar.x + bar.width + 4, y: cy, text: t.roi, anchor: loss(i) ? 'end' : 'start', cls: `roi strong ${t.tone}` });
    columnEdges.forEach((c) => out.push({ id: `${c.key}-${i}`, x: c.right, y: cy, text: t.counts[c.key], anchor: 'end', cls: 'count' }));
    return out;
  });

  // Fixed labels: the note on hidden columns and the column headers first, then the break-even
  // caption, then ticks (0 % first).
  const { at, add, place } = labelSet(o);
  if (hidden.length) add('more-columns', 0, [at('more-columns', o.moreColumns(hidden.length), width - 1, noteLine ? line / 2 : headerY, 'end', 'muted more')]);
  columns.forEach((c, k) => add(`head-${c.key}`, 0, [at(`head-${c.key}`, c.header, columnEdges[k]!.right, headerY, 'end', 'muted')]));
  // The caption sits centred over the 0 % line, or beside it when that line is near an edge.
  const zero = layout.zeroX;
  const caption = (x: number, anchor: PlacedText['anchor']) => at('break-even', o.breakEven, x, headerY, anchor, 'muted');
  add('break-even', 1, [caption(zero, 'middle'), caption(zero + 4, 'start'), caption(zero - 4, 'end')]);
  for (const tick of layout.ticks) {
    const text = o.tick(tick.value);
    const w = measure(text, false);
    const id = `tick-${tick.value}`;
    // Centred on its tick, but pulled inside the chart at either end (0 % on an edge keeps its label).
    const x = Math.min(Math.max(tick.x - w / 2, 1), width - w - 1);
    add(id, tick.value === 0 ? 2 : 3, [at(id, text, x, height - line / 2, 'start', 'tick muted', w)]);
  }
  return { layout, rows, fixed: place(4), hidden };
}
