/**
 * Roving focus over a chart's marks: the chart is one Tab stop, arrow keys move between marks,
 * Home and End jump to the first and last, Enter (and Space on a button) activates. The active mark
 * is remembered by key, so when live data reorders the marks, focus stays with the same item.
 *
 * Marks carry `data-key`; the widget renders `tabindex=${focus.tabIndex(key, keys)}` on each and
 * forwards `keydown` and `focusin` from the chart.
 */
export class RovingFocus {
  #activeKey: string | null = null;

  /** 0 for the mark Tab reaches (the active one, else the first), -1 for the others. */
  tabIndex(key: string, keys: readonly string[]): 0 | -1 {
    const active = this.#activeKey !== null && keys.includes(this.#activeKey) ? this.#activeKey : keys[0];
    return key === active ? 0 : -1;
  }

  /** The key of the active mark (the one focus is on, or Tab reaches), once one was focused. */
  get active(): string | null {
    return this.#activeKey;
  }

  /** A mark got focus by click or Tab: it becomes the active one. */
  focused(key: string): void {
    this.#activeKey = key;
  }

  /**
   * Handles a key on the mark `key`. Moves focus within `root` and returns true when it did
   * something; calls `activate` on Enter, and on Space when `space` is true (buttons, not links).
   */
  keydown(e: KeyboardEvent, key: string, keys: readonly string[], root: ParentNode, activate: (key: string, e: KeyboardEvent) => void, space = true): boolean {
    const index = keys.indexOf(key);
    if (index < 0) return false;
    let next = index;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(keys.length - 1, index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = keys.length - 1;
        break;
      case 'Enter':
      case ' ':
        if (e.key === ' ' && !space) return false;
        e.preventDefault();
        activate(key, e);
        return true;
      default:
        return false;
    }
    e.preventDefault();
    const target = keys[next]!;
    this.#activeKey = target;
    const mark = [...root.querySelectorAll<HTMLElement | SVGElement>('[data-key]')].find((m) => m.dataset.key === target);
    mark?.focus();
    return true;
  }
}
