/** A text placed on a chart: `x` is where its anchor sits, `y` its vertical centre. */
export interface PlacedText {
  id: string;
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  cls: string;
  /** Degrees the text is turned about its anchor point (a caption along a sloped line). */
  angle?: number;
}

/** A chart's size and the text measures its scene lays labels out with. */
export interface SceneMetrics {
  width: number;
  height: number;
  lineHeight: number;
  /** The width of a text in the chart font (bold for values). */
  measure: (text: string, bold: boolean) => number;
  /** `text` shortened with "…" to fit, or null when it cannot be readable. */
  fit: (text: string, width: number) => string | null;
}

let context: CanvasRenderingContext2D | null | undefined;
let contextFont = '';
const widths = new Map<string, number>();

/**
 * The width a text takes in `font`, measured with a canvas (the same text engine that draws the
 * SVG), so label layout knows sizes before anything is rendered. Cached: live charts measure the
 * same labels every frame.
 */
export function textWidth(text: string, font: string): number {
  const key = `${font}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    context ??= document.createElement('canvas').getContext('2d');
    if (context) {
      // Setting a font makes the canvas parse it: only when it changes.
      if (font !== contextFont) context.font = contextFont = font;
      width = context.measureText(text).width;
    } else {
      width = text.length * 7; // no canvas (very old engines): a generous estimate
    }
    if (widths.size > 5000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

const fitted = new Map<string, string | null>();

/**
 * `text` shortened with "…" to fit `maxWidth`, or null when fewer than `minChars` characters would
 * be left: a label is readable or it is not shown (the tooltip and data table carry the full text).
 * Cached: a live chart fits the same names into the same columns on every update.
 */
export function fitText(text: string, maxWidth: number, font: string, minChars = 4): string | null {
  const key = `${font}|${maxWidth}|${minChars}|${text}`;
  let result = fitted.get(key);
  if (result === undefined) {
    result = shorten(text, maxWidth, font, minChars);
    if (fitted.size > 5000) fitted.clear();
    fitted.set(key, result);
  }
  return result;
}

function shorten(text: string, maxWidth: number, font: string, minChars: number): string | null {
  if (textWidth(text, font) <= maxWidth) return text;
  const chars = [...text];
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}…`;
  // The longest cut that fits, by bisection: a longer prefix is never narrower.
  let lo = minChars - 1;
  let hi = chars.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (textWidth(cut(mid), font) <= maxWidth) lo = mid;
    else hi = mid;
  }
  return lo >= minChars ? cut(lo) : null;
}

/**
 * `text` on up to two lines of `maxWidth`: broken at the last space that lets the first line fit,
 * the rest on the second line (shortened with "…" only if it is still too long). Null when the text
 * has no space to break at, or the first word alone does not fit: a single line is then the best.
 */
export function wrapText(text: string, maxWidth: number, m: Pick<SceneMetrics, 'measure' | 'fit'>): [string, string] | null {
  const words = text.split(' ');
  for (let n = words.length - 1; n > 0; n--) {
    const first = words.slice(0, n).join(' ');
    if (m.measure(first, false) > maxWidth) continue;
    const second = m.fit(words.slice(n).join(' '), maxWidth);
    return second ? [first, second] : null;
  }
  return null;
}
