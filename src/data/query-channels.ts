import { Observable, type Subscriber } from 'rxjs';
import { queryKey } from './query-key.js';
import type { MetricFrame, MetricQuery } from './types.js';

interface Channel {
  query: MetricQuery;
  subscribers: Set<Subscriber<MetricFrame>>;
  last: MetricFrame | undefined;
}

export interface ChannelHooks {
  /** The first subscriber for `key` arrived: ask the server for it. */
  opened(key: string, query: MetricQuery): void;
  /** The last subscriber for `key` left (not called when the server ended the query). */
  closed(key: string): void;
}

/**
 * The queries a push connection carries, ref-counted by query key: one upstream subscription per
 * distinct query however many subscribe, the latest frame replayed to late subscribers, and a
 * frame older than the one already delivered (a replay after a reconnect) skipped.
 */
export class QueryChannels {
  private readonly channels = new Map<string, Channel>();

  constructor(private readonly hooks: ChannelHooks) {}

  get size(): number {
    return this.channels.size;
  }

  /** Every query currently subscribed, by key: what a reconnect must ask for again. */
  entries(): Array<[key: string, query: MetricQuery]> {
    return [...this.channels].map(([key, channel]) => [key, channel.query]);
  }

  has(key: string): boolean {
    return this.channels.has(key);
  }

  query(key: string): MetricQuery | undefined {
    return this.channels.get(key)?.query;
  }

  observe(query: MetricQuery): Observable<MetricFrame> {
    return new Observable<MetricFrame>((subscriber) => {
      const key = queryKey(query);
      let channel = this.channels.get(key);
      const first = !channel;
      if (!channel) this.channels.set(key, (channel = { query, subscribers: new Set(), last: undefined }));
      channel.subscribers.add(subscriber);
      if (channel.last) subscriber.next(channel.last);
      if (first) this.hooks.opened(key, query);
      const mine = channel;
      return () => {
        mine.subscribers.delete(subscriber);
        if (mine.subscribers.size > 0 || this.channels.get(key) !== mine) return;
        this.channels.delete(key);
        this.hooks.closed(key);
      };
    });
  }

  /** Hands a frame to every subscriber of `key`; false when nobody subscribed to it. */
  deliver(key: string, frame: MetricFrame): boolean {
    const channel = this.channels.get(key);
    if (!channel) return false;
    if (channel.last && frame.asOf < channel.last.asOf) return true;
    channel.last = frame;
    for (const subscriber of [...channel.subscribers]) subscriber.next(frame);
    return true;
  }

  /** Ends `key` with an error: the server refused or dropped the query. */
  fail(key: string, error: Error): boolean {
    const channel = this.channels.get(key);
    if (!channel) return false;
    this.channels.delete(key);
    for (const subscriber of [...channel.subscribers]) subscriber.error(error);
    return true;
  }

  /** Ends every query: the server said there is nothing more to send. */
  completeAll(): void {
    const all = [...this.channels.values()];
    this.channels.clear();
    for (const channel of all) for (const subscriber of [...channel.subscribers]) subscriber.complete();
  }
}
