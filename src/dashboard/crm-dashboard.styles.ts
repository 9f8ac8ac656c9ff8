import { css } from 'lit';

/**
 * The dashboard's chrome on the widgets' tokens: the header's controls look like the tiles (surface,
 * border, radius) in light and dark. The grid collapses to one column in a narrow container (a
 * phone), widgets in reading order (row, then column), each keeping its height.
 */
export const dashboardStyles = css`
  :host {
    --_row: var(--crm-dashboard-row-height, 64px);
    --_gap: var(--crm-dashboard-gap, 12px);
    container-type: inline-size;
    contain: none;
  }

  .dashboard {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-width: 0;
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 8px 16px;
  }

  .title {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 650;
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .controls,
  .custom-range {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px;
  }

  .control {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }

  .control-label {
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
  }

  .select,
  .input,
  .button,
  .chip,
  .clear-all {
    font: inherit;
    font-size: 0.875rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
    min-height: 2.25rem;
    box-sizing: border-box;
  }

  .select {
    appearance: none;
    padding: 0 2rem 0 0.75rem;
    max-width: 14rem;
    /* The arrow: two gradients, no image (nothing for a strict CSP to block). */
    background-image: linear-gradient(45deg, transparent 50%, var(--_muted) 50%), linear-gradient(135deg, var(--_muted) 50%, transparent 50%);
    background-position: calc(100% - 15px) 55%, calc(100% - 10px) 55%;
    background-size: 5px 5px;
    background-repeat: no-repeat;
    cursor: pointer;
  }

  .input {
    padding: 0 0.5rem;
    color-scheme: light;
  }

  :host([crm-theme='dark']) .input,
  :host([crm-theme='dark']) .select {
    color-scheme: dark;
  }

  @media (prefers-color-scheme: dark) {
    :host([crm-theme='auto']) .input,
    :host([crm-theme='auto']) .select {
      color-scheme: dark;
    }
  }

  .button,
  .clear-all {
    padding: 0 0.875rem;
    cursor: pointer;
  }

  .button.primary {
    color: var(--_surface);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .select:hover,
  .button:hover,
  .clear-all:hover {
    border-color: var(--_muted);
  }

  :is(.select, .input, .button, .chip-remove, .clear-all):focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 2rem;
    padding: 0 0 0 0.75rem;
    border-radius: 999px;
    max-width: 100%;
  }

  .chip.selection {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .chip-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .chip-remove {
    display: inline-grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    font: inherit;
    font-size: 0.75rem;
    color: inherit;
    background: none;
    border: 0;
    border-radius: 999px;
    cursor: pointer;
  }

  .clear-all {
    min-height: 2rem;
    border-radius: 999px;
    border-style: dashed;
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(var(--_columns, 12), minmax(0, 1fr));
    grid-auto-rows: var(--_row);
    grid-auto-flow: row dense;
    gap: var(--_gap);
  }

  .grid[hidden],
  .records-panel[hidden] {
    display: none;
  }

  .cell {
    position: relative;
    min-width: 0;
    min-height: 0;
    /* A widget taller than its rows is cut at the cell, not drawn over the next one; focus rings stay. */
    overflow: clip;
    overflow-clip-margin: 4px;
  }

  .cell > :not(.placeholder),
  ::slotted(*) {
    height: 100%;
    box-sizing: border-box;
  }

  /* Plain children get a size by kind; a page's own grid-column / grid-row on them wins. */
  ::slotted(*) {
    grid-column: span 4;
    grid-row: span 4;
  }
  ::slotted(crm-kpi) {
    grid-column: span 3;
    grid-row: span 3;
  }
  ::slotted(crm-records) {
    grid-column: 1 / -1;
    grid-row: span 5;
  }
  ::slotted(script) {
    display: none;
  }

  .placeholder {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 4px;
    height: 100%;
    box-sizing: border-box;
    padding: var(--_space);
    color: var(--_muted);
    font-size: 0.875rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
    overflow: hidden;
  }

  .placeholder strong {
    color: var(--_text);
  }

  .config-problem {
    grid-column: 1 / -1;
    grid-row: span 1;
  }

  .records-panel {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 8px;
  }

  .records-panel crm-records {
    align-self: stretch;
    --crm-records-height: min(32rem, 70vh);
  }

  /*
   * A tablet: each widget twice as wide (a KPI of 3 columns takes 6), in reading order, packed row by
   * row; a 12-column layout made for a desktop would leave every tile too narrow to read. While
   * editing, tiles stay where the config puts them (what a drag moves).
   */
  @container (min-width: 600px) and (max-width: 959px) {
    .grid:not(.editing) > .cell {
      grid-column: auto / span var(--_span-md, 6) !important;
      grid-row: auto / span var(--_h, 3) !important;
    }
  }

  /* A phone: one column, widgets in reading order, each as tall as its rows. */
  @container (max-width: 599px) {
    .grid {
      grid-template-columns: minmax(0, 1fr);
      grid-auto-flow: row;
    }
    .cell,
    ::slotted(*) {
      grid-column: 1 / -1 !important;
      grid-row: auto / span var(--_h, 3) !important;
    }
    .select {
      max-width: 100%;
    }
  }
`;
