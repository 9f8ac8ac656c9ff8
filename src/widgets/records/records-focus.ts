import type { ReactiveControllerHost } from 'lit';
import type { RecordItem } from './records-model.js';

/**
 * Where keyboard focus is in a records table, by record key, not by element: rows come and go as
 * the table scrolls (only a window of them exists) and as live data adds, removes and reorders
 * records, and each time the focused row's element may be removed or moved, which drops focus.
 * This keeps the record and column that have focus, and puts focus back on them after each
 * render of the rows, without scrolling: the user's scroll position stays where it was.
 *
 * The active record is the one that takes Tab (roving tabindex); `col` is -1 for the row itself,
 * else the index of the focused cell.
 */
export class RecordFocus {
  key: string | null = null;
  col = -1;
  /** The active record's place in the last order seen: where focus goes if the record is removed. */
  #index = 0;
  /** Focus was in the rows when they were about to be rendered again. */
  #hadFocus = false;

  readonly #host: ReactiveControllerHost;
  readonly #body: () => HTMLElement | null;

  constructor(host: ReactiveControllerHost, body: () => HTMLElement | null) {
    this.#host = host;
    this.#body = body;
  }

  /** The active record in `shown`: the same key, else the record now at its place, else the first. */
  sync(shown: readonly RecordItem[]): void {
    let index = this.key === null ? -1 : shown.findIndex((r) => r.key === this.key);
    if (index < 0) index = Math.min(this.#index, shown.length - 1);
    this.#index = Math.max(0, index);
    this.key = shown[this.#index]?.key ?? null;
  }

  get index(): number {
    return this.#index;
  }

  /** A row or cell got focus (by keyboard, click or script): it is the active one now. */
  focused(target: Element, shown: readonly RecordItem[]): void {
    if (this.follow(target, shown)) this.#host.requestUpdate();
  }

  /**
   * Makes the row or cell that has focus the active one; true when that changed the active record.
   * The table also calls it before it reads new data: a page without focus (a background window)
   * moves focus without firing focus events, so `focused` alone may not have heard of it.
   */
  follow(target: Element | null, shown: readonly RecordItem[]): boolean {
    const row = target?.closest<HTMLElement>('.row[data-key]');
    if (!row) return false;
    const key = row.dataset.key!;
    const cell = target!.closest<HTMLElement>('.cell');
    this.col = cell ? Number(cell.dataset.col) : -1;
    if (key === this.key) return false;
    this.key = key;
    const at = shown.findIndex((r) => r.key === key);
    // The row says where it is (aria-rowindex counts the header row as 1) if the list has moved on.
    this.#index = Math.max(0, at >= 0 ? at : Number(row.getAttribute('aria-rowindex')) - 2 || 0);
    return true;
  }

  /** Moves the active record (and focus, once its row is rendered) to `index` of `shown`. */
  moveTo(index: number, shown: readonly RecordItem[]): void {
    this.#index = Math.max(0, Math.min(shown.length - 1, index));
    this.key = shown[this.#index]?.key ?? null;
    this.#hadFocus = true;
    this.#host.requestUpdate();
  }

  /** Called before the rows are rendered again: remembers whether focus is in them. */
  beforeRender(root: ShadowRoot): void {
    const body = this.#body();
    const active = root.activeElement;
    this.#hadFocus ||= !!(body && active && body.contains(active));
  }

  /**
   * Called after the rows were rendered: focus goes back to the active record's row or cell if it
   * was in the rows and has been lost; to the rows' container while the record is not rendered
   * (scrolled out of the window), so that arrow keys still work from it. Focus the user has taken
   * elsewhere on the page is left alone.
   */
  afterRender(root: ShadowRoot): void {
    if (!this.#hadFocus) return;
    const body = this.#body();
    if (!body) return;
    const active = root.activeElement;
    const elsewhere = !active && document.activeElement !== null && document.activeElement !== document.body;
    if (elsewhere) {
      this.#hadFocus = false;
      return;
    }
    const target = this.target(body);
    if (target) {
      this.#hadFocus = false;
      if (active !== target) target.focus({ preventScroll: true });
    } else if (!active || !body.contains(active)) {
      body.focus({ preventScroll: true });
    }
  }

  /** The element focus belongs on, if the active record's row is rendered. */
  target(body: HTMLElement): HTMLElement | null {
    if (this.key === null) return null;
    const row = [...body.querySelectorAll<HTMLElement>('.row[data-key]')].find((r) => r.dataset.key === this.key);
    if (!row || this.col < 0) return row ?? null;
    return row.querySelector<HTMLElement>(`.cell[data-col="${this.col}"]`) ?? row;
  }
}
