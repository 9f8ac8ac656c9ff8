import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Connected hosts whose width has not been read yet. */
const unmeasured = new Set<WidthController>();

/**
 * The host's content width, kept current with a ResizeObserver; the host updates when it changes.
 *
 * The observer reports only after the first render has been laid out, which would draw every
 * widget once at no width and again, a frame later, at its width (a narrow leaderboard showed
 * its long numbers for a frame before the short ones). So the first render reads the width
 * itself: the first host to ask reads the width of every host still waiting for one, before any
 * of them has rendered, so that a dashboard costs one layout of the page, not one per widget.
 */
export class WidthController implements ReactiveController {
  #observer: ResizeObserver | undefined;
  #measured = 0;

  readonly #host: ReactiveControllerHost & Element;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  /** The host's content width in px, rounded; 0 while it has none (not laid out, hidden). */
  get width(): number {
    if (unmeasured.has(this)) {
      for (const controller of unmeasured) controller.#measured = Math.round(controller.#host.getBoundingClientRect().width);
      unmeasured.clear();
    }
    return this.#measured;
  }

  hostConnected(): void {
    unmeasured.add(this);
    this.#observer = new ResizeObserver((entries) => {
      unmeasured.delete(this);
      const width = Math.round(entries[entries.length - 1]!.contentRect.width);
      if (width !== this.#measured) {
        this.#measured = width;
        this.#host.requestUpdate();
      }
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    unmeasured.delete(this);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }
}
