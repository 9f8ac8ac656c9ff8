import { Observable } from 'rxjs';
import type { Sink } from './producer.js';
import { queryHub } from './query-hub.js';
import { queryKey } from './query-key.js';
import type { MetricFrame, MetricQuery, MetricSource } from './types.js';

/** What the connection carries for one query: the hub's one upstream listener and the last frame. */
interface Channel {
  query: MetricQuery;
  sink: Sink<MetricFrame>;
  last: MetricFrame | null;
  /**
   * The `asOf` of the last frame of data, in the source's own clock. Replays are checked against
   * it, never against a confirmation's `asOf` (the browser's clock, which may run ahead of the
   * server's): a real change must not be dropped as older than a heartbeat.
   */
  dataAsOf: number;
}

export interface ChannelHooks {
  /** The first subscriber for `key` arrived: ask the server for it. */
  opened(key: string, query: MetricQuery): void;
  /** The last subscriber for `key` left (not called when the server ended the query). */
  closed(key: string): void;
}

/**
 * The queries a push connection carries. Subscribers share through a `queryHub`, so there is one
 * channel per distinct query however many subscribe, and the latest frame is replayed to late
 * subscribers; a frame older than the one already delivered (a replay after a reconnect) is skipped.
 * A heartbeat confirms every query's last frame (`confirmAll`).
 */
export class QueryChannels {
  readonly #channels = new Map<string, Channel>();
  // The hub asks this "source" once per distinct query and lets go when the last subscriber leaves.
  // It only ever subscribes to what `query` returns, so a bare subscribable is enough.
  readonly #hub = queryHub({
    query: (query) =>
      ({
        subscribe: (sink: Sink<MetricFrame>) => {
          const key = queryKey(query);
          const channel: Channel = { query, sink, last: null, dataAsOf: -Infinity };
          this.#channels.set(key, channel);
          this.#hooks.opened(key, query);
          return {
            unsubscribe: () => {
              if (this.#channels.get(key) !== channel) return;
              this.#channels.delete(key);
              this.#hooks.closed(key);
            },
          };
        },
      }) as unknown as Observable<MetricFrame>,
  } satisfies MetricSource);

  readonly #hooks: ChannelHooks;

  constructor(hooks: ChannelHooks) {
    this.#hooks = hooks;
  }

  get size(): number {
    return this.#channels.size;
  }

  /** Every query currently subscribed, by key: what a reconnect must ask for again. */
  entries(): Array<[key: string, query: MetricQuery]> {
    return [...this.#channels].map(([key, channel]) => [key, channel.query]);
  }

  query(key: string): MetricQuery | undefined {
    return this.#channels.get(key)?.query;
  }

  observe(query: MetricQuery): Observable<MetricFrame> {
    return new Observable<MetricFrame>((subscriber) => this.#hub.query(query)(subscriber));
  }

  /** Hands a frame to every subscriber of `key`; false when nobody subscribed to it. */
  deliver(key: string, frame: MetricFrame): boolean {
    const channel = this.#channels.get(key);
    if (!channel) return false;
    if (frame.asOf < channel.dataAsOf) return true;
    channel.dataAsOf = frame.asOf;
    // A confirmation may already have said a later time (the browser's clock): "as of" never goes back.
    const shown = channel.last && channel.last.asOf > frame.asOf ? { ...frame, asOf: channel.last.asOf } : frame;
    channel.last = shown;
    channel.sink.next(shown);
    return true;
  }

  /**
   * The connection proved alive (a heartbeat): every query that has a frame gets it again as of
   * `at`, with the same rows — a confirmation, which widgets take as "still current" and render
   * nothing for.
   */
  confirmAll(at: number): void {
    for (const [key, channel] of [...this.#channels]) {
      const last = channel.last;
      // A subscriber may have left, or failed another query, while an earlier one handled its frame.
      if (!last || at <= last.asOf || this.#channels.get(key) !== channel) continue;
      channel.last = { ...last, asOf: at };
      channel.sink.next(channel.last);
    }
  }

  /** Ends `key` with an error: the server refused or dropped the query. */
  fail(key: string, error: Error): boolean {
    const channel = this.#channels.get(key);
    if (!channel) return false;
    this.#channels.delete(key);
    channel.sink.error(error);
    return true;
  }

  /** Ends every query: the server said there is nothing more to send. */
  completeAll(): void {
    const all = [...this.#channels.values()];
    this.#channels.clear();
    for (const channel of all) channel.sink.complete();
  }
}
