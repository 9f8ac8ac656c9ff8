import { css } from 'lit';

/**
 * What the chart widgets share on top of the theme tokens: the tile, header, plot box, marks with
 * their focus ring, axis text, the tooltip and the stale note.
 */
export const chartStyles = css`
  :host {
    --_chart-height: var(--crm-chart-height, 240px);
    --_chart-font-size: var(--crm-font-size-chart, 0.75rem);
    --_grid: var(--crm-color-grid, #e9edf2);
    min-width: 200px;
  }

  :host([crm-theme='dark']) {
    --_grid: var(--crm-color-grid, #2c3746);
  }

  @media (prefers-color-scheme: dark) {
    :host([crm-theme='auto']) {
      --_grid: var(--crm-color-grid, #2c3746);
    }
  }


  .headline {
    flex: none;
    font-size: var(--_label-size);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  /* The plot takes the room the tile has; without a height set on the widget, --crm-chart-height.
     Its content never sizes it (the <svg> is absolutely positioned), so it is contained: a live
     update lays out the chart alone, not the page around it. */
  .plot {
    contain: size layout style;
    position: relative;
    flex: 1 1 var(--_chart-height);
    min-height: 80px;
    font-size: var(--_chart-font-size);
    font-variant-numeric: tabular-nums;
  }

  .plot > svg {
    position: absolute;
    inset: 0;
    display: block;
    overflow: visible;
  }

  .plot > .state-view {
    height: 100%;
    min-height: 0;
  }

  /* A cross-filter selection made in this chart: the picked mark stands out, the others step back. */
  [data-selected='false'] {
    opacity: 0.35;
  }

  [data-selected='true'] :is(rect, path) {
    stroke: var(--_text);
    stroke-width: 2px;
  }

  .stale .plot > :is(svg, .texts) {
    opacity: 0.55;
  }

  svg text {
    fill: currentColor;
    font-size: var(--_chart-font-size);
    dominant-baseline: central;
  }

  .plot .muted {
    color: var(--_muted);
  }

  .plot .strong {
    font-weight: 700;
  }

  .plot .warning {
    color: var(--_warning);
  }

  .grid-line {
    stroke: var(--_grid);
    stroke-width: 1;
    shape-rendering: crispEdges;
  }

  /* Marks glide to new data: their geometry attributes are CSS properties, which the browser
     transitions without script. A resize (class snap) redraws at the new size at once. */
  .moves {
    transition-property: x, y, width, height, cx, cy, r, d, transform, opacity;
    /* The theme's motion, capped by the gap between data frames (CrmMetricElement.motionStyle). */
    transition-duration: var(--_move, var(--_motion));
    transition-timing-function: cubic-bezier(0.65, 0, 0.35, 1);
  }

  .snap .moves {
    transition-duration: 0s;
  }

  .mark {
    cursor: pointer;
    outline: none;
  }

  .hit {
    fill: transparent;
  }

  .mark:hover .hit,
  .mark.active .hit {
    fill: var(--_track);
    fill-opacity: 0.5;
  }

  .mark:focus-visible .hit {
    stroke: var(--_focus);
    stroke-width: 2;
  }

  .tip {
    position: absolute;
    z-index: 1;
    /* Its own width, not what is left right of its point: it is moved beside the point after render. */
    width: max-content;
    display: flex;
    flex-direction: column;
    gap: 2px;
    box-sizing: border-box;
    padding: 6px 8px;
    border-radius: 6px;
    background: var(--_text);
    color: var(--_surface);
    font-size: var(--_chart-font-size);
    line-height: 1.3;
    pointer-events: none;
    overflow-wrap: anywhere;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.18);
  }

  .tip-title {
    font-weight: 700;
  }
`;
