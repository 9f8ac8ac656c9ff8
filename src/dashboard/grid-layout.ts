import type { Cell } from './dashboard-config.js';

/**
 * Placement of dashboard tiles on a grid of `columns` columns and unbounded rows: pure functions,
 * no DOM. A cell is `{ x, y, w, h }` in grid units, `x`/`y` counted from 0.
 *
 * The layout keeps what the user arranged: a free cell stays exactly where the config put it (gaps
 * included), so a config saved from edit mode reads back as the same dashboard. Only overlaps move,
 * and they move down, the way a tile pushed by another falls below it.
 */

export type { Cell };

/** One tile to place: `placed: false` puts it in the first free place instead of its `x`/`y`. */
export interface LayoutItem {
  readonly id: string;
  readonly cell: Cell;
  readonly placed: boolean;
}

const MAX_COLUMNS = 24;

const whole = (value: number, fallback: number) => (Number.isFinite(value) ? Math.round(value) : fallback);

/** `columns` as a whole number in 1..24; anything unusable reads as the default 12. */
export function gridColumns(columns: number): number {
  return Math.min(MAX_COLUMNS, Math.max(1, whole(columns, 12)));
}

/** The cell as whole grid units that fit: w in 1..columns, h ≥ 1, x so the tile fits, y ≥ 0. */
export function fitCell(cell: Cell, columns: number): Cell {
  const cols = gridColumns(columns);
  const w = Math.min(cols, Math.max(1, whole(cell.w, 1)));
  const h = Math.max(1, whole(cell.h, 1));
  return { x: Math.min(cols - w, Math.max(0, whole(cell.x, 0))), y: Math.max(0, whole(cell.y, 0)), w, h };
}

/** Whether two cells share at least one grid square. */
export function cellsOverlap(a: Cell, b: Cell): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const fits = (cell: Cell, taken: Iterable<Cell>) => {
  for (const other of taken) if (cellsOverlap(cell, other)) return false;
  return true;
};

/** The first row at or below `cell.y` where the cell, kept in its columns, overlaps nothing taken. */
function firstFreeRowBelow(cell: Cell, taken: readonly Cell[]): Cell {
  let y = cell.y;
  // Each failed try jumps below the lowest bottom of what it hit, so this ends after ≤ taken.length tries.
  for (;;) {
    const at = { ...cell, y };
    const hits = taken.filter((other) => cellsOverlap(at, other));
    if (hits.length === 0) return at;
    y = Math.min(...hits.map((other) => other.y + other.h));
  }
}

/** The first place, row by row and then left to right, where a `w`×`h` tile overlaps nothing taken. */
function firstFreePlace(w: number, h: number, taken: readonly Cell[], columns: number): Cell {
  const bottom = taken.reduce((lowest, cell) => Math.max(lowest, cell.y + cell.h), 0);
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x + w <= columns; x++) {
      const at = { x, y, w, h };
      if (fits(at, taken)) return at;
    }
  }
  return { x: 0, y: bottom, w, h };
}

/** Orders cells as a reader sees them: top to bottom, then left to right (stable for ties). */
const readingOrder = <T extends { cell: Cell }>(entries: T[]) =>
  entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.cell.y - b.entry.cell.y || a.entry.cell.x - b.entry.cell.x || a.index - b.index)
    .map(({ entry }) => entry);

/**
 * Final cells for every item, keyed by id in input order (a repeated id keeps its first entry).
 * Placed cells are kept where they are free, taken in reading order (y, then x, then input order);
 * a cell that overlaps one taken before it moves down to the first free row in its columns.
 * Unplaced items then take the first free place row by row, left to right. Widths are clamped to
 * `columns`. The same input always gives the same layout, and a layout this returns comes back
 * unchanged when given again.
 *
 * @example
 * layoutCells([{ id: 'a', cell: { x: 0, y: 0, w: 6, h: 2 }, placed: true },
 *              { id: 'b', cell: { x: 0, y: 0, w: 6, h: 2 }, placed: false }], 12)
 * // a → { x: 0, y: 0, w: 6, h: 2 }, b → { x: 6, y: 0, w: 6, h: 2 }
 */
export function layoutCells(items: ReadonlyArray<LayoutItem>, columns: number): Map<string, Cell> {
  const cols = gridColumns(columns);
  const seen = new Set<string>();
  const unique = items.filter((item) => !seen.has(item.id) && seen.add(item.id));
  const fitted = unique.map((item) => ({ id: item.id, placed: item.placed, cell: fitCell(item.cell, cols) }));

  const result = new Map<string, Cell>();
  const taken: Cell[] = [];
  for (const item of readingOrder(fitted.filter((item) => item.placed))) {
    const cell = firstFreeRowBelow(item.cell, taken);
    taken.push(cell);
    result.set(item.id, cell);
  }
  for (const item of fitted.filter((item) => !item.placed)) {
    const cell = firstFreePlace(item.cell.w, item.cell.h, taken, cols);
    taken.push(cell);
    result.set(item.id, cell);
  }
  // In input order, so a caller iterating the map meets the tiles as the config lists them.
  return new Map(unique.map((item) => [item.id, result.get(item.id)!]));
}

/**
 * The layout after moving or resizing tile `id` to `cell`: the tile takes exactly that place (fitted
 * to the grid) and the others get out of its way.
 *
 * - A tile the moved one lands on goes below it (the first free row in its columns), and so on down
 *   for every tile that one lands on: order from top to bottom is kept.
 * - Except when a tile is moved down onto one below it: that one takes the space just above the
 *   moved tile if it is free, so dragging a tile past its neighbour swaps them instead of pushing
 *   the neighbour on ahead of it forever.
 * - Tiles nothing lands on stay where they are.
 *
 * Meant to be called with the layout as it was when a drag began (not the last preview), so a
 * tile pushed aside returns as soon as the dragged one moves on.
 */
export function moveCell(layout: ReadonlyMap<string, Cell>, id: string, cell: Cell, columns: number): Map<string, Cell> {
  const cols = gridColumns(columns);
  const from = layout.get(id);
  if (!from) return new Map([...layout].map(([key, value]) => [key, fitCell(value, cols)]));
  const target = fitCell(cell, cols);
  const movedDown = target.w === from.w && target.h === from.h && target.y > from.y;

  const others = readingOrder([...layout].filter(([key]) => key !== id).map(([key, value]) => ({ id: key, cell: fitCell(value, cols) })));
  const taken: Cell[] = [target];
  const placed = new Map<string, Cell>([[id, target]]);
  others.forEach((other, index) => {
    if (fits(other.cell, taken)) {
      taken.push(other.cell);
      placed.set(other.id, other.cell);
      return;
    }
    let cell: Cell | null = null;
    if (movedDown && other.cell.y > from.y && cellsOverlap(other.cell, target)) {
      // Just above the moved tile, if nothing placed or still to come is there.
      const above = { ...other.cell, y: target.y - other.cell.h };
      const waiting = others.slice(index + 1).map((next) => next.cell);
      if (above.y >= 0 && fits(above, taken) && fits(above, waiting)) cell = above;
    }
    cell ??= firstFreeRowBelow(other.cell, taken);
    taken.push(cell);
    placed.set(other.id, cell);
  });
  return new Map([...layout.keys()].map((key) => [key, placed.get(key)!]));
}

/** The number of rows a layout uses (the bottom of its lowest tile). */
export function layoutRows(layout: ReadonlyMap<string, Cell>): number {
  let rows = 0;
  for (const cell of layout.values()) rows = Math.max(rows, cell.y + cell.h);
  return rows;
}
