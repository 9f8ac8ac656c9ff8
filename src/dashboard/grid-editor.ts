import { type ReactiveController, type ReactiveControllerHost, type TemplateResult, html, nothing, svg } from 'lit';
import type { Cell } from './dashboard-config.js';
import { fitCell, gridColumns, moveCell } from './grid-layout.js';

/*
 * Why a grid of our own and not gridstack: gridstack 14.1.0 (the well-kept choice) bundles to
 * 26.1 KiB minified + gzipped for `GridStack` with its drag and drop (esbuild --bundle --minify,
 * gzip -9: 26,722 bytes), plus 1.4 KiB of CSS, and 7.4 KiB for its layout engine alone. The whole
 * `crm-pulse/dashboard` entry may add 12 KiB on top of the widgets. The layout rules we need
 * (grid-layout.ts, 0.9 KiB) and this controller on a plain CSS grid fit in a fraction of that,
 * and they render through Lit, which a library writing its own DOM and inline styles would not
 * (a strict CSP blocks `style=""`).
 */

/** The words the edit chrome says; English unless the dashboard passes its locale's. */
export interface GridEditorMessages {
  move: (label: string) => string;
  resize: (label: string) => string;
  remove: (label: string) => string;
  /** How to use the handles from the keyboard, read with each handle. */
  hint: string;
  /** Said after a move, columns and rows counted from 1. */
  moved: (label: string, column: number, row: number) => string;
  /** Said after a move on a phone, where tiles stand in one column. */
  movedTo: (label: string, position: number, count: number) => string;
  resized: (label: string, columns: number, rows: number) => string;
  /** Said when a key would take a tile off the grid or below its smallest size. */
  cannot: (label: string) => string;
  cancelled: (label: string) => string;
  removed: (label: string) => string;
}

const english: GridEditorMessages = {
  move: (label) => `Move ${label}`,
  resize: (label) => `Resize ${label}`,
  remove: (label) => `Remove ${label}`,
  hint: 'Drag, or use the arrow keys to move by one cell; Shift with the arrow keys, or the arrow keys on the resize handle, to resize.',
  moved: (label, column, row) => `${label} moved to column ${column}, row ${row}`,
  movedTo: (label, position, count) => `${label} moved to position ${position} of ${count}`,
  resized: (label, columns, rows) => `${label} resized to ${columns} ${columns === 1 ? 'column' : 'columns'} by ${rows} ${rows === 1 ? 'row' : 'rows'}`,
  cannot: (label) => `${label} cannot go further`,
  cancelled: (label) => `Moving ${label} cancelled`,
  removed: (label) => `${label} removed`,
};

export interface GridEditorOptions {
  /** The CSS grid element; its tiles carry `data-cell-id`. */
  grid: () => HTMLElement | null;
  /** The config's column count (the rendered grid may show fewer: one on a phone). */
  columns: () => number;
  /** The cells now. */
  layout: () => ReadonlyMap<string, Cell>;
  /** While dragging, the layout to show; null to show the committed one again. */
  onPreview: (layout: Map<string, Cell> | null) => void;
  /** A finished move or resize: pointer up, or one keyboard step. */
  onCommit: (layout: Map<string, Cell>, id: string) => void;
  onRemove: (id: string) => void;
  /** The tile's name, for the handles' accessible names and the announcements. */
  label: (id: string) => string;
  messages?: Partial<GridEditorMessages>;
}

type Mode = 'move' | 'resize';

interface Drag {
  id: string;
  mode: Mode;
  pointerId: number;
  start: ReadonlyMap<string, Cell>;
  cell: Cell;
  /** The grid square of the tile that was grabbed, relative to its top left. */
  grab: { x: number; y: number };
  /** On a one-column phone layout: where each tile stood when the drag began, top to bottom. */
  stack: Array<{ id: string; top: number; bottom: number }> | null;
  preview: Map<string, Cell> | null;
}

interface Geometry {
  /** Tracks the browser renders (1 on a phone). */
  tracks: number;
  left: number;
  top: number;
  pitchX: number;
  pitchY: number;
}

let editors = 0;

const sameLayout = (a: ReadonlyMap<string, Cell>, b: ReadonlyMap<string, Cell>) =>
  a.size === b.size && [...a].every(([id, c]) => {
    const d = b.get(id);
    return d !== undefined && c.x === d.x && c.y === d.y && c.w === d.w && c.h === d.h;
  });

