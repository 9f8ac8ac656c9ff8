import type { Observable } from 'rxjs';
import { type CatalogOption, catalogMethod } from './fetch-catalog.js';
import { QueryChannels } from './query-channels.js';
import { type ReconnectBackoff, ReconnectWait } from './reconnect-wait.js';
import { HttpError, type ProblemKind } from './source-errors.js';
import { StatusChannel } from './source-status.js';
import type { CatalogEntry, MetricFrame, MetricQuery, MetricSource, SourceStatus } from './types.js';
import { type ClientMessage, type ToFrame, parseServerMessage, readFrame, warnDropped } from './wire-protocol.js';

export interface WebSocketSourceOptions {
  /** `ws(s)://`, `http(s)://` or a path on this site; a function is called on each (re)connect, e.g. to add a fresh token. */
  url: string | (() => string);
  protocols?: string | string[];
  /** Maps the `frame` payload of a server message to a frame. */
  toFrame?: ToFrame;
  /** Sends a ping this often (ms); a link silent for two of these counts as dead and is replaced. Default 20000. */
  heartbeatMs?: number;
  /** Reconnect waits: full jitter between 0 and initialDelay·2^(n−1), capped. Defaults 500 and 30000. */
  backoff?: ReconnectBackoff;
  /** Keeps the socket this long (ms) after the last query leaves, so a widget switching queries does not reconnect. Default 0. */
  lingerMs?: number;
  /**
   * Called when the server closes the socket with code 4401 ("unauthorized"), e.g. to refresh a
   * token that `url` (a function) then adds: the socket reconnects once, after the backoff's wait. Without it, or
   * when the next socket is closed with 4401 again, every query ends ("Session expired — sign in
   * again"). Code 4403 ("forbidden") ends every query at once. (A browser cannot see the HTTP
   * status of a refused upgrade, so servers say it with these close codes.)
   */
  onUnauthorized?: (error: HttpError) => unknown;
  /** The WebSocket class; the browser's by default. */
  WebSocket?: typeof WebSocket;
  /**
   * What `catalog()` lists, for a dashboard's "Add widget": the URL of a JSON list of
   * `{ metric, label, kinds, unit?, dimensions? }`, fetched with this site's cookies when
   * asked; or a function returning that list. Without it, the source lists nothing.
   */
  catalog?: CatalogOption;
}

/**
 * A live source over one WebSocket that carries every query of the page. The JSON protocol
 * (see `ServerMessage` and `ClientMessage`):
 *
 * - client → server: `{type:'subscribe', key, query}` for each distinct query (key = `queryKey(query)`),
 *   `{type:'unsubscribe', key}` when its last widget leaves, `{type:'ping'}` every `heartbeatMs`;
 * - server → client: `{type:'frame', key, frame}`, `{type:'error', key, message}` (ends that query),
 *   `{type:'ping'}` (answered with `{type:'pong'}`), `{type:'pong'}`.
 *
 * The socket opens with the first query and closes when none is left. When it drops, the source
 * reports `reconnecting` (widgets keep their numbers, marked stale), reconnects with jittered
 * exponential backoff (at once when the browser comes back `online` or the page is shown again),
 * subscribes every active query again, and reports `open`. The backoff starts over only once a
 * connection has proved itself — a first frame of data or heartbeat, or `heartbeatMs` open (an
 * `error` message proves nothing) — so a server that
 * accepts and closes at once is backed off like one that refuses (and the source reports `open`
 * only then). Every ping or pong confirms each
 * query's last frame as of now: unchanged numbers stay fresh without a render. Malformed messages
 * are dropped with a console warning; the socket stays.
 *
 * @example
 * registerSource('crm', webSocketSource({ url: 'wss://crm.example.com/metrics' }));
 */
export function webSocketSource(options: WebSocketSourceOptions): MetricSource {
  return new SocketConnection(options);
}

