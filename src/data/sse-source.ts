import type { Observable } from 'rxjs';
import { QueryChannels } from './query-channels.js';
import { backoffDelay } from './backoff.js';
import { StatusChannel } from './source-status.js';
import type { MetricFrame, MetricQuery, MetricSource, SourceStatus } from './types.js';
import { type ToFrame, parseServerMessage, readFrame, warnDropped } from './wire-protocol.js';

export interface SseSourceOptions {
  /** The stream's URL (absolute or relative to the page); a function is called on each (re)connect. */
  url: string | (() => string);
  /** Maps the `frame` payload of a server message to a frame. */
  toFrame?: ToFrame;
  /** Send cookies to a stream on another origin. */
  withCredentials?: boolean;
  /** Waits after the browser gave up on the stream (an HTTP error): full jitter, capped. Defaults 1000 and 30000. */
  backoff?: { initialDelay?: number; maxDelay?: number; random?: () => number };
  /** The EventSource class; the browser's by default. */
  EventSource?: typeof EventSource;
}

/**
 * A live source over one Server-Sent Events stream that carries every query of the page.
 *
 * Wire format: the client opens `GET <url>?query=<key>&query=<key>…`, one `query` parameter per
 * distinct query, whose value is `queryKey(query)` — the query itself as canonical JSON, so the
 * server can `JSON.parse` it. Each event's `data:` is one `ServerMessage` as JSON:
 * `{"type":"frame","key":"<key>","frame":{…}}` or `{"type":"error","key":"<key>","message":"…"}`.
 * When the set of queries changes (a widget added, removed or switched; changes within one task
 * are batched), the stream is reopened with the new set.
 *
 * Reconnecting: when the stream drops, the browser reconnects after the server's `retry:` time and
 * sends `Last-Event-ID`, so a server that gives events an `id:` can resume instead of resending.
 * Meanwhile the source reports `reconnecting`. If the browser gives up (the server answered with
 * an HTTP error), the source asks once to learn why: HTTP 204 means "stop" — every query completes
 * and the source reports `closed`; anything else is retried with jittered backoff, passing the last
 * event id as `lastEventId=<id>` (a new EventSource cannot send the header).
 *
 * @example
 * registerSource('crm', sseSource({ url: '/api/metrics/stream' }));
 */
export function sseSource(options: SseSourceOptions): MetricSource {
  return new EventStream(options);
}

class EventStream implements MetricSource {
  readonly #status$ = new StatusChannel();
  readonly #channels = new QueryChannels({ opened: () => this.#scheduleSync(), closed: () => this.#scheduleSync() });
  #source: EventSource | null = null;
  /** The keys the open stream was asked for, in URL order. */
  #streamKeys: string[] = [];
  #lastEventId = '';
  #failures = 0;
  #syncTimer: ReturnType<typeof setTimeout> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #probe: AbortController | undefined;

  readonly #options: SseSourceOptions;

  constructor(options: SseSourceOptions) {
    this.#options = options;
  }

  query(q: MetricQuery): Observable<MetricFrame> {
    return this.#channels.observe(q);
  }

  status(): Observable<SourceStatus> {
    return this.#status$.observe();
  }

  /** Widgets subscribe one by one in the same task; open one stream for all of them. */
  #scheduleSync(): void {
    clearTimeout(this.#syncTimer);
    this.#syncTimer = setTimeout(() => this.#sync(), 0);
  }

  #sync(): void {
    const keys = this.#channels.entries().map(([key]) => key);
    if (keys.length === 0) return this.#close('idle');
    if (keys.join('\n') === this.#streamKeys.join('\n') && (this.#source || this.#retryTimer !== undefined || this.#probe)) return;
    this.#open(keys, false);
  }

  #open(keys: string[], resume: boolean): void {
    this.#stop();
    this.#streamKeys = keys;
    if (this.#status$.value.state === 'idle' || this.#status$.value.state === 'closed') this.#status$.set('connecting');
    const Source = this.#options.EventSource ?? EventSource;
    const url = streamUrl(this.#options.url, keys, resume ? this.#lastEventId : '');
    const source = new Source(url, { withCredentials: this.#options.withCredentials ?? false });
    this.#source = source;
    source.onopen = () => {
      this.#failures = 0;
      this.#status$.set('open');
    };
    source.onmessage = (event) => {
      if (event.lastEventId) this.#lastEventId = event.lastEventId;
      this.#receive(event.data);
    };
    source.onerror = () => {
      if (source !== this.#source) return;
      if (source.readyState === 0) this.#status$.set('reconnecting', { error: 'The connection was lost.' });
      else void this.#askWhyClosed(url);
    };
  }

  #receive(data: unknown): void {
    const message = parseServerMessage(data);
    if (typeof message === 'string') return warnDropped('sseSource', message);
    if (message.type === 'ping' || message.type === 'pong') return;
    const query = this.#channels.query(message.key);
    if (!query) {
      // A query that left a moment ago is still on this stream until it is reopened without it.
      if (!this.#streamKeys.includes(message.key)) warnDropped('sseSource', `no query has the key ${message.key}`);
      return;
    }
    if (message.type === 'error') {
      this.#channels.fail(message.key, new Error(message.message));
      this.#scheduleSync();
      return;
    }
    const frame = readFrame(message.frame, query, this.#options.toFrame);
    if (typeof frame === 'string') return warnDropped('sseSource', frame);
    this.#channels.deliver(message.key, frame);
  }

  /**
   * The browser gave up, and EventSource hides the HTTP status. One request tells "stop" (204)
   * from a failure worth retrying (a 502 while the server restarts, a network error).
   */
  async #askWhyClosed(url: string): Promise<void> {
    this.#source?.close();
    this.#source = null;
    const probe = (this.#probe = new AbortController());
    let status = 0;
    try {
      const response = await fetch(url, { headers: { Accept: 'text/event-stream' }, signal: probe.signal, cache: 'no-store', credentials: this.#options.withCredentials ? 'include' : 'same-origin' });
      status = response.status;
    } catch {
      // A network error: worth retrying.
    } finally {
      probe.abort();
    }
    if (probe !== this.#probe) return; // the query set changed meanwhile
    this.#probe = undefined;
    if (status === 204) {
      this.#close('closed');
      this.#channels.completeAll();
      return;
    }
    this.#failures++;
    const { initialDelay = 1000, maxDelay = 30_000, random = Math.random } = this.#options.backoff ?? {};
    const delay = backoffDelay(this.#failures, initialDelay, maxDelay, random);
    const error = status ? `The server answered HTTP ${status}.` : 'The server cannot be reached.';
    this.#status$.set('reconnecting', { error, retryAt: Date.now() + delay });
    const keys = this.#streamKeys;
    this.#retryTimer = setTimeout(() => this.#open(keys, true), delay);
  }

  #close(state: 'idle' | 'closed'): void {
    this.#stop();
    this.#streamKeys = [];
    this.#failures = 0;
    this.#status$.set(state, state === 'closed' ? { error: 'The server ended the stream.' } : {});
  }

  #stop(): void {
    this.#source?.close();
    this.#source = null;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#probe?.abort();
    this.#probe = undefined;
  }
}

/** `<url>?query=<key>&…[&lastEventId=<id>]`, keeping any parameters the URL already has. */
function streamUrl(url: SseSourceOptions['url'], keys: string[], lastEventId: string): string {
  const raw = typeof url === 'function' ? url() : url;
  const params = new URLSearchParams();
  for (const key of keys) params.append('query', key);
  if (lastEventId) params.set('lastEventId', lastEventId);
  return `${raw}${raw.includes('?') ? '&' : '?'}${params}`;
}