const px = (value: string) => {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : 0;
};

/** Ids in the order a reader meets the tiles: top to bottom, then left to right. */
export function readingOrder(layout: ReadonlyMap<string, Cell>): string[] {
  return [...layout].sort(([, a], [, b]) => a.y - b.y || a.x - b.x).map(([id]) => id);
}

const STEPS: Readonly<Record<string, [number, number]>> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * Edit mode for a dashboard's grid: each tile gets a move handle, a resize handle and a remove
 * button ({@link renderChrome}), and the host renders the layout this hands back.
 *
 * - Pointer (mouse, pen, touch): drag the move handle (or, with a mouse or pen, anywhere on the
 *   tile) and the tile follows the grid square under the pointer; drag the resize handle to pull
 *   the bottom right corner. Tiles in the way are pushed down while dragging (a preview), the
 *   change is committed on release, and Escape puts everything back.
 * - Keyboard: arrow keys on the move handle move by one cell; Shift + arrows, or arrows on the
 *   resize handle, resize by one cell. Each step is committed and announced politely. Steps
 *   taken without leaving the handle are computed from where the tiles stood before the first
 *   one, so a tile pushed aside comes back when the moved one goes on past it.
 * - On a phone, where the grid shows one column, tiles are moved up and down in reading order
 *   (Up/Down keys, or a drag onto another tile) and the resize handle is hidden: the width and
 *   height a tile has on the wide grid are kept for the wide grid.
 */
