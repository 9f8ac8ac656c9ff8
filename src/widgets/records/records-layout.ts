import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/**
 * The virtualizer's flow layout, rendering 400 px of rows beyond each edge of the view instead of
 * its default 1000 px. A jump far down a long table (the scrollbar dragged, End) replaces every
 * rendered row at once: with 1000 px that was about 60 rows, whose styling and layout made a task
 * of 90 ms and more on a slow or busy machine; 400 px (about ten rows each side, a page for
 * Page Up / Page Down) keeps such a jump to about half as many rows.
 */
export class RecordsLayout extends FlowLayout {
  protected override _overhang = 400;

  /**
   * The rows' height in pixels, when the table knows it (it had plain rows before): the first
   * layout's estimate, instead of the flow layout's 100 px, so that a scroll position taken over
   * from the plain rows lands on the same record before a row has been measured.
   */
  set rowHeight(px: number) {
    if (px > 0) this._itemSize = { width: px, height: px };
  }
}
