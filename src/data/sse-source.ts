import type { Observable } from 'rxjs';
import { type CatalogOption, catalogMethod } from './fetch-catalog.js';
import { QueryChannels } from './query-channels.js';
import { type ReconnectBackoff, ReconnectWait } from './reconnect-wait.js';
import { SilenceWatch } from './silence-watch.js';
import { HttpError, type ProblemKind, classifiedRetryable, httpErrorOf, problemKind, retryable as defaultRetryable } from './source-errors.js';
import { StatusChannel } from './source-status.js';
import type { CatalogEntry, MetricFrame, MetricQuery, MetricSource, SourceStatus } from './types.js';
import { type ToFrame, parseServerMessage, readFrame, warnDropped } from './wire-protocol.js';

export interface SseSourceOptions {
  /** The stream's URL (absolute or relative to the page); a function is called on each (re)connect, e.g. to add a fresh token. */
  url: string | (() => string);
  /** Maps the `frame` payload of a server message to a frame. */
  toFrame?: ToFrame;
  /** Send cookies to a stream on another origin. */
  withCredentials?: boolean;
  /** Waits between attempts: full jitter between 0 and initialDelay·2^(n−1), capped. Defaults 1000 and 30000. */
  backoff?: ReconnectBackoff;
  /**
   * A stream silent this long (ms) counts as stalled (a proxy that swallowed it): it is dropped and
   * reopened. Servers send a heartbeat event (`data: {"type":"ping"}`) more often than this; a
   * comment line does not count, since EventSource hides comments from the page. Default 45000; 0 never.
   */
  silenceMs?: number;
  /** Whether an HTTP failure of the stream is worth asking again; default `retryable` (401, 403, 404 stop). */
  retryable?: (error: unknown) => boolean;
  /**
   * Called when the stream is refused with `401 Unauthorized`, e.g. to refresh a token that `url`
   * (a function) then adds. The stream is opened again once after it settles; a second 401, or a
   * refresh that fails, ends every query ("Session expired — sign in again").
   */
  onUnauthorized?: (error: HttpError) => unknown;
  /** The EventSource class; the browser's by default. */
  EventSource?: typeof EventSource;
  /**
   * What `catalog()` lists, for a dashboard's "Add widget": the URL of a JSON list of
   * `{ metric, label, kinds, unit?, dimensions? }`, fetched with cookies when `withCredentials` is set when
   * asked; or a function returning that list. Without it, the source lists nothing.
   */
  catalog?: CatalogOption;
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
 * Liveness: `{"type":"ping"}` events are heartbeats. Each confirms every query's last frame as of
 * now (widgets keep unchanged numbers fresh without a render), and a stream silent for `silenceMs`
 * is dropped and reopened.
 *
 * Reconnecting: the source reconnects itself, with jittered exponential backoff (not the browser's
 * fixed `retry:`), passing the last event id as `lastEventId=<id>` so a server that gives events
 * an `id:` can resume instead of resending; meanwhile it reports `reconnecting`. The backoff starts
 * over only after a stream proved itself with a first message, so a server that accepts and closes
 * at once is backed off like one that refuses. A wait is cut short when the browser comes back
 * online or the page is shown again. When a stream is refused, one request learns why: HTTP 204
 * means "stop" — every query completes and the source reports `closed`; 401 calls `onUnauthorized`
 * and tries once more; errors that are not `retryable` (401, 403, 404) end every query with an
 * `HttpError`; others are retried, no sooner than their `Retry-After`.
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
  /** The open stream has sent something: it works, whatever happened to the ones before. */
  #proven = false;
  /** `onUnauthorized` ran since the last stream that proved itself: a second 401 ends the queries. */
  #refreshed = false;
  #syncTimer: ReturnType<typeof setTimeout> | undefined;
  #probe: AbortController | undefined;
  readonly #wait: ReconnectWait;
  readonly #silence = new SilenceWatch();

  readonly #options: SseSourceOptions;
  /** What this source can answer (from the `catalog` option); absent without that option. */
  catalog?: () => Promise<readonly CatalogEntry[]>;

