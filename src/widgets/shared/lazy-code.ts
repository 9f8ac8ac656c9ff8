import { html } from 'lit';
import type { StateMessages } from '../../format/state-messages.js';

/** A tile that shows a lazily loaded view. */
type Host = { requestUpdate(): void; readonly isConnected?: boolean };

/**
 * Code a widget loads the first time it shows a view most tiles never show (a dynamic `import()`,
 * which bundlers split into a file of its own): `code` once it has arrived; `load(host)` asks for
 * it and draws `host` again when it has arrived or failed. A failed load is logged, shown in words
 * with a Retry button (`placeholder`), and asked for again only by that button: a page that cannot
 * fetch the file would otherwise ask, and warn, at every update.
 */
export class LazyCode<T> {
  code: T | undefined;
  failed = false;
  #loading: Promise<unknown> | undefined;
  /** Every host that asked since the last answer: all draw again when the code arrives or fails. */
  readonly #waiting = new Set<Host>();
  readonly #load: () => Promise<T>;
  readonly #what: string;

  constructor(load: () => Promise<T>, what: string) {
    this.#load = load;
    this.#what = what;
  }

  /**
   * Asks for the code (once; again after a failure only with `retry`), then draws `host` again,
   * and every other host that asked meanwhile: after one tile's Retry succeeds, the other tiles
   * that show the failure draw their views too.
   */
  load(host: Host, retry = false): void {
    // Tiles taken out of the page since they asked are not kept (nor drawn) for an answer.
    for (const waiting of this.#waiting) if (waiting.isConnected === false) this.#waiting.delete(waiting);
    this.#waiting.add(host);
    if (this.failed && !retry) return;
    // Retry: the skeleton again while the code is asked for.
    if (this.failed) for (const waiting of this.#waiting) waiting.requestUpdate();
    this.failed = false;
    this.#loading ??= this.#load().then(
      (code) => {
        this.code = code;
        this.#answered();
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.failed = true;
        console.warn(`crm-pulse: could not load ${this.#what}`, error);
        this.#answered();
      },
    );
  }

  /** Draws every host that asked. After a failure, those still showing it ask again as they render. */
  #answered(): void {
    const hosts = [...this.#waiting];
    this.#waiting.clear();
    for (const host of hosts) host.requestUpdate();
  }

  /**
   * The plot's place until the code is there: a skeleton while it loads (the numbers are in the
   * header and the data table already), or why it is missing and a Retry button.
   */
  placeholder(host: Host, m: StateMessages) {
    return this.failed
      ? html`<div class="state-view" part="error" role="alert">${m.chartFailed}<button class="retry" part="retry" @click=${() => this.load(host, true)}>${m.retry}</button></div>`
      : html`<div class="state-view" part="loading" aria-busy="true"><span class="skeleton skeleton-short"></span><span class="skeleton skeleton-long"></span></div>`;
  }
}
