import { type FunnelLayout, type FunnelOrientation, funnelLayout } from '../../metrics/funnel-layout.js';
import { type Box, type LabelCandidate, placeLabels } from '../../metrics/label-layout.js';
import type { PlacedText, SceneMetrics } from '../shared/chart-text.js';
import type { StageText } from './funnel-view.js';

export interface SceneOptions extends SceneMetrics {
  orientation: FunnelOrientation;
}

export interface FunnelScene {
  layout: FunnelLayout;
  labels: PlacedText[];
}

const PAD = 8;

/** A stage's numbers written one way: the box they take and the texts in it. */
interface Option {
  box: Box;
  texts: PlacedText[];
}

/**
 * Funnel bars plus the labels that fit. Names sit in a column left of the bars (vertical) or a row
 * below them (horizontal); values and conversion in a column right (vertical) or a row above, in
 * the richest form that fits — value over conversion, both on one line, the value alone. A label
 * that fits nowhere is left out, never drawn over another or clipped; first and last stages go first.
 */
export function funnelScene(values: ReadonlyArray<number | null>, texts: readonly StageText[], o: SceneOptions): FunnelScene {
  const { width, height, lineHeight: line, measure } = o;
  const vertical = o.orientation === 'vertical';
  const widest = (list: number[]) => Math.max(0, ...list);
  const valueWidths = texts.map((t) => measure(t.value, true));
  const conversionWidths = texts.map((t) => (t.conversion ? measure(t.conversion, false) : 0));

  let layout: FunnelLayout;
  let nameArea: Box;
  let numberArea: Box;
  if (vertical) {
    const left = Math.min(widest(texts.map((t) => measure(t.name, false))) + PAD + 1, width * 0.34);
    const right = Math.min(Math.max(widest(valueWidths), widest(conversionWidths)) + PAD, width * 0.38);
    layout = funnelLayout(values, { width, height, orientation: 'vertical', before: left, after: right });
    nameArea = { x: 0, y: 0, width: left, height };
    numberArea = { x: width - right, y: 0, width: right, height };
  } else {
    const top = (height >= 7 * line ? 2 * line : line) + 4;
    const bottom = line + 4;
    layout = funnelLayout(values, { width, height, orientation: 'horizontal', before: top, after: bottom });
    nameArea = { x: 0, y: height - bottom, width, height: bottom };
    numberArea = { x: 0, y: 0, width, height: top };
  }

  const bounds = { x: 0, y: 0, width, height };
  const names: LabelCandidate[] = [];
  const nameTexts = new Map<string, PlacedText>();
  texts.forEach((t, i) => {
    const band = layout.bands[i]!;
    // Names: fitted to their column (vertical) or their stage's slice of the row (horizontal).
    const name = o.fit(t.name, vertical ? nameArea.width - PAD - 1 : band.width - 4);
    if (!name) return;
    const w = measure(name, false);
    const cy = vertical ? band.y + band.height / 2 : nameArea.y + nameArea.height / 2 + 2;
    // x 1, not 0, in the name column: a glyph such as T overhangs its start.
    const x = vertical ? 1 : band.x + band.width / 2 - w / 2;
    const id = `name-${i}`;
    names.push({ id, priority: i === 0 || i === texts.length - 1 ? 0 : 1, within: nameArea, options: [{ x, y: cy - line / 2, width: w, height: line }] });
    nameTexts.set(id, { id, x: vertical ? 1 : x + w / 2, y: cy, text: name, anchor: vertical ? 'start' : 'middle', cls: 'name' });
  });
  const labels = [...placeLabels(names, bounds).keys()].map((id) => nameTexts.get(id)!);

  // (Right-aligned numbers end a pixel short of the edge: some glyphs overhang their advance width.)
  // Every stage writes its numbers in the same form — the richest form in which all of them fit,
  // else the one that fits most — so a reader never has to work out which line belongs to which stage.
  let best: PlacedText[] = [];
  let bestCount = -1;
  for (const form of FORMS) {
    if (form.lines === 2 && (vertical ? false : numberArea.height < 2 * line)) continue;
    const options = texts.map((t, i) => numberOption(t, i, form, valueWidths[i]!, vertical ? { right: width - 1, cy: layout.bands[i]!.y + layout.bands[i]!.height / 2 } : { centre: layout.bands[i]!.x + layout.bands[i]!.width / 2, bottom: numberArea.height - 2 }, line, measure));
    const placed = placeLabels(
      options.map((op, i) => ({ id: String(i), priority: i === 0 || i === texts.length - 1 ? 0 : 1, within: numberArea, options: [op.box] })),
      bounds,
    );
    if (placed.size > bestCount) {
      bestCount = placed.size;
      best = [...placed.keys()].flatMap((id) => options[Number(id)]!.texts);
    }
    if (placed.size === texts.length) break;
  }
  return { layout, labels: [...labels, ...best] };
}