export class GridEditor implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: GridEditorOptions;
  readonly #messages: GridEditorMessages;
  readonly #hintId = `crm-grid-hint-${++editors}`;
  #drag: Drag | null = null;
  /** Keyboard steps on one handle: the layout before the first and after the last step. */
  #keys: { id: string; before: ReadonlyMap<string, Cell>; after: ReadonlyMap<string, Cell> } | null = null;
  #announcement = '';
  #stacked = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: GridEditorOptions) {
    this.#host = host;
    this.#options = options;
    this.#messages = { ...english, ...options.messages };
    host.addController(this);
  }

  /** The tile being dragged and how, for the host's styling; null when nothing is. */
  get active(): { id: string; mode: Mode } | null {
    return this.#drag && { id: this.#drag.id, mode: this.#drag.mode };
  }

  /** What the live region says now (the last announcement). */
  get announcement(): string {
    return this.#announcement;
  }

  hostUpdated(): void {
    // The resize handle has no use on the one-column phone layout; learn the layout after each render.
    const grid = this.#options.grid();
    const stacked = !!grid && this.#geometry(grid).tracks === 1 && gridColumns(this.#options.columns()) > 1;
    if (stacked !== this.#stacked) {
      this.#stacked = stacked;
      this.#host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.#endDrag();
    this.#keys = null;
  }

  /**
   * The live region for announcements and the keyboard hint the handles point at: render it once,
   * anywhere in the host's shadow root (visually hidden).
   */
  renderStatus(): TemplateResult {
    // Visually hidden by the tokens' `.sr-only`, which every host of the editor has.
    return html`<div class="grid-status sr-only" role="status" aria-live="polite">${this.#announcement}</div>
      <span class="grid-hint" id=${this.#hintId} hidden>${this.#messages.hint}</span>`;
  }

  /** The edit chrome inside one tile: a drag surface, a move handle, a remove button and a resize handle. */
  renderChrome(id: string): TemplateResult {
    const label = this.#options.label(id);
    const active = this.#drag?.id === id ? this.#drag.mode : null;
    return html`<div class="grid-chrome ${active ? `grid-active grid-${active === 'move' ? 'moving' : 'resizing'}` : ''}" part="edit-chrome" data-grid-chrome=${id}
        @pointerdown=${(e: PointerEvent) => this.#pointerDown(e, id, 'move', true)}>
      <button type="button" class="grid-handle grid-move" part="edit-handle edit-move" data-grid-handle="move"
          aria-label=${this.#messages.move(label)} aria-describedby=${this.#hintId} title=${this.#messages.move(label)}
          @pointerdown=${(e: PointerEvent) => this.#pointerDown(e, id, 'move')}
          @keydown=${(e: KeyboardEvent) => this.#keyDown(e, id, 'move')} @focusout=${() => this.#leaveKeys(id)}>
        ${svg`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M10 2l3 3h-2v4h4V7l3 3-3 3v-2h-4v4h2l-3 3-3-3h2v-4H5v2l-3-3 3-3v2h4V5H7z"/></svg>`}
        <span class="grid-label" aria-hidden="true">${label}</span>
      </button>
      <button type="button" class="grid-handle grid-remove" part="edit-handle edit-remove"
          aria-label=${this.#messages.remove(label)} title=${this.#messages.remove(label)}
          @pointerdown=${(e: PointerEvent) => e.stopPropagation()} @click=${() => this.#remove(id)}>
        ${svg`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M5.5 4.1L10 8.6l4.5-4.5 1.4 1.4-4.5 4.5 4.5 4.5-1.4 1.4-4.5-4.5-4.5 4.5-1.4-1.4 4.5-4.5-4.5-4.5z"/></svg>`}
      </button>
      ${this.#stacked
        ? nothing
        : html`<button type="button" class="grid-handle grid-resize" part="edit-handle edit-resize" data-grid-handle="resize"
              aria-label=${this.#messages.resize(label)} aria-describedby=${this.#hintId} title=${this.#messages.resize(label)}
              @pointerdown=${(e: PointerEvent) => this.#pointerDown(e, id, 'resize')}
              @keydown=${(e: KeyboardEvent) => this.#keyDown(e, id, 'resize')} @focusout=${() => this.#leaveKeys(id)}>
            ${svg`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M17 7v10H7l2-2h6V9zM13 11v2h-2z"/></svg>`}
          </button>`}
    </div>`;
  }

  // ---- pointer ----

  #pointerDown(e: PointerEvent, id: string, mode: Mode, surface = false): void {
    // The whole tile drags with a mouse or pen; a finger on the tile scrolls the page, so touch
    // drags start on the handles only (they alone have touch-action: none).
    if (surface && e.pointerType === 'touch') return;
    if (!e.isPrimary || e.button !== 0 || this.#drag) return;
    const grid = this.#options.grid();
    const start = new Map(this.#options.layout());
    const cell = start.get(id);
    if (!grid || !cell) return;
    e.preventDefault();
    e.stopPropagation();
    const geometry = this.#geometry(grid, id);
    const square = this.#square(e, geometry);
    const stack = geometry.tracks === 1 && gridColumns(this.#options.columns()) > 1 ? this.#stack(grid) : null;
    this.#drag = { id, mode, pointerId: e.pointerId, start, cell, grab: { x: square.x - cell.x, y: square.y - cell.y }, stack, preview: null };
    try {
      (e.currentTarget as Element).setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser does not know (a synthetic event): the window listeners still follow it.
    }
    addEventListener('pointermove', this.#pointerMove);
    addEventListener('pointerup', this.#pointerUp);
    addEventListener('pointercancel', this.#cancel);
    addEventListener('keydown', this.#escape, true);
    this.#host.requestUpdate();
  }

  #pointerMove = (e: PointerEvent): void => {
    const drag = this.#drag;
    const grid = this.#options.grid();
    if (!drag || e.pointerId !== drag.pointerId || !grid) return;
    e.preventDefault();
    const next = drag.stack ? this.#stackTarget(drag, e.clientY) : this.#gridTarget(drag, this.#square(e, this.#geometry(grid, drag.id)));
    const preview = sameLayout(next, drag.start) ? null : next;
    if (preview === drag.preview || (preview && drag.preview && sameLayout(preview, drag.preview))) return;
    drag.preview = preview;
    this.#options.onPreview(preview);
  };

  #pointerUp = (e: PointerEvent): void => {
    const drag = this.#drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.#endDrag();
    this.#options.onPreview(null);
    if (drag.preview) {
      this.#options.onCommit(drag.preview, drag.id);
      this.#announceCell(drag.id, drag.mode, drag.preview);
    }
  };

  #cancel = (e: Event): void => {
    const drag = this.#drag;
    if (!drag || (e instanceof PointerEvent && e.pointerId !== drag.pointerId)) return;
    this.#endDrag();
    this.#options.onPreview(null);
    this.#announce(this.#messages.cancelled(this.#options.label(drag.id)));
  };

  #escape = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    // Escape ends the drag, not the host's edit mode or a dialog around it.
    e.preventDefault();
    e.stopPropagation();
    this.#cancel(e);
  };

  #endDrag(): void {
    if (!this.#drag) return;
    this.#drag = null;
    removeEventListener('pointermove', this.#pointerMove);
    removeEventListener('pointerup', this.#pointerUp);
    removeEventListener('pointercancel', this.#cancel);
    removeEventListener('keydown', this.#escape, true);
    this.#host.requestUpdate();
  }

  /** The layout for the pointer over grid square `square`, from the layout the drag began with. */
  #gridTarget(drag: Drag, square: { x: number; y: number }): Map<string, Cell> {
    const { cell } = drag;
    const to =
      drag.mode === 'move'
        ? { ...cell, x: square.x - drag.grab.x, y: square.y - drag.grab.y }
        : { ...cell, w: Math.max(1, square.x - cell.x + 1), h: Math.max(1, square.y - cell.y + 1) };
    return moveCell(drag.start, drag.id, to, this.#options.columns());
  }

  /** On a phone: the layout with the dragged tile in the place of the tile the pointer is over. */
  #stackTarget(drag: Drag, clientY: number): Map<string, Cell> {
    const over = drag.stack!.find((tile) => clientY >= tile.top && clientY < tile.bottom);
    if (!over || over.id === drag.id) return new Map(drag.start);
    return this.#moveInOrder(drag.start, drag.id, readingOrder(drag.start).indexOf(over.id));
  }

  /**
   * The layout with tile `id` at position `to` in reading order, the others keeping their order:
   * one neighbour at a time, each step putting the later of the two at the earlier one's top left
   * (the earlier one is pushed below it).
   */
  #moveInOrder(layout: ReadonlyMap<string, Cell>, id: string, to: number): Map<string, Cell> {
    let next = new Map(layout);
    for (let guard = 0; guard < 2 * layout.size; guard++) {
      const order = readingOrder(next);
      const at = order.indexOf(id);
      if (at === to || at < 0) break;
      const other = order[at + (to > at ? 1 : -1)]!;
      const [first, second] = to > at ? [id, other] : [other, id];
      const a = next.get(first)!;
      next = moveCell(next, second, { ...next.get(second)!, x: a.x, y: a.y }, this.#options.columns());
    }
    return next;
  }

  /** Where the tiles stand on a one-column layout, read once when a drag begins. */
  #stack(grid: HTMLElement): Array<{ id: string; top: number; bottom: number }> {
    return [...grid.querySelectorAll<HTMLElement>('[data-cell-id]')]
      .filter((el) => el.parentElement === grid)
      .map((el) => {
        const rect = el.getBoundingClientRect();
        return { id: el.dataset.cellId!, top: rect.top, bottom: rect.bottom };
      });
  }

  /**
   * The grid's tracks as rendered: the column pitch from its computed columns and gap, the row
   * pitch from `grid-auto-rows` (or, when that is not a length, from the tile's own height).
   */
  #geometry(grid: HTMLElement, id?: string): Geometry {
    const style = getComputedStyle(grid);
    const rect = grid.getBoundingClientRect();
    const tracks = style.gridTemplateColumns.split(/\s+/).filter((t) => /^[\d.]+px$/.test(t));
    const columnGap = px(style.columnGap);
    const rowGap = px(style.rowGap);
    let rowHeight = px(style.gridAutoRows.split(/\s+/)[0] ?? '');
    if (rowHeight <= 0 && id !== undefined) {
      const el = [...grid.querySelectorAll<HTMLElement>('[data-cell-id]')].find((tile) => tile.dataset.cellId === id);
      const h = this.#options.layout().get(id)?.h ?? 1;
      if (el) rowHeight = (el.getBoundingClientRect().height - (h - 1) * rowGap) / h;
    }
    return {
      tracks: Math.max(1, tracks.length),
      left: rect.left + grid.clientLeft + px(style.paddingLeft),
      top: rect.top + grid.clientTop + px(style.paddingTop),
      pitchX: px(tracks[0] ?? '') + columnGap || 1,
      pitchY: rowHeight + rowGap || 1,
    };
  }

  /** The grid square under the pointer (columns within the grid, rows from 0 down). */
  #square(e: { clientX: number; clientY: number }, g: Geometry): { x: number; y: number } {
    return {
      x: Math.min(g.tracks - 1, Math.max(0, Math.floor((e.clientX - g.left) / g.pitchX))),
      y: Math.max(0, Math.floor((e.clientY - g.top) / g.pitchY)),
    };
  }

  // ---- keyboard ----

  #keyDown(e: KeyboardEvent, id: string, handle: Mode): void {
    const step = STEPS[e.key];
    if (!step || e.altKey || e.ctrlKey || e.metaKey || this.#drag) return;
    e.preventDefault();
    const layout = this.#options.layout();
    const cell = layout.get(id);
    if (!cell) return;
    const label = this.#options.label(id);
    const [dx, dy] = step;

    if (this.#stacked) {
      if (dy === 0) return;
      const order = readingOrder(layout);
      const to = order.indexOf(id) + dy;
      if (to < 0 || to >= order.length) return this.#announce(this.#messages.cannot(label));
      return this.#commitKeys(this.#moveInOrder(layout, id, to), id, 'move');
    }

    // Steps on the same handle build on the layout before the first step (see the class doc).
    const keys = this.#keys;
    const before = keys && keys.id === id && sameLayout(keys.after, layout) ? keys.before : layout;
    const mode: Mode = handle === 'resize' || e.shiftKey ? 'resize' : 'move';
    const to = mode === 'move' ? { ...cell, x: cell.x + dx, y: cell.y + dy } : { ...cell, w: cell.w + dx, h: cell.h + dy };
    const fitted = fitCell(to, this.#options.columns());
    if (fitted.x !== to.x || fitted.y !== to.y || fitted.w !== to.w || fitted.h !== to.h) return this.#announce(this.#messages.cannot(label));
    const next = moveCell(before, id, fitted, this.#options.columns());
    this.#keys = { id, before, after: next };
    this.#commitKeys(next, id, mode);
  }

  #commitKeys(next: Map<string, Cell>, id: string, mode: Mode): void {
    const handle = mode === 'resize' ? 'resize' : 'move';
    this.#options.onCommit(next, id);
    if (this.#keys?.id === id) this.#keys.after = next;
    this.#announceCell(id, mode, next);
    // A host that re-renders its tiles in a new order may move the focused handle out of the
    // document for a moment; give focus back to the same handle of the same tile.
    void this.#host.updateComplete.then(() => {
      const button = this.#handle(id, handle);
      const root = this.#host.shadowRoot;
      if (button && root && root.activeElement !== button) button.focus();
    });
  }

  #leaveKeys(id: string): void {
    if (this.#keys?.id === id) this.#keys = null;
  }

  // ---- remove ----

  #remove(id: string): void {
    const label = this.#options.label(id);
    const order = readingOrder(this.#options.layout());
    const index = order.indexOf(id);
    const neighbour = order[index + 1] ?? order[index - 1];
    this.#options.onRemove(id);
    this.#announce(this.#messages.removed(label));
    // Focus would fall to the page with the removed button; the next tile's move handle keeps it in the grid.
    void this.#host.updateComplete.then(() => {
      if (neighbour !== undefined) this.#handle(neighbour, 'move')?.focus();
    });
  }

  // ---- announcements ----

  #announceCell(id: string, mode: Mode, layout: ReadonlyMap<string, Cell>): void {
    const cell = layout.get(id);
    if (!cell) return;
    const label = this.#options.label(id);
    if (this.#stacked) {
      const order = readingOrder(layout);
      this.#announce(this.#messages.movedTo(label, order.indexOf(id) + 1, order.length));
    } else if (mode === 'move') this.#announce(this.#messages.moved(label, cell.x + 1, cell.y + 1));
    else this.#announce(this.#messages.resized(label, cell.w, cell.h));
  }

  #announce(text: string): void {
    // The same words twice must still be heard: a live region speaks only when its text changes.
    this.#announcement = text === this.#announcement ? `${text}\u00a0` : text;
    this.#host.requestUpdate();
  }

  #handle(id: string, handle: Mode): HTMLElement | null {
    const grid = this.#options.grid();
    const chrome = grid && [...grid.querySelectorAll<HTMLElement>('[data-grid-chrome]')].find((el) => el.dataset.gridChrome === id);
    return chrome?.querySelector<HTMLElement>(`[data-grid-handle="${handle}"]`) ?? null;
  }
}
