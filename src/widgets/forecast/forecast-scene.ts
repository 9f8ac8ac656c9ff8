import type { ForecastFigures } from '../../metrics/forecast.js';
import type { Box } from '../../metrics/label-layout.js';
import type { PlacedText, SceneMetrics } from '../shared/chart-text.js';
import type { RowText } from './forecast-view.js';

/** One group's bar: a box per summed category, side by side, and where its quota is. */
export interface BarRow {
  segments: Box[];
  /** The quota marker's x; null without a quota (or with a quota of 0). */
  quota: number | null;
}

export interface ForecastScene {
  bars: BarRow[];
  texts: PlacedText[];
  /** Legend swatches: where each category's sample sits (the text is in `texts`). */
  swatches: Box[];
  /** Where the quota's legend sample sits, when a quota is drawn. */
  quotaSwatch: Box | null;
  /** The line above the total row. */
  rule: number | null;
}

const GAP = 10;
const SWATCH = 10;

/**
 * Bars for each group on one shared scale (the largest pipeline or quota spans the width), each
 * under a line with the group's name and its attainment, and over a caption with closed and call;
 * a legend on top and a total row below. Texts take the richest form in which every row's fits —
 * the same form in every row — and the caption gives way first when the tile is short: rows lose
 * their caption, then the chart its legend, before a bar gets thinner than is readable.
 */
export function forecastScene(figures: readonly ForecastFigures[], rows: readonly RowText[], total: RowText | null, legend: readonly string[], quotaLabel: string, o: SceneMetrics): ForecastScene {
  const { width, height, lineHeight: line, measure } = o;
  const texts: PlacedText[] = [];
  const text = (id: string, x: number, y: number, t: string, anchor: PlacedText['anchor'], cls: string) => texts.push({ id, x, y, text: t, anchor, cls });
  const n = rows.length;
  const hasQuota = figures.some((f) => f.quota !== null && f.quota > 0);

  // The legend, wrapped into as many lines as it needs.
  const entries = [...legend, ...(hasQuota ? [quotaLabel] : [])];
  const at: Array<{ x: number; line: number }> = [];
  let x = 0;
  let lines = 1;
  for (const label of entries) {
    const w = SWATCH + 4 + measure(label, false);
    if (x > 0 && x + w > width) {
      x = 0;
      lines++;
    }
    at.push({ x, line: lines - 1 });
    x += w + 12;
  }

  // What gives way when the tile is short: the gaps between rows, the captions, then the legend.
  const fits = [
    { legend: true, caption: true, gap: GAP, min: 10 },
    { legend: true, caption: false, gap: 8, min: 8 },
    { legend: true, caption: false, gap: 4, min: 6 },
    { legend: false, caption: false, gap: 4, min: 0 },
  ].map((c) => {
    const rowsHeight = n * (line * (c.caption ? 2 : 1) + 3) + (total ? n * c.gap + 4 + line * (c.caption ? 2 : 1) : (n - 1) * c.gap);
    const room = (height - (c.legend ? lines * line + 6 : 0) - rowsHeight) / Math.max(1, n);
    return { ...c, room, bar: Math.min(24, Math.max(3, room)) };
  });
  const fit = fits.find((c) => c.room >= c.min)!;

  const swatches: Box[] = [];
  let quotaSwatch: Box | null = null;
  let y = 0;
  if (fit.legend) {
    entries.forEach((label, i) => {
      const cy = at[i]!.line * line + line / 2;
      const box = { x: at[i]!.x, y: cy - SWATCH / 2, width: SWATCH, height: SWATCH };
      if (i < legend.length) swatches.push(box);
      else quotaSwatch = { ...box, x: box.x + SWATCH / 2 - 1, width: 2, y: cy - line / 2 + 2, height: line - 4 };
      text(`legend-${i}`, box.x + SWATCH + 4, cy, label, 'start', 'muted');
    });
    y = lines * line + 6;
  }

  // One scale for every group: the largest bar or quota spans the width.
  const max = Math.max(1, ...figures.map((f) => Math.max(f.total, f.quota ?? 0)));
  const scale = (v: number) => (Math.max(0, v) / max) * (width - 2);
  const every = total ? [...rows, total] : rows;

  // Status (attainment, gap) beside the name: the richest form every row fits with its whole name.
  const forms = Math.max(...every.map((r) => r.status.length));
  const statusAt = (r: RowText, k: number) => r.status[Math.min(k, r.status.length - 1)]!;
  // (A long name may be cut to leave room for it, down to 45 % of the width: not beside free space.)
  let form = 0;
  while (form < forms - 1 && every.some((r) => Math.min(measure(r.name, false), width * 0.45) + 12 + measure(statusAt(r, form), true) > width)) form++;
  // Captions: the richest level every row fits on one line.
  const caption = (r: RowText, level: number) => ({
    warn: r.caption.filter((c) => c.warning && c.level <= level).map((c) => c.text).join(' · '),
    rest: r.caption.filter((c) => !c.warning && c.level <= level).map((c) => c.text).join(' · '),
  });
  const captionWidth = (r: RowText, level: number) => {
    const c = caption(r, level);
    return measure(c.warn, false) + (c.warn && c.rest ? 12 : 0) + measure(c.rest, false);
  };
  let level = 3;
  while (level > 0 && every.some((r) => captionWidth(r, level) > width)) level--;

  const writeRow = (r: RowText, id: string, top: number, withCaption: boolean, barHeight: number) => {
    const status = statusAt(r, form);
    const statusWidth = measure(status, true);
    const name = o.fit(r.name, width - statusWidth - 12) ?? '';
    text(`name-${id}`, 1, top + line / 2, name, 'start', 'name');
    text(`status-${id}`, width - 1, top + line / 2, status, 'end', `status strong ${r.tone}`);
    if (!withCaption) return;
    const c = caption(r, level);
    const cy = top + line + barHeight + 3 + line / 2;
    const warn = c.warn && o.fit(c.warn, width - 2);
    if (warn) text(`warn-${id}`, 1, cy, warn, 'start', 'warning');
    const start = warn ? measure(warn, false) + 13 : 1;
    const rest = c.rest && o.fit(c.rest, width - start - 1);
    if (rest) text(`caption-${id}`, start, cy, rest, 'start', 'muted');
  };

  const bars = figures.map((f, i): BarRow => {
    const top = y;
    const barY = top + line + 2;
    writeRow(rows[i]!, String(i), top, fit.caption, fit.bar);
    y += line * (fit.caption ? 2 : 1) + 3 + fit.bar + fit.gap;
    let start = 0;
    const segments = f.levels.map((level) => {
      const box = { x: 1 + scale(start), y: barY, width: scale(level) - scale(start), height: fit.bar };
      start = level;
      return box;
    });
    return { segments, quota: f.quota !== null && f.quota > 0 ? 1 + scale(f.quota) : null };
  });
  let rule: number | null = null;
  if (total) {
    rule = y - fit.gap / 2 + 1;
    writeRow(total, 't', y + 4, fit.caption, -3);
  }
  return { bars, texts, swatches, quotaSwatch, rule };
}