  constructor(options: SseSourceOptions) {
    this.#options = options;
    const catalog = catalogMethod(options.catalog, 'sseSource', { credentials: options.withCredentials ? 'include' : 'same-origin' });
    // Only with the option: without one there is no method ("this source does not list its metrics").
    if (catalog) this.catalog = catalog;
    this.#wait = new ReconnectWait(options.backoff, 1000);
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
    if (keys.join('\n') === this.#streamKeys.join('\n') && (this.#source || this.#wait.waiting || this.#probe)) return;
    this.#open(keys, false);
  }

  #open(keys: string[], resume: boolean): void {
    this.#stop();
    this.#streamKeys = keys;
    this.#proven = false;
    if (this.#status$.value.state === 'idle' || this.#status$.value.state === 'closed') this.#status$.set('connecting');
    const Source = this.#options.EventSource ?? EventSource;
    const url = streamUrl(this.#options.url, keys, resume ? this.#lastEventId : '');
    const source = new Source(url, { withCredentials: this.#options.withCredentials ?? false });
    this.#source = source;
    // Watched from the request on, not from `open`: a server that never sends its headers leaves
    // the stream connecting for good otherwise. Reported `open` at its first message: a stream that
    // sends headers and nothing is not a link, and one that then says nothing is as good as none.
    this.#silence.start(this.#options.silenceMs ?? 45_000, () => this.#retry(new Error('The stream went silent.'), 'No data from the server.', 'stalled'));
    source.onmessage = (event) => {
      if (source !== this.#source) return;
      this.#silence.heard();
      if (event.lastEventId) this.#lastEventId = event.lastEventId;
      if (this.#receive(event.data) && !this.#proven) {
        this.#proven = true;
        this.#refreshed = false;
        this.#wait.proven();
        this.#status$.set('open');
      }
    };
    source.onerror = () => {
      if (source !== this.#source) return;
      // CLOSED: the browser gave up (an HTTP error, a wrong content type): learn why. CONNECTING:
      // the stream dropped; the browser would retry at the server's fixed `retry:` pace, forever —
      // the source retries itself instead, with backoff.
      if (source.readyState === 2) void this.#askWhyClosed(url);
      else this.#retry(new Error('The connection was lost.'), 'The connection was lost.');
    };
  }

  /**
   * Handles one event; true when it shows the stream works (a frame of data or a heartbeat), which
   * is what starts the backoff over. An `error`, a malformed message or an unknown key proves nothing:
   * a server that says one and closes is backed off like one that refuses.
   */
  #receive(data: unknown): boolean {
    const message = parseServerMessage(data);
    if (typeof message === 'string') return (warnDropped('sseSource', message), false);
    // A heartbeat: the stream is alive, and what every query has is current as of now.
    if (message.type === 'ping') return (this.#channels.confirmAll(Date.now()), true);
    if (message.type === 'pong') return true;
    const query = this.#channels.query(message.key);
    if (!query) {
      // A query that left a moment ago is still on this stream until it is reopened without it.
      if (!this.#streamKeys.includes(message.key)) warnDropped('sseSource', `no query has the key ${message.key}`);
      return false;
    }
    if (message.type === 'error') {
      this.#channels.fail(message.key, new Error(message.message));
      this.#scheduleSync();
      return false;
    }
    const frame = readFrame(message.frame, query, this.#options.toFrame);
    if (typeof frame === 'string') return (warnDropped('sseSource', frame), false);
    this.#channels.deliver(message.key, frame);
    return true;
  }

  /**
   * The browser gave up, and EventSource hides the HTTP status. One request tells "stop" (204)
   * from a refusal (401, 403, 404) and from a failure worth retrying (a 502 while the server
   * restarts, a 429 with its Retry-After, a network error).
   */
  async #askWhyClosed(url: string): Promise<void> {
    this.#source?.close();
    this.#source = null;
    this.#silence.stop();
    const probe = (this.#probe = new AbortController());
    let error: unknown = new TypeError('The server cannot be reached.');
    let status = 0;
    try {
      const response = await fetch(url, { headers: { Accept: 'text/event-stream' }, signal: probe.signal, cache: 'no-store', credentials: this.#options.withCredentials ? 'include' : 'same-origin' });
      status = response.status;
      if (status !== 200) error = httpErrorOf(response);
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
    if (status === 401 && this.#options.onUnauthorized && !this.#refreshed) {
      this.#refreshed = true;
      let ok = true;
      try {
        await this.#options.onUnauthorized(error as HttpError);
      } catch {
        ok = false;
      }
      // The query set may have changed, and a stream opened, while the refresh ran.
      if (!this.#streamKeys.length || this.#source || this.#probe || this.#wait.waiting) return;
      if (ok) return this.#open(this.#streamKeys, true);
    }
    if (!classifiedRetryable(this.#options.retryable ?? defaultRetryable, error)) return this.#failAll(error);
    this.#retry(error, status ? `The server answered HTTP ${status}.` : 'The server cannot be reached.');
  }

  /** Drops the stream and opens it again after the backoff, resuming after the last event. */
  #retry(error: unknown, reason: string, kind: ProblemKind = problemKind(error)): void {
    this.#stop();
    const keys = this.#streamKeys;
    const retryAt = this.#wait.schedule(() => this.#open(keys, true), error);
    this.#status$.set('reconnecting', { error: reason, retryAt, kind: kind === 'failed' ? 'unreachable' : kind });
  }

  /** A refusal that asking again will not heal: every query ends with it, and nothing is asked. */
  #failAll(error: unknown): void {
    const keys = this.#channels.entries().map(([key]) => key);
    this.#close('closed', error);
    for (const key of keys) this.#channels.fail(key, error as Error);
  }

  #close(state: 'idle' | 'closed', error?: unknown): void {
    this.#stop();
    this.#wait.reset();
    this.#streamKeys = [];
    this.#refreshed = false;
    if (state === 'idle') return this.#status$.set('idle');
    const kind = error === undefined ? undefined : problemKind(error);
    this.#status$.set('closed', { error: error instanceof Error ? error.message : 'The server ended the stream.', ...(kind ? { kind } : {}) });
  }

  #stop(): void {
    this.#source?.close();
    this.#source = null;
    this.#silence.stop();
    this.#wait.cancel();
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