interface Form {
  lines: 1 | 2;
  conversion: 'full' | 'short' | 'none';
}

const FORMS: readonly Form[] = [
  { lines: 2, conversion: 'full' },
  { lines: 2, conversion: 'short' },
  { lines: 1, conversion: 'full' },
  { lines: 1, conversion: 'short' },
  { lines: 1, conversion: 'none' },
];

type Anchor = { right: number; cy: number } | { centre: number; bottom: number };

/** A stage's value and conversion written in `form`. A stage without a conversion (the first) keeps
 * its value on the line the other values use. */
function numberOption(t: StageText, i: number, form: Form, valueWidth: number, at: Anchor, line: number, measure: SceneOptions['measure']): Option {
  const c = form.conversion === 'full' ? t.conversion : form.conversion === 'short' ? t.conversionShort : null;
  const value = (x: number, y: number, anchor: PlacedText['anchor']): PlacedText => ({ id: `value-${i}`, x, y, text: t.value, anchor, cls: 'value strong' });
  const conv = (text: string, x: number, y: number, anchor: PlacedText['anchor']): PlacedText => ({
    id: `conversion-${i}`,
    x,
    y,
    text,
    anchor,
    cls: t.increased ? 'conversion warning' : 'conversion muted',
  });
  const wc = c ? measure(c, false) : 0;
  if ('right' in at) {
    const { right, cy } = at;
    if (c && form.lines === 2) {
      const w = Math.max(valueWidth, wc);
      return { box: { x: right - w, y: cy - line, width: w, height: 2 * line }, texts: [value(right, cy - line / 2, 'end'), conv(c, right, cy + line / 2, 'end')] };
    }
    if (c) {
      const w = valueWidth + 6 + wc;
      return { box: { x: right - w, y: cy - line / 2, width: w, height: line }, texts: [value(right - wc - 6, cy, 'end'), conv(c, right, cy, 'end')] };
    }
    return { box: { x: right - valueWidth, y: cy - line / 2, width: valueWidth, height: line }, texts: [value(right, cy, 'end')] };
  }
  const { centre, bottom } = at;
  const top = bottom - form.lines * line;
  if (c && form.lines === 2) {
    const w = Math.max(valueWidth, wc);
    return { box: { x: centre - w / 2, y: top, width: w, height: 2 * line }, texts: [value(centre, top + line / 2, 'middle'), conv(c, centre, top + 1.5 * line, 'middle')] };
  }
  if (c) {
    const w = valueWidth + 6 + wc;
    const x = centre - w / 2;
    return { box: { x, y: top, width: w, height: line }, texts: [value(x, top + line / 2, 'start'), conv(c, x + w, top + line / 2, 'end')] };
  }
  return { box: { x: centre - valueWidth / 2, y: top, width: valueWidth, height: line }, texts: [value(centre, top + line / 2, 'middle')] };
}
