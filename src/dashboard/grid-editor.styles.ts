import { css } from 'lit';

/**
 * Edit mode's chrome over each tile and the "Add widget" dialog, on the widgets' private tokens
 * (`--_surface`, `--_text`, `--_accent`, `--_focus`…), which the dashboard defines with `tokenStyles`:
 * light and dark follow the dashboard's theme.
 */
export const gridEditorStyles = css`
  [data-cell-id] {
    position: relative;
    min-width: 0;
  }

  /* ---- the chrome over a tile ---- */

  .grid-chrome {
    --_handle: 32px;
    position: absolute;
    inset: 0;
    z-index: 2;
    border-radius: var(--_radius);
    outline: 2px dashed color-mix(in srgb, var(--_accent) 55%, transparent);
    outline-offset: -1px;
    /* Dims the widget under it: in edit mode the handles are what a tile offers. */
    background: color-mix(in srgb, var(--_surface) 55%, transparent);
    cursor: grab;
    /* A finger on the tile scrolls the page; only the handles take touch drags. */
    touch-action: auto;
    user-select: none;
    -webkit-user-select: none;
  }

  .grid-chrome.grid-active {
    outline: 2px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
    cursor: grabbing;
  }

  .grid-chrome.grid-resizing {
    cursor: nwse-resize;
  }

  .grid-handle {
    position: absolute;
    display: inline-grid;
    place-items: center;
    box-sizing: border-box;
    width: var(--_handle);
    height: var(--_handle);
    margin: 0;
    padding: 0;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.16);
    touch-action: none;
  }

  .grid-handle svg {
    width: 18px;
    height: 18px;
    fill: currentColor;
  }

  .grid-handle:hover {
    color: var(--_accent);
    border-color: var(--_accent);
  }

  .grid-handle:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* The move handle carries the widget's name: it covers the tile's own heading in edit mode. */
  .grid-move {
    top: 6px;
    left: 6px;
    width: auto;
    max-width: calc(100% - var(--_handle) - 18px);
    grid-auto-flow: column;
    gap: 6px;
    padding: 0 10px 0 6px;
    cursor: grab;
  }

  .grid-label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.8125rem;
    font-weight: 600;
  }

  .grid-remove {
    top: 6px;
    right: 6px;
    cursor: pointer;
  }

  .grid-remove:hover {
    color: var(--_bad);
    border-color: var(--_bad);
  }

  .grid-resize {
    right: 6px;
    bottom: 6px;
    cursor: nwse-resize;
  }

  @media (pointer: coarse) {
    .grid-chrome {
      --_handle: 44px;
    }
  }

  @media (forced-colors: active) {
    .grid-chrome {
      outline-color: CanvasText;
    }
    .grid-handle {
      border-color: ButtonText;
    }
  }

  /* ---- "Add widget" ---- */

  .add-dialog {
    box-sizing: border-box;
    width: min(34rem, calc(100vw - 24px));
    max-height: min(40rem, calc(100dvh - 24px));
    margin: auto;
    padding: 0;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.3);
    font-family: var(--_font);
  }

  .add-dialog[open] {
    display: flex;
    flex-direction: column;
  }

  .add-dialog::backdrop {
    background: rgb(10 16 24 / 0.45);
  }

  .add-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    padding: 14px var(--_space) 10px;
    border-bottom: 1px solid var(--_border);
  }

  .add-title {
    margin: 0;
    font-size: 1.05rem;
    font-weight: 650;
  }

  .add-body {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 12px var(--_space) var(--_space);
    overflow: auto;
    min-height: 0;
  }

  .add-search,
  .add-input,
  .add-select {
    box-sizing: border-box;
    width: 100%;
    min-height: 40px;
    padding: 8px 10px;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
  }

  .add-search:focus-visible,
  .add-input:focus-visible,
  .add-select:focus-visible,
  .add-button:focus-visible,
  .add-kind:focus-visible,
  .add-close:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .add-list {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .add-entry {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px 12px;
    padding: 8px 0;
    border-bottom: 1px solid var(--_border);
  }

  .add-entry:last-child {
    border-bottom: 0;
  }

  .add-name {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1 1 10rem;
  }

  .add-label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .add-meta {
    font-size: 0.8rem;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .add-kinds {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  .add-kind,
  .add-button,
  .add-close {
    min-height: 32px;
    padding: 4px 12px;
    font: inherit;
    font-size: 0.875rem;
    color: var(--_accent);
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 999px;
    cursor: pointer;
  }

  .add-kind:hover,
  .add-button:hover {
    color: var(--_surface);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .add-close {
    color: var(--_text);
    border-color: var(--_border);
    border-radius: 8px;
  }

  @media (pointer: coarse) {
    .add-kind,
    .add-button,
    .add-close {
      min-height: 44px;
    }
  }

  .add-state {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .add-state.add-error {
    color: var(--_bad);
  }

  .add-manual {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 0;
    padding: 12px 0 0;
    border: 0;
    border-top: 1px solid var(--_border);
  }

  .add-manual legend {
    padding: 0;
    font-weight: 600;
  }

  .add-field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.875rem;
    color: var(--_muted);
  }

  .add-row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px;
  }

  .add-row .add-field {
    flex: 1 1 10rem;
  }
`;
