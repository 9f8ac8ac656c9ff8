import { css } from 'lit';

export const kpiStyles = css`
  :host {
    position: relative;
    min-width: 160px;
  }

  /* The tile is a button itself: Retry sits beside it, over its bottom edge, in room kept for it. */
  .tile:has(+ .stale-retry) {
    padding-bottom: calc(var(--_space) + 2rem);
  }

  .tile + .stale-retry {
    position: absolute;
    left: var(--_space);
    bottom: var(--_space);
    margin: 0;
    padding: 2px 10px;
    font-size: 0.75rem;
  }

  .tile {
    position: relative;
    gap: 6px;
    outline: none;
    /* The value scales with the tile's own width, not the viewport's. */
    container-type: inline-size;
  }

  .interactive {
    cursor: pointer;
  }

  .interactive:hover {
    border-color: var(--_accent);
  }

  .interactive:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .status {
    flex: none;
    font-size: 0.75rem;
    font-weight: 600;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid currentColor;
  }

  .value {
    /* The number is what the tile is for: in a short tile (a dashboard cell), the sparkline gives way, not it. */
    flex: none;
    font-size: clamp(1.25rem, 12cqi, var(--_value-size));
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    transition: opacity var(--_move, var(--_motion));
  }

  .stale .value,
  .stale .sparkline {
    opacity: 0.55;
  }

  .delta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 6px;
    font-size: var(--_label-size);
    font-variant-numeric: tabular-nums;
  }

  .delta .compare {
    color: var(--_muted);
  }

  .tone-good {
    color: var(--_good);
  }

  .tone-bad {
    color: var(--_bad);
  }

  .tone-warning {
    color: var(--_warning);
  }

  .tone-flat,
  .tone-neutral {
    color: var(--_muted);
  }

  .target {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.75rem;
    color: var(--_muted);
  }

  .bar {
    height: 6px;
    border-radius: 3px;
    background: var(--_track);
    overflow: hidden;
  }

  .bar-fill {
    height: 100%;
    background: var(--_accent);
    transform-origin: left center;
    transition: transform var(--_move, var(--_motion)) ease-out;
  }

  .sparkline {
    display: block;
    width: 100%;
    height: 40px;
    margin-top: auto;
    overflow: visible;
  }

  .sparkline .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
  }

  .sparkline .area {
    fill: var(--_accent);
    opacity: 0.12;
  }
`;
