import { html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { renderChartTip } from '../shared/chart-tooltip.js';
import type { TrendScene } from './forecast-trend.js';

export { trendScene } from './forecast-trend.js';

/** What the trend's template takes from its element besides the scene. */
export interface TrendChartOptions {
  width: number;
  height: number;
  /** The chart's accessible name. */
  summary: string;
  /** Draw the geometry at once (a resize, not new data). */
  snap: boolean;
  /** `link` with a `drill-href`, else `button`. */
  role: string;
  tipKey: string | null;
  tabIndex: (key: string) => 0 | -1;
  /** The scene's texts, as the element draws every chart's labels. */
  labels: unknown;
}

/**
 * The trend view's markup: the call as a line over the closed area, the quota line, and a focusable
 * point per week. Its own module, loaded the first time an element shows `mode="trend"`: a page of
 * bars never downloads it.
 */
export function trendChart(scene: TrendScene, o: TrendChartOptions) {
  const { width } = o;
  const { plot, quota: q } = scene;
  const tipped = scene.points.find((p) => String(p.time) === o.tipKey);
  return html`<svg class=${o.snap ? 'snap' : ''} width=${width} height=${o.height} role="group" aria-label=${o.summary}>
      <g aria-hidden="true">
        ${scene.grid.map((y) => svg`<line class="grid-line" x1=${plot.x} x2=${plot.x + plot.width} y1=${y} y2=${y}></line>`)}
        <rect class="call-swatch" x=${scene.swatches[0].x} y=${scene.swatches[0].y} width="12" height="2"></rect>
        <rect class="closed-area" x=${scene.swatches[1].x} y=${scene.swatches[1].y} width="12" height="10"></rect>
        <path class="closed-area moves" d=${scene.closedArea}></path>
        <path class="call-line moves" d=${scene.callLine}></path>
        ${q === null ? nothing : svg`<line class="quota-line" x1=${plot.x} x2=${plot.x + plot.width} y1=${q} y2=${q}></line>`}
      </g>
      ${repeat(
        scene.points,
        (p) => String(p.time),
        (p) => {
          const key = String(p.time);
          return svg`<g class=${`mark point${key === o.tipKey ? ' active' : ''}`} data-key=${key} role=${o.role} tabindex=${o.tabIndex(key)} aria-label=${p.ariaLabel}>
            <circle class="hit moves" cx=${p.x} cy=${p.y} r="9"></circle>
            <circle class="dot moves" cx=${p.x} cy=${p.y} r="3"></circle>
          </g>`;
        },
      )}
      ${o.labels}
    </svg>
    ${renderChartTip(tipped ? { key: String(tipped.time), x: tipped.x, y: tipped.y, title: tipped.title, lines: tipped.tip } : null, width)}`;
}
