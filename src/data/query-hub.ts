import { type Cancel, type Producer, type Sink, producerOf } from './producer.js';
import { queryKey } from './query-key.js';
import { asConfirmation } from './same-frame.js';
import type { MetricFrame, MetricQuery, MetricSource } from './types.js';

/** One source's queries, shared: identical queries (by `queryKey`) use one upstream subscription. */
export interface QueryHub {
  query(q: MetricQuery): Producer<MetricFrame>;
}

/** One upstream subscription and everyone listening to it. */
interface Channel {
  readonly sinks: Set<{ sink: Sink<MetricFrame> }>;
  latest: { frame: MetricFrame } | undefined;
  stop: Cancel | undefined;
}

const hubs = new WeakMap<MetricSource, QueryHub>();

/**
 * The hub of `source`, one per source object, so every widget on the page shares through the same
 * one. Ref-counted per query: the first listener opens the upstream subscription, later ones get the
 * latest frame at once, and the last to leave closes it. An error or a completion reaches every
 * listener and ends the subscription; the next listener opens a new one. A frame that says the same as
 * the one before (its `asOf` aside) is passed on as a confirmation: with the rows and fields of the
 * one before, the very same arrays. The plain core of `shareQueries`.
 */
export function queryHub(source: MetricSource): QueryHub {
  let hub = hubs.get(source);
  if (!hub) {
    const channels = new Map<string, Channel>();
    hub = { query: (q) => listenTo(channels, queryKey(q), producerOf(() => source.query(q))) };
    hubs.set(source, hub);
  }
  return hub;
}

/** Makes `view` (a wrapper whose queries go through `hub`) share that hub instead of getting its own. */
export function shareHubAs(view: MetricSource, hub: QueryHub): void {
  hubs.set(view, hub);
}

function listenTo(channels: Map<string, Channel>, key: string, upstream: Producer<MetricFrame>): Producer<MetricFrame> {
  return (sink) => {
    const entry = { sink };
    let channel = channels.get(key);
    if (channel) {
      channel.sinks.add(entry);
      if (channel.latest) sink.next(channel.latest.frame);
    } else {
      channel = open(channels, key, entry, upstream);
    }
    const joined = channel;
    return () => {
      if (!joined.sinks.delete(entry) || joined.sinks.size > 0 || channels.get(key) !== joined) return;
      channels.delete(key);
      joined.stop?.();
    };
  };
}

function open(channels: Map<string, Channel>, key: string, first: { sink: Sink<MetricFrame> }, upstream: Producer<MetricFrame>): Channel {
  const channel: Channel = { sinks: new Set([first]), latest: undefined, stop: undefined };
  channels.set(key, channel);
  // Everyone listening when it happened, minus those who left while an earlier one handled it.
  // One listener that throws must not cost the others their frame: its error is reported apart.
  const each = (deliver: (sink: Sink<MetricFrame>) => void) => {
    for (const entry of [...channel.sinks]) {
      if (!channel.sinks.has(entry)) continue;
      try {
        deliver(entry.sink);
      } catch (error) {
        reportLater(error);
      }
    }
  };
  // An ended channel is forgotten before its listeners hear of it, so one that asks again at once
  // opens a new upstream subscription instead of joining the dead one.
  const end = (deliver: (sink: Sink<MetricFrame>) => void) => {
    if (channels.get(key) === channel) channels.delete(key);
    each(deliver);
    channel.sinks.clear();
  };
  const stop = upstream({
    next: (received) => {
      // A frame equal to the last one only confirms it: it is passed on with the last one's rows,
      // so every listener tells it from new data by reference, without comparing again.
      const frame = asConfirmation(channel.latest?.frame, received);
      channel.latest = { frame };
      each((sink) => sink.next(frame));
    },
    error: (error) => end((sink) => sink.error(error)),
    complete: () => end((sink) => sink.complete()),
  });
  // Everyone may have left, or the upstream ended, while it still emitted synchronously.
  if (channels.get(key) === channel) channel.stop = stop;
  else stop();
  return channel;
}

/** Rethrows outside the delivery loop, where the page's error handlers see it. */
function reportLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}
