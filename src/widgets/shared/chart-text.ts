/** The font a chart's text is drawn in, as a canvas `font` string, read from an element's computed style. */
export function chartFont(element: Element, weight: number | string = 400): string {
  const style = getComputedStyle(element);
  return `${weight} ${style.fontSize} ${style.fontFamily}`;
}

/** The font size in px an element's text has. */
export function fontSizeOf(element: Element): number {
  return Number.parseFloat(getComputedStyle(element).fontSize) || 12;
}

let context: CanvasRenderingContext2D | null | undefined;
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
      context.font = font;
      width = context.measureText(text).width;
    } else {
      width = text.length * 7; // no canvas (very old engines): a generous estimate
    }
    if (widths.size > 5000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

/**
 * `text` shortened with "…" to fit `maxWidth`, or null when fewer than `minChars` characters would
 * be left: a label is readable or it is not shown (the tooltip and data table carry the full text).
 */
export function fitText(text: string, maxWidth: number, font: string, minChars = 4): string | null {
  if (textWidth(text, font) <= maxWidth) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n >= minChars; n--) {
    const candidate = `${chars.slice(0, n).join('').trimEnd()}…`;
    if (textWidth(candidate, font) <= maxWidth) return candidate;
  }
  return null;
}
