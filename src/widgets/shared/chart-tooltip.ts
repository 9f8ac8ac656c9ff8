import { html, nothing } from 'lit';
import { inlineStyle } from './inline-style.js';

/** What a chart's tooltip says and where: the point it belongs to, in plot pixels. */
export interface ChartTip {
  key: string;
  x: number;
  y: number;
  title: string;
  lines: readonly string[];
}

/**
 * The tooltip as text in HTML (never markup from data), placed on the side of its point with more
 * room, so it stays inside the widget: right of the point in the left half, left of it in the right
 * half; above it in the lower half, below it in the upper half. Hidden from assistive technology:
 * the focused mark's accessible name already says all of it.
 */
export function renderChartTip(tip: ChartTip | null, width: number, height: number) {
  if (!tip || width <= 0) return nothing;
  const leftHalf = tip.x <= width / 2;
  const upperHalf = tip.y < height / 2;
  const room = Math.max(80, (leftHalf ? width - tip.x : tip.x) - 8);
  return html`<div
    class="tip"
    part="tooltip"
    aria-hidden="true"
    ${inlineStyle({
      left: leftHalf ? `${Math.max(4, tip.x)}px` : null,
      right: leftHalf ? null : `${Math.max(4, width - tip.x)}px`,
      top: upperHalf ? `${tip.y + 10}px` : null,
      bottom: upperHalf ? null : `${height - tip.y + 10}px`,
      'max-width': `${Math.min(room, width - 8)}px`,
    })}
  >
    <strong class="tip-title">${tip.title}</strong>
    ${tip.lines.map((line) => html`<span class="tip-line">${line}</span>`)}
  </div>`;
}