class SocketConnection implements MetricSource {
  readonly #status$ = new StatusChannel();
  readonly #channels = new QueryChannels({ opened: (key, query) => this.#opened(key, query), closed: (key) => this.#closed(key) });
  #socket: WebSocket | null = null;
  /**
   * `onUnauthorized` ran since the last socket that proved it was let in (a frame of data, or
   * `heartbeatMs` open): another 4401 ends the queries. A server's ping proves the link but not the
   * session — a server may ping and then refuse — so it does not count here.
   */
  #refreshed = false;
  /** The open socket has proved itself (a valid message, or open long enough). */
  #proven = false;
  #provenTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #wait: ReconnectWait;
  #lingerTimer: ReturnType<typeof setTimeout> | undefined;
  #heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  #heardSincePing = true;
  /** Keys unsubscribed on this socket: a frame already on its way for them is no surprise. */
  readonly #left = new Set<string>();

  readonly #options: WebSocketSourceOptions;
  /** What this source can answer (from the `catalog` option); absent without that option. */
  catalog?: () => Promise<readonly CatalogEntry[]>;

  constructor(options: WebSocketSourceOptions) {
    this.#options = options;
    const catalog = catalogMethod(options.catalog, 'webSocketSource', {});
    // Only with the option: without one there is no method ("this source does not list its metrics").
    if (catalog) this.catalog = catalog;
    this.#wait = new ReconnectWait(options.backoff, 500);
  }

  query(q: MetricQuery): Observable<MetricFrame> {
    return this.#channels.observe(q);
  }

  status(): Observable<SourceStatus> {
    return this.#status$.observe();
  }

