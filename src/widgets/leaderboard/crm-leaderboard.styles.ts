import { css } from 'lit';

export const leaderboardStyles = css`
  :host {
    --_highlight: var(--crm-leaderboard-highlight, color-mix(in srgb, var(--_accent) 11%, transparent));
    --_bar: var(--crm-leaderboard-bar-color, var(--_accent));
    --_avatar: var(--crm-leaderboard-avatar-size, 28px);
    min-width: 240px;
  }

  .tile {
    container-type: inline-size;
  }

  .count {
    flex: none;
    font-size: 0.75rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .table {
    display: block;
  }

  /* Block layout, not flex: a flex item can never be a layout boundary, a contained block can. */
  .rows {
    display: block;
  }

  .row + .row {
    margin-top: 2px;
  }

  /* A cross-filter selection made in this board: the picked agent stands out, the others step back. */
  .row[data-selected='false'] {
    opacity: 0.45;
  }

  .row[data-selected='true'] {
    background: var(--_track);
  }

  .row {
    position: relative;
    display: grid;
    /* Bold digits run a little wider than the regular "0" that sets 1ch. */
    grid-template-columns: 2.4em minmax(0, 1fr) calc(var(--_value-width, 6ch) * 1.08) 3em;
    grid-template-areas: 'rank agent value change';
    align-items: center;
    column-gap: 10px;
    box-sizing: border-box;
    height: max(calc(var(--_avatar) + 12px), 2.6em);
    padding: 0 8px;
    border-radius: 6px;
    cursor: pointer;
    outline: none;
    /* Rows have a fixed height, so each is a layout boundary: a value counting in one row lays out
       only that row, never the board. */
    contain: size layout style;
  }

  .row:hover {
    background: color-mix(in srgb, var(--_track) 60%, transparent);
  }

  .row:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  .row.highlighted {
    background: var(--_highlight);
    box-shadow: inset 3px 0 0 var(--_accent);
  }

  .pinned {
    margin-top: 6px;
    padding-top: 6px;
    border-top: 1px dashed var(--_border);
  }

  .rank {
    grid-area: rank;
    font-weight: 700;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .agent {
    grid-area: agent;
    display: flex;
    align-items: center;
    gap: 10px;
    min-width: 0;
  }

  .avatar {
    position: relative;
    flex: none;
    width: var(--_avatar);
    height: var(--_avatar);
    border-radius: 50%;
    overflow: hidden;
    background: var(--_track);
  }

  .highlighted .avatar {
    background: var(--_surface);
  }

  .initials {
    display: grid;
    place-items: center;
    width: 100%;
    height: 100%;
    font-size: calc(var(--_avatar) * 0.4);
    font-weight: 700;
    color: var(--_text);
    letter-spacing: 0.02em;
  }

  /* The picture covers the initials once loaded; until then, or if it fails, the initials show. */
  .avatar img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  .who {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
    flex: 1;
  }

  .name-line {
    display: flex;
    align-items: baseline;
    gap: 6px;
    min-width: 0;
  }

  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .highlighted .name {
    font-weight: 700;
  }

  .you {
    flex: none;
    font-size: 0.6875rem;
    font-weight: 700;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_surface);
  }

  .bar {
    display: block;
    height: 4px;
    border-radius: 2px;
    background: var(--_track);
    overflow: hidden;
  }

  .bar-fill {
    display: block;
    height: 100%;
    background: var(--_bar);
    transform-origin: left center;
    /* As long as rows move: the theme's motion, or less when frames come faster (set by the board). */
    transition: transform var(--_move, var(--_motion)) ease-out;
  }

  .value {
    grid-area: value;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }

  .stale .value,
  .stale .bar {
    opacity: 0.55;
  }

  .change {
    grid-area: change;
    font-size: 0.75rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }

  /* The element marks a badge as fading for its last moments; a transition, not an animation that
     waits: nothing runs while badges only sit there. */
  .badge {
    display: inline-block;
    transition: opacity 1s ease-in;
  }

  .badge.fading {
    opacity: 0;
  }

  .badge.up {
    color: var(--_good);
  }

  .badge.down {
    color: var(--_bad);
  }

  .badge.new {
    color: var(--_accent);
    text-transform: uppercase;
    font-size: 0.6875rem;
    letter-spacing: 0.04em;
  }

  @media (prefers-reduced-motion: reduce) {
    .badge {
      transition: none;
    }
  }

  /* In a narrow tile a badge goes under the value, giving names the room of its column. */
  @container (max-width: 400px) {
    .row {
      --_avatar: var(--crm-leaderboard-avatar-size, 24px);
      grid-template-columns: 2em minmax(0, 1fr) calc(var(--_value-width, 6ch) * 1.08);
      grid-template-areas: 'rank agent value';
      column-gap: 8px;
    }

    .agent {
      gap: 8px;
    }

    .change {
      display: none;
      line-height: 1.1;
      align-self: start;
    }

    .row.moved {
      grid-template-areas: 'rank agent value' 'rank agent change';
    }

    .row.moved .change {
      display: block;
    }

    .row.moved .value {
      align-self: end;
    }

    /* The "You" tag leaves the name its room: it goes under the rank, which moves up for it. */
    .row.highlighted .rank {
      align-self: start;
      padding-top: 3px;
    }

    .row.highlighted .you {
      position: absolute;
      left: 6px;
      bottom: 3px;
      line-height: 1.3;
    }
  }

  /* In the narrowest tiles avatars give way, so names keep their room. */
  @container (max-width: 270px) {
    .avatar {
      display: none;
    }
  }
`;
