import { css } from 'lit';

/**
 * The forecast's marks on top of the chart styles. Why some rules are there (said here rather than
 * in CSS comments, which would ship to every page inside the stylesheet):
 * - `.c0` … `.c3`: closed, commit, best case and pipeline; the later categories are the closed colour
 *   mixed into the tile's surface, so they stay one family in a light and a dark theme, and the order
 *   of the segments (left to right) and the legend say which is which, not colour alone.
 * - `.seg` stroke: a hairline of the surface between segments, so that neighbours of similar colour part.
 * - `.warning .seg`: a value that was unusable or not cumulative, hatched in the warning colour.
 * - `.enter .seg` in `@starting-style`: a new group's segments grow from the bar's start.
 */
export const forecastStyles = css`
  :host {
    --_closed: var(--crm-forecast-closed-color, var(--_accent));
    --_quota: var(--crm-forecast-quota-color, var(--_text));
  }

  .c0 {
    --_fill: var(--_closed);
  }

  .c1 {
    --_fill: var(--crm-forecast-commit-color, color-mix(in srgb, var(--_closed) 68%, var(--_surface)));
  }

  .c2 {
    --_fill: var(--crm-forecast-best-case-color, color-mix(in srgb, var(--_closed) 42%, var(--_surface)));
  }

  .c3 {
    --_fill: var(--crm-forecast-pipeline-color, color-mix(in srgb, var(--_closed) 20%, var(--_surface)));
  }

  .seg,
  .swatch {
    fill: var(--_fill);
  }

  .seg {
    stroke: var(--_surface);
    stroke-width: 1;
    transform-box: fill-box;
    transform-origin: left center;
  }

  .warning .seg {
    stroke: var(--_warning);
    stroke-dasharray: 3 2;
  }

  .quota {
    fill: var(--_quota);
  }

  .mark:focus-visible .seg,
  .mark.active .seg {
    stroke: var(--_text);
  }

  .plot .met {
    color: var(--_good);
  }

  .labels {
    pointer-events: none;
  }

  .call-line {
    fill: none;
    stroke: var(--_closed);
    stroke-width: 2;
  }

  .call-swatch {
    fill: var(--_closed);
  }

  .closed-area {
    fill: var(--_closed);
    fill-opacity: 0.18;
  }

  .quota-line {
    stroke: var(--_quota);
    stroke-width: 1.5;
    stroke-dasharray: 6 4;
  }

  .dot {
    fill: var(--_closed);
    stroke: var(--_surface);
    stroke-width: 1.5;
  }

  @starting-style {
    .enter .seg {
      transform: scaleX(0);
    }
  }
`;
