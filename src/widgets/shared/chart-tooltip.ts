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
 * The tooltip as text in HTML (never markup from data), anchored at its point; `placeTip` then
 * moves it beside the point once its size is known. Hidden from assistive technology: the focused
 * mark's accessible name already says all of it.
 */
export function renderChartTip(tip: ChartTip | null, width: number) {
  if (!tip || width <= 0) return nothing;
  return html`<div
    class="tip"
    part="tooltip"
    aria-hidden="true"
    ${inlineStyle({ left: `${tip.x}px`, top: `${tip.y}px`, 'max-width': `${Math.max(80, Math.min(260, width - 8))}px` })}
  >
    <strong class="tip-title">${tip.title}</strong>
    ${tip.lines.map((line) => html`<span class="tip-line">${line}</span>`)}
  </div>`;
}

const GAP = 10;

/** The start of a box of `size` beside `point`: after it if it fits, else before it, else clamped. */
function beside(point: number, size: number, min: number, max: number): number {
  if (point + GAP + size <= max) return point + GAP;
  if (point - GAP - size >= min) return point - GAP - size;
  return Math.max(min, Math.min(max - size, point - size / 2));
}

/**
 * Moves a rendered tooltip beside its point — below or above, right or left, whichever fits — and
 * inside `bounds` (the widget, whose paint containment would cut off anything outside). Measured
 * after render, since the text decides the size; moved through the CSSOM, which a strict CSP allows.
 * Without a tooltip nothing is measured: a layout read after every live update would make the
 * browser lay out the page once per widget per frame.
 */
export function placeTip(tip: HTMLElement | null, bounds: Element, margin = 2): void {
  if (!tip) return;
  tip.style.removeProperty('translate');
  const box = tip.getBoundingClientRect();
  const outer = bounds.getBoundingClientRect();
  // The tooltip is rendered with its corner on the point.
  const x = beside(box.left, box.width, outer.left + margin, outer.right - margin);
  const y = beside(box.top, box.height, outer.top + margin, outer.bottom - margin);
  const dx = x - box.left;
  const dy = y - box.top;
  if (dx || dy) tip.style.setProperty('translate', `${dx}px ${dy}px`);
}