  #opened(key: string, query: MetricQuery): void {
    clearTimeout(this.#lingerTimer);
    this.#left.delete(key);
    if (!this.#socket && !this.#wait.waiting) this.#connect();
    else this.#send({ type: 'subscribe', key, query });
  }

  #closed(key: string): void {
    this.#send({ type: 'unsubscribe', key });
    this.#left.add(key);
    if (this.#channels.size > 0) return;
    clearTimeout(this.#lingerTimer);
    this.#lingerTimer = setTimeout(() => this.#channels.size === 0 && this.#shutDown(), this.#options.lingerMs ?? 0);
  }

  #connect(): void {
    this.#wait.cancel();
    if (this.#wait.failures === 0) this.#status$.set('connecting');
    const Socket = this.#options.WebSocket ?? WebSocket;
    const socket = new Socket(socketUrl(this.#options.url), this.#options.protocols);
    this.#socket = socket;
    this.#proven = false;
    this.#left.clear();
    socket.onopen = () => {
      if (socket !== this.#socket) return;
      for (const [key, query] of this.#channels.entries()) this.#send({ type: 'subscribe', key, query });
      this.#startHeartbeat();
      // Open for a heartbeat's time without trouble counts as proof too (a server with nothing to say yet).
      clearTimeout(this.#provenTimer);
      this.#provenTimer = setTimeout(() => socket === this.#socket && this.#prove(true), this.#options.heartbeatMs ?? 20_000);
    };
    socket.onmessage = (event) => {
      if (socket !== this.#socket) return;
      this.#heardSincePing = true;
      this.#receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket !== this.#socket) return;
      this.#socket = null;
      this.#stopHeartbeat();
      if (event.code === 4401 || event.code === 4403) return void this.#refused(event.code === 4401 ? 401 : 403, event.reason);
      if (this.#channels.size > 0) this.#reconnectLater(event.reason || (event.wasClean ? 'The server closed the connection.' : 'The connection was lost.'));
      else this.#status$.set('idle');
    };
  }

  /**
   * The socket works (a frame of data, a heartbeat, or open long enough): the next failure starts
   * the backoff over. `accepted`: it carried data or stayed open, so the session is good too and a
   * later 4401 may refresh again.
   */
  #prove(accepted: boolean): void {
    if (accepted) {
      clearTimeout(this.#provenTimer);
      this.#refreshed = false;
    }
    if (this.#proven) return;
    this.#proven = true;
    this.#wait.proven();
    // Reported `open` once it proved itself: a socket accepted and closed at once never was.
    this.#status$.set('open');
  }

  /** The server refused us (4401, 4403): refresh once and reconnect, or end every query. */
  async #refused(status: 401 | 403, reason: string): Promise<void> {
    clearTimeout(this.#provenTimer);
    const error = new HttpError(status, reason || (status === 401 ? 'HTTP 401 Unauthorized' : 'HTTP 403 Forbidden'));
    if (status === 401 && this.#options.onUnauthorized && !this.#refreshed) {
      this.#refreshed = true;
      this.#status$.set('reconnecting', { error: error.message, kind: 'unauthorized' });
      let ok = true;
      try {
        await this.#options.onUnauthorized(error);
      } catch {
        ok = false;
      }
      if (this.#socket || this.#wait.waiting || this.#channels.size === 0) return;
      // With the renewed session at once: the refresh happens once until a connection proves
      // itself, so a server that refuses again ends the queries instead of being stormed.
      if (ok) return this.#connect();
    }
    const keys = this.#channels.entries().map(([key]) => key);
    this.#wait.reset();
    this.#refreshed = false;
    this.#status$.set('closed', { error: error.message, kind: status === 401 ? 'unauthorized' : 'forbidden' });
    for (const key of keys) this.#channels.fail(key, error);
  }

  #receive(data: unknown): void {
    const message = parseServerMessage(data);
    if (typeof message === 'string') return warnDropped('webSocketSource', message);
    if (message.type === 'ping' || message.type === 'pong') {
      // A heartbeat: the link is alive, and what every query has is current as of now. An `error`
      // or a message for no query proves nothing: a server that says one and closes is backed off.
      this.#prove(false);
      if (message.type === 'ping') this.#send({ type: 'pong' });
      return this.#channels.confirmAll(Date.now());
    }
    const query = this.#channels.query(message.key);
    if (!query) {
      if (!this.#left.has(message.key)) warnDropped('webSocketSource', `no query has the key ${message.key}`);
      return;
    }
    if (message.type === 'error') {
      this.#channels.fail(message.key, new Error(message.message));
      return;
    }
    const frame = readFrame(message.frame, query, this.#options.toFrame);
    if (typeof frame === 'string') return warnDropped('webSocketSource', frame);
    this.#prove(true);
    this.#channels.deliver(message.key, frame);
  }

  #reconnectLater(reason: string, kind: ProblemKind = 'unreachable'): void {
    clearTimeout(this.#provenTimer);
    // Back online, or the page shown again, cuts the wait short (see ReconnectWait).
    const retryAt = this.#wait.schedule(() => this.#connect());
    this.#status$.set('reconnecting', { error: reason, retryAt, kind });
  }

  /** No query is left: close the socket and forget every pending attempt. */
  #shutDown(): void {
    this.#wait.reset();
    this.#stopHeartbeat();
    clearTimeout(this.#provenTimer);
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'no queries left');
    this.#status$.set('idle');
  }

  #startHeartbeat(): void {
    this.#stopHeartbeat();
    this.#heardSincePing = true;
    this.#heartbeatTimer = setInterval(() => {
      const socket = this.#socket;
      if (!socket) return;
      if (!this.#heardSincePing) {
        // Nothing came back since the last ping: the link is dead even if the socket does not know yet.
        this.#socket = null;
        this.#stopHeartbeat();
        socket.close(4000, 'heartbeat timeout');
        this.#reconnectLater('The server stopped answering.');
        return;
      }
      this.#heardSincePing = false;
      this.#send({ type: 'ping' });
    }, this.#options.heartbeatMs ?? 20_000);
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeatTimer);
    this.#heartbeatTimer = undefined;
  }

  #send(message: ClientMessage): void {
    if (this.#socket?.readyState === 1) this.#socket.send(JSON.stringify(message));
  }
}

/** The socket URL for `url`, which may be relative to the page or use an http(s) scheme. */
function socketUrl(url: WebSocketSourceOptions['url']): string {
  const raw = typeof url === 'function' ? url() : url;
  const base = typeof location === 'undefined' ? undefined : location.href;
  const resolved = new URL(raw, base);
  if (resolved.protocol === 'http:') resolved.protocol = 'ws:';
  if (resolved.protocol === 'https:') resolved.protocol = 'wss:';
  return resolved.href;
}
