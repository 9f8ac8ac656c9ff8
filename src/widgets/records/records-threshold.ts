/**
 * Lists of up to this many records are drawn as plain rows; longer ones through the virtualizer,
 * whose code is loaded the first time a long list is shown.
 *
 * Measured (Chromium, main-thread time of one table, median of 5, rows of five columns, the
 * virtualizer's code already loaded): plain rows cost about 0.2 ms per row per render (first
 * render 9 ms at 10 rows, 12 at 50, 19 at 100, 40 at 200; a live update 4.7, 6.0, 9.1, 15), while
 * the virtualizer costs about the same at any length (11-15 ms first, 5.5-7 ms an update: its
 * observers and second render pass, around its window of about 20 rows). They cross at about 50
 * rows; below, the virtualizer is only overhead (it renders every row anyway); above, plain rows
 * cost more at every update. Loading its code (9 KiB gzipped, a few ms to evaluate) comes on top,
 * once per page, while the first rows show (see FIRST_WINDOW).
 */
export const PLAIN_MAX = 50;

/**
 * A long list goes back to plain rows only at this many records or fewer: one that hovers around
 * PLAIN_MAX does not swap all its rows at every update.
 */
export const PLAIN_AGAIN = 40;

/**
 * How many rows a long list shows plainly while the virtualizer's code loads (or when it cannot be
 * loaded): more than a tall tile's first screen, about what the virtualizer renders itself.
 */
export const FIRST_WINDOW = 30;

/** Whether a list of `count` records goes through the virtualizer, given whether it did until now. */
export function isLong(count: number, wasLong: boolean): boolean {
  return count > PLAIN_MAX || (wasLong && count > PLAIN_AGAIN);
}
