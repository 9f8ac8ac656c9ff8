import { css } from 'lit';

export const recordsStyles = css`
  :host {
    --_row-height: var(--crm-records-row-height, 2.5rem);
    --_row-size: var(--_row-height);
    --_height: var(--crm-records-height, 22rem);
    /* The phone layout follows the widget's own width (a tile), not the page's. */
    container-type: inline-size;
    min-width: 0;
  }

  .tile {
    min-width: 0;
  }

  .count {
    flex: none;
    font-size: 0.75rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .table {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-height: 0;
    min-width: 0;
    margin: 0 calc(var(--_space) * -0.5);
    /* Header and rows share one font size: column widths are in ch of it. */
    font-size: 0.875rem;
  }

  .head,
  .body {
    /* The same gutter on both, so headers stand over their columns beside a scrollbar. */
    scrollbar-gutter: stable;
  }

  .head {
    flex: none;
    overflow: hidden;
    border-bottom: 1px solid var(--_border);
  }

  .sort-by {
    display: none;
  }

  .head-row,
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    column-gap: 12px;
    padding: 0 8px;
    box-sizing: border-box;
  }

  .header {
    min-width: 0;
    display: flex;
  }

  .header.quantity {
    justify-content: flex-end;
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-width: 100%;
    min-width: 0;
    padding: 8px 0;
    font: inherit;
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
    background: none;
    border: 0;
    cursor: pointer;
    text-align: start;
  }

  .header.quantity .sort {
    flex-direction: row-reverse;
  }

  .sort:hover,
  .sorted .sort {
    color: var(--_text);
  }

  .sort:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
    border-radius: 4px;
  }

  .sort-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .arrow {
    flex: none;
    font-size: 0.625rem;
    opacity: 0.45;
  }

  .sorted .arrow {
    color: var(--_accent);
    opacity: 1;
  }

  /*
   * The rows fill a tile that has a height; in one without, they take --crm-records-height, or
   * less when fewer records need less (--_count is set by the element).
   */
  .body {
    flex: 1 1 auto;
    height: min(var(--_height), calc(var(--_count, 10) * var(--_row-size) + 2px));
    outline: none;
  }

  /* Plain rows scroll in the same box the virtualizer makes of its rows' area (it sets these on it). */
  .plain {
    display: block;
    position: relative;
    overflow: auto;
    contain: size layout;
    min-height: 0;
  }

  .body:focus-visible {
    box-shadow: inset 0 0 0 2px var(--_focus);
  }

  .row {
    width: 100%;
    height: var(--_row-size);
    align-items: center;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 70%, transparent);
    cursor: pointer;
    outline: none;
    /* Rows have a fixed size: each is a layout boundary, so a cell that changes lays out one row. */
    contain: size layout style;
  }

  .row:hover {
    background: color-mix(in srgb, var(--_track) 60%, transparent);
  }

  .row:focus-visible,
  .cell:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
    border-radius: 4px;
  }

  .cell {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    outline: none;
  }

  /* A value's direction comes from its text: an Arabic or Hebrew name reads, and sits, right to left in its cell. */
  .cell {
    unicode-bidi: plaintext;
  }

  .quantity {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .primary {
    font-weight: 600;
  }

  .none {
    color: var(--_muted);
  }

  .primary.none {
    font-style: italic;
    font-weight: 400;
  }

  a {
    color: var(--_accent);
    text-decoration: none;
  }

  .row:hover a,
  a:hover {
    text-decoration: underline;
  }

  .note {
    font-size: 0.75rem;
    color: var(--_muted);
  }

  /* A long list whose scrolling code could not be loaded: a line under its first rows, not a view. */
  .rest-failed .state-view {
    flex-flow: row wrap;
    align-items: center;
    justify-content: flex-start;
    min-height: 0;
    padding-top: 6px;
  }

  .stale .body {
    opacity: 0.7;
  }

  /*
   * Phone-width tiles: each record is a compact card, the name and the first amount on one line,
   * the other columns after them ("Ana Ortiz  Proposal  31 Mar 2026"), on two lines at most; what
   * does not fit is cut (every value stays in the row for screen readers), and every column can
   * still sort the list from the row of sort buttons the headers become.
   */
  @container (max-width: 420px) {
    .tile {
      --_row-size: calc(var(--_row-height) * 1.6);
    }

    .table {
      margin: 0;
    }

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      padding-bottom: 6px;
    }

    .sort-by {
      display: inline;
      font-size: 0.75rem;
      color: var(--_muted);
    }

    .head-row {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      padding: 0;
    }

    .header.quantity .sort {
      flex-direction: row;
    }

    .sort {
      padding: 2px 8px;
      border: 1px solid var(--_border);
      border-radius: 999px;
    }

    .sorted .sort {
      border-color: var(--_accent);
    }

    .row {
      display: flex;
      flex-wrap: wrap;
      align-content: center;
      column-gap: 14px;
      row-gap: 2px;
      padding: 4px 4px;
      overflow: hidden;
    }

    /* The break between the card's first line and its second. */
    .row::after {
      content: '';
      order: 2;
      flex-basis: 100%;
    }

    .cell {
      order: 3;
      flex: 0 1 auto;
      font-size: 0.8125rem;
      color: var(--_muted);
      text-align: start;
    }

    .cell.primary {
      order: 0;
      flex: 1 1 0;
      font-size: 0.875rem;
      color: var(--_text);
    }

    .cell.lead {
      order: 1;
      flex: none;
      max-width: 50%;
      font-size: 0.875rem;
      font-weight: 600;
      color: var(--_text);
    }
  }
`;
