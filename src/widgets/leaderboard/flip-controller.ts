import type { ReactiveController, ReactiveControllerHost } from 'lit';

const FLIP = 'crm-flip';
const EASING = 'cubic-bezier(0.2, 0, 0, 1)';

interface FlipOptions {
  /** The rows, each with a `data-key` that identifies it across renders. */
  rows: () => Iterable<HTMLElement>;
  /** Milliseconds a move takes; 0 (reduced motion) moves rows without animating. */
  duration: () => number;
  /**
   * Whether this render may move rows: false when it draws the same rows in the same order,
   * so that no position is read (each read lays out the page) and moves in flight go on.
   */
  reorders?: () => boolean;
}

/**
 * Moves keyed rows to their new places smoothly when a render reorders them (FLIP: First, Last,
 * Invert, Play). Before the render it reads where each row is on screen, after it where each row
 * landed, and plays a transform-only Web Animation from the old place to the new one, so nothing
 * is laid out again while the rows glide, and no `style` attribute is written (strict CSP allows
 * `element.animate`). Reads and writes are batched: one layout per render, however many rows.
 * A move during a move starts from where the row is drawn at that moment.
 */
export class FlipController implements ReactiveController {
  #before = new Map<string, number>();
  /** Moves in flight, by row: asking an element for its animations walks every animation on the page. */
  #running = new Map<HTMLElement, Animation>();

  readonly #options: FlipOptions;

  constructor(host: ReactiveControllerHost, options: FlipOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#running.clear();
  }

  /** Rows stay where they are in this render: nothing is read or played. */
  #still = false;

  hostUpdate(): void {
    this.#before.clear();
    this.#still = this.#options.reorders?.() === false;
    if (this.#still || this.#options.duration() <= 0) return;
    for (const row of this.#options.rows()) this.#before.set(row.dataset.key!, row.getBoundingClientRect().top);
  }

  hostUpdated(): void {
    if (this.#still) return;
    const rows = [...this.#options.rows()];
    if (rows.length === 0) return;
    const duration = this.#options.duration();
    // Stop moves in flight first, so the positions read next are where rows are laid out.
    for (const animation of this.#running.values()) animation.cancel();
    this.#running.clear();
    if (duration <= 0 || this.#before.size === 0) return;
    const moves = rows.map((row) => ({ row, from: this.#before.get(row.dataset.key!), to: row.getBoundingClientRect().top }));
    for (const { row, from, to } of moves) {
      const keyframes =
        from === undefined
          ? [{ opacity: 0 }, { opacity: 1 }] // a row that just arrived fades in where it belongs
          : Math.abs(from - to) >= 0.5
            ? [{ transform: `translateY(${from - to}px)` }, { transform: 'none' }]
            : null;
      if (!keyframes) continue;
      const animation = row.animate(keyframes, { id: FLIP, duration, easing: EASING });
      this.#running.set(row, animation);
      animation.onfinish = () => this.#running.delete(row);
    }
  }
}

/** A CSS time (`400ms`, `0.4s`) in milliseconds; 0 for anything else. */
export function cssTimeMs(text: string): number {
  const match = /^\s*(-?[\d.]+)(ms|s)\s*$/.exec(text);
  if (!match) return 0;
  const n = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  return Number.isFinite(n) && n > 0 ? n : 0;
}
