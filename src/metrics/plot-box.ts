import type { Box } from './label-layout.js';

/** A chart's size and the pixels kept free on each side of its plot (negative margins count as 0). */
export interface PlotMargins {
  width: number;
  height: number;
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
}

/** The plot: the chart's box inside its margins, never of negative size. */
export function plotBox(o: PlotMargins): Box {
  const x = Math.max(0, o.left ?? 0);
  const y = Math.max(0, o.top ?? 0);
  return {
    x,
    y,
    width: Math.max(0, o.width - x - Math.max(0, o.right ?? 0)),
    height: Math.max(0, o.height - y - Math.max(0, o.bottom ?? 0)),
  };
}
