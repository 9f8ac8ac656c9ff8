/**
 * Notices a connection that has gone quiet: `onSilent` runs when `limitMs` pass without `heard()`.
 * Kept by timestamp with one timer (set again for the rest of the wait when it finds something was
 * heard meanwhile), so a busy connection costs one assignment per message, not a timer.
 */
export class SilenceWatch {
  #lastHeard = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #limitMs = 0;
  #onSilent: (() => void) | undefined;

  /** Starts watching now; a limit of 0, NaN or Infinity never fires. */
  start(limitMs: number, onSilent: () => void): void {
    this.stop();
    if (!(limitMs > 0 && Number.isFinite(limitMs))) return;
    this.#limitMs = limitMs;
    this.#onSilent = onSilent;
    this.#lastHeard = Date.now();
    this.#arm(limitMs);
  }

  heard(): void {
    this.#lastHeard = Date.now();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#onSilent = undefined;
  }

  #arm(ms: number): void {
    this.#timer = setTimeout(() => {
      const left = this.#lastHeard + this.#limitMs - Date.now();
      if (left > 0) return this.#arm(left);
      const onSilent = this.#onSilent;
      this.stop();
      onSilent?.();
    }, ms);
  }
}
