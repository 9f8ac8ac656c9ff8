import { type FunnelLayout, type FunnelOrientation, funnelLayout } from '../../metrics/funnel-layout.js';
import { type Box, type LabelCandidate, placeLabels } from '../../metrics/label-layout.js';
import { type PlacedText, type SceneMetrics, wrapText } from '../shared/chart-text.js';
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
 * Funnel bars plus the labels that fit. Names sit left of the bars (vertical) or in a row below
 * them (horizontal); values and conversion in a column right (vertical) or a row above, in the
 * richest form that fits — value over conversion, both on one line, the value alone. Space is used
 * before anything is shortened: a vertical funnel's name column is only as wide as the names need
 * beside their centred bars (a narrow stage leaves room beside it), each name takes the room of its
 * own row up to its bar and wraps to two lines where the row is tall enough; a horizontal funnel's
 * names take a second, staggered line where the tile is tall enough. Values are written in one
 * notation for the whole chart: in full when the largest fits, else all compact. A label that fits
 * nowhere is left out, never drawn over another or clipped; first and last stages go first.
 */
export function funnelScene(values: ReadonlyArray<number | null>, texts: readonly StageText[], o: SceneOptions): FunnelScene {
  const { width, height, lineHeight: line, measure } = o;
  const vertical = o.orientation === 'vertical';
  const widest = (list: number[]) => Math.max(0, ...list);
  const conversionWidths = texts.map((t) => (t.conversion ? measure(t.conversion, false) : 0));
  const fullWidths = texts.map((t) => measure(t.fullValue, true));
  const nameWidths = texts.map((t) => measure(t.name, false));
  const n = Math.max(1, texts.length);
  // One notation per chart: full numbers when the largest fits its place, else compact for all.
  const valueRoom = vertical ? width * 0.38 - PAD : width / n - 4;
  const compact = widest(fullWidths) > valueRoom;
  const valueTexts = texts.map((t) => (compact ? t.compactValue : t.fullValue));
  const valueWidths = compact ? valueTexts.map((v) => measure(v, true)) : fullWidths;

  let layout: FunnelLayout;
  let nameArea: Box;
  let numberArea: Box;
  let stagger = false;
  if (vertical) {
    const right = Math.min(Math.max(widest(valueWidths), widest(conversionWidths)) + PAD, width * 0.38);
    // Each name needs its width left of its bar; a bar narrower than the widest leaves half the
    // difference free on its left, so the column is as wide as the most demanding stage needs.
    const max = widest(values.map((v) => (v !== null && Number.isFinite(v) && v > 0 ? v : 0))) || 1;
    const need = widest(
      texts.map((_, i) => {
        const share = Math.max(0, Math.min(1, (values[i] ?? 0) / max));
        return (nameWidths[i]! + PAD + 2 - ((width - right) * (1 - share)) / 2) / ((1 + share) / 2);
      }),
    );
    const left = Math.max(0, Math.min(need, width * 0.34));
    layout = funnelLayout(values, { width, height, orientation: 'vertical', before: left, after: right });
    nameArea = { x: 0, y: 0, width: width - right, height };
    numberArea = { x: width - right, y: 0, width: right, height };
  } else {
    const top = (height >= 7 * line ? 2 * line : line) + 4;
    // Names wider than their stage's slice take a second line, staggered, where the tile is tall enough.
    stagger = nameWidths.some((w) => w > width / n - 4) && height >= 9 * line;
    const bottom = (stagger ? 2 * line + 3 : line) + 4;
    layout = funnelLayout(values, { width, height, orientation: 'horizontal', before: top, after: bottom });
    nameArea = { x: 0, y: height - bottom, width, height: bottom };
    numberArea = { x: 0, y: 0, width, height: top };
  }

  const bounds = { x: 0, y: 0, width, height };
  const names: LabelCandidate[] = [];
  const nameTexts = new Map<string, PlacedText[][]>();
  texts.forEach((t, i) => {
    const band = layout.bands[i]!;
    const bar = layout.bars[i]!;
    const id = `name-${i}`;
    const priority = i === 0 || i === texts.length - 1 ? 0 : 1;
    const options: Box[] = [];
    const optionTexts: PlacedText[][] = [];
    const option = (box: Box, lines: PlacedText[]) => {
      options.push(box);
      optionTexts.push(lines);
    };
    if (vertical) {
      // The room of the stage's row up to its bar; two lines where the row has the height for them.
      const room = bar.x - PAD - 1;
      const cy = band.y + band.height / 2;
      // x 1, not 0: a glyph such as T overhangs its start.
      const at = (text: string, y: number, suffix = ''): PlacedText => ({ id: `name${suffix}-${i}`, x: 1, y, text, anchor: 'start', cls: 'name' });
      const two = nameWidths[i]! > room && band.height >= 2 * line + 2 ? wrapText(t.name, room, o) : null;
      if (two) {
        const w = Math.max(measure(two[0], false), measure(two[1], false));
        option({ x: 1, y: cy - line, width: w, height: 2 * line }, [at(two[0], cy - line / 2), at(two[1], cy + line / 2, '2')]);
      } else {
        const name = o.fit(t.name, room);
        if (name) option({ x: 1, y: cy - line / 2, width: measure(name, false), height: line }, [at(name, cy)]);
      }
    } else {
      // Centred under the stage, pulled inside the chart at either end; on the first line, else on the
      // second (staggered), else shortened to the stage's slice.
      const centred = (text: string, row: number) => {
        const w = measure(text, false);
        const x = Math.min(Math.max(band.x + band.width / 2 - w / 2, 1), width - w - 1);
        const cy = nameArea.y + 2 + line / 2 + row * (line + 3);
        option({ x, y: cy - line / 2, width: w, height: line }, [{ id: `name-${i}`, x: x + w / 2, y: cy, text, anchor: 'middle', cls: 'name' }]);
      };
      // Staggered, every other stage starts on the second line, so neighbours alternate.
      const [first, second] = stagger && i % 2 === 1 ? [1, 0] : [0, 1];
      centred(t.name, first);
      if (stagger) centred(t.name, second);
      const name = o.fit(t.name, band.width - 4);
      if (name && name !== t.name) centred(name, 0);
    }
    if (options.length) {
      names.push({ id, priority, within: nameArea, options });
      nameTexts.set(id, optionTexts);
    }
  });
  const labels = [...placeLabels(names, bounds)].flatMap(([id, k]) => nameTexts.get(id)![k]!);

  // (Right-aligned numbers end a pixel short of the edge: some glyphs overhang their advance width.)
  // Every stage writes its numbers in the same form — the richest form in which all of them fit,
  // else the one that fits most — so a reader never has to work out which line belongs to which stage.
  let best: PlacedText[] = [];
  let bestCount = -1;
  for (const form of FORMS) {
    if (form.lines === 2 && (vertical ? false : numberArea.height < 2 * line)) continue;
    const options = texts.map((t, i) => numberOption(t, valueTexts[i]!, i, form, valueWidths[i]!, vertical ? { right: width - 1, cy: layout.bands[i]!.y + layout.bands[i]!.height / 2 } : { centre: layout.bands[i]!.x + layout.bands[i]!.width / 2, bottom: numberArea.height - 2 }, line, measure));
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
function numberOption(t: StageText, valueText: string, i: number, form: Form, valueWidth: number, at: Anchor, line: number, measure: SceneOptions['measure']): Option {
  const c = form.conversion === 'full' ? t.conversion : form.conversion === 'short' ? t.conversionShort : null;
  const value = (x: number, y: number, anchor: PlacedText['anchor']): PlacedText => ({ id: `value-${i}`, x, y, text: valueText, anchor, cls: 'value strong' });
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
