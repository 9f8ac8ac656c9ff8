import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Text for an `aria-live="polite"` region, changed at most once per `minInterval` ms: a live KPI
 * that ticks every second must not talk over everything else a screen reader says. Between
 * announcements only the latest text is kept.
 */
export class PoliteAnnouncer implements ReactiveController {
  /** What the live region says now. */
  text = '';
  #lastAt = -Infinity;
  #pending: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #minInterval: number;

  constructor(host: ReactiveControllerHost, minInterval = 5000) {
    this.#host = host;
    this.#minInterval = minInterval;
    host.addController(this);
  }

  announce(text: string): void {
    if (text === this.text && this.#pending === null) return;
    const wait = this.#lastAt + this.#minInterval - performance.now();
    if (wait <= 0) {
      this.#say(text);
      return;
    }
    this.#pending = text;
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      if (this.#pending !== null) this.#say(this.#pending);
    }, wait);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = null;
  }

  #say(text: string): void {
    this.#pending = null;
    this.#lastAt = performance.now();
    if (text === this.text) return;
    this.text = text;
    this.#host.requestUpdate();
  }
}
