import { type Client, type FormattedExecutionResult, type SubscribePayload, createClient } from 'graphql-ws/client';
import type { Observable } from 'rxjs';
import { GraphqlError } from './graphql-error.js';
import { guardedWebSocket } from './graphql-socket-guard.js';
import { QueryChannels } from './query-channels.js';
import { type ReconnectBackoff, ReconnectWait } from './reconnect-wait.js';
import { HttpError, type ProblemKind } from './source-errors.js';
import { StatusChannel } from './source-status.js';
import type { MetricFrame, MetricQuery, MetricSource, SourceStatus } from './types.js';
import { readFrame, warnDropped } from './wire-protocol.js';

export { GraphqlError, type GraphqlErrorEntry } from './graphql-error.js';

/** A GraphQL document: its text, or a parsed document that kept its source (what `gql` tags return). */
export type GraphqlDocument = string | { loc?: { source: { body: string } } };

export interface GraphqlWsSourceOptions {
  /**
   * The GraphQL-over-WebSocket endpoint: `ws(s)://`, `http(s)://` or a path on this site. A function
   * is called on each (re)connect, e.g. to add a fresh token. Not needed with `client`.
   */
  url?: string | (() => string);
  /**
   * A graphql-ws client of your own, to share one socket with the rest of your app. Its own
   * settings then apply: its retries (give it `retryAttempts: 0` to let this source's backoff
   * drive reconnects), `keepAlive` (heartbeats and dead-link detection need it) and WebSocket
   * class (malformed messages close its socket). `url`, `connectionParams`, `heartbeatMs`,
   * `lingerMs` and `WebSocket` are not used with it.
   */
  client?: Client;
  /**
   * The `connection_init` payload (e.g. `{ authorization: 'Bearer …' }`). A function is called on
   * every (re)connect, so a refreshed token is sent; it may return a promise.
   */
  connectionParams?: Record<string, unknown> | (() => Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined>);
  /** The subscription document for a query; a function picks one per query. */
  document?: GraphqlDocument | ((query: MetricQuery) => GraphqlDocument);
  /** Subscription documents by metric name (`{ funnel: '…', agents: '…' }`); `document` answers the others. */
  documents?: Record<string, GraphqlDocument>;
  /** The variables for a query's document. Default: the query's own fields (`metric`, `range`, `filters`, `dimensions`, `compare`, `limit`). */
  variables?: (query: MetricQuery) => Record<string, unknown>;
  /**
   * Turns the `data` of each result into a frame. Default: `data`'s single root field taken as a
   * frame (`{ rows, fields?, asOf? }`); a frame without `asOf` is stamped with its arrival time.
   */
  toFrame?: (data: Record<string, unknown>, query: MetricQuery) => MetricFrame;
  /**
   * Sends a ping this often (ms); a link that answers nothing within another period counts as
   * dead and is replaced. Each pong confirms every query's numbers as of now. A server that has
   * not acknowledged `connection_init` within this time is dropped too. Default 20000.
   */
  heartbeatMs?: number;
  /** Reconnect waits: full jitter between 0 and initialDelay·2^(n−1), capped. Defaults 500 and 30000. */
  backoff?: ReconnectBackoff;
  /** Keeps the socket this long (ms) after the last query leaves, so a widget switching queries does not reconnect. Default 0. */
  lingerMs?: number;
  /**
   * Called when the server closes the socket with 4401 ("unauthorized", e.g. from its
   * `connection_init` check), to refresh a token that `connectionParams` or `url` then sends: every
   * query subscribes again once. Without it, or on a second 4401 before a connection proved itself,
   * every query ends ("Session expired — sign in again"). 4403 ("forbidden", what a graphql-ws server's
   * `onConnect` returning false sends) ends every query at once.
   */
  onUnauthorized?: (error: HttpError) => unknown;
  /** The WebSocket class; the browser's by default. */
  WebSocket?: typeof WebSocket;
}

/** One query's graphql-ws subscription: `dispose` sends `complete` (and lets the client close an idle socket). */
interface Subscription {
  readonly dispose: () => void;
  /** The operation id, when this source generates them (its own client). */
  readonly id: string | undefined;
  /** The errors of a partial result were already warned about. */
  warned: boolean;
}

/** Close codes after which asking again will not help. */
const SUBPROTOCOL_NOT_ACCEPTABLE = 4406;

/**
 * A live source over a GraphQL server's subscriptions (the GraphQL over WebSocket Protocol, as
 * spoken by `graphql-ws`, Apollo Server, Hasura, PostGraphile, GraphQL Yoga and others), through
 * the `graphql-ws` client: one socket for every query of the page, one subscription per distinct
 * query, `complete` when its last widget leaves, and the socket closed when none is left.
 *
 * Each query subscribes with `document` (or `documents[metric]`) and `variables(query)`; each
 * result's `data` becomes a frame through `toFrame`. GraphQL errors end their query with a
 * `GraphqlError` carrying the server's messages (a result with both data and errors shows the
 * data and warns). When the socket drops, the source reports `reconnecting` (widgets keep their
 * numbers, marked stale), reconnects with jittered exponential backoff (at once when the browser
 * comes back online or the page is shown again), subscribes every live query again, and reports
 * `open` once the connection proved itself — a result, a pong, or `heartbeatMs` acknowledged — so
 * a server that accepts and closes at once is backed off like one that refuses. Every pong confirms
 * each query's numbers as of now. An auth failure in `connection_init` (close 4401 or 4403) stops
 * with the reason (see `onUnauthorized`). A malformed message, or one for an operation nobody
 * subscribed to, costs a console warning; the socket stays.
 *
 * This entry (`crm-pulse/data/graphql-ws`) is the only one that loads the graphql-ws client.
 *
 * @example
 * registerSource('crm', graphqlWsSource({
 *   url: 'wss://crm.example.com/graphql',
 *   connectionParams: async () => ({ authorization: `Bearer ${await session.token()}` }),
 *   document: `subscription Metric($metric: String!, $range: String, $filters: JSON) {
 *     metric(metric: $metric, range: $range, filters: $filters) { rows asOf }
 *   }`,
 * }));
 */
export function graphqlWsSource(options: GraphqlWsSourceOptions): MetricSource {
  return new GraphqlConnection(options);
}

class GraphqlConnection implements MetricSource {
  readonly #status$ = new StatusChannel();
  readonly #channels = new QueryChannels({ opened: (key, query) => this.#opened(key, query), closed: (key) => this.#closed(key) });
  /** The live graphql-ws subscription of each query key; a key without one waits for a reconnect. */
  readonly #subscriptions = new Map<string, Subscription>();
  #client: Client | null = null;
  readonly #wait: ReconnectWait;
  readonly #heartbeatMs: number;
  /** A socket is opening or open. */
  #linked = false;
  /** The current socket opened (as opposed to never reaching the server). */
  #reached = false;
  /** The current connection proved itself: a result, a heartbeat, or acknowledged long enough. */
  #proven = false;
  #provenTimer: ReturnType<typeof setTimeout> | undefined;
  /** `onUnauthorized` ran since the last connection that carried data: another 4401 ends the queries. */
  #refreshed = false;
  #pongTimer: ReturnType<typeof setTimeout> | undefined;
  #heardSincePing = true;
  /** The socket was terminated because it stopped answering. */
  #silenced = false;
  /** Operation ids (own client only), to tell a message for nobody from one for a query that just left. */
  #nextId = 0;
  readonly #liveIds = new Set<string>();
  readonly #leftIds = new Set<string>();

  readonly #options: GraphqlWsSourceOptions;

  constructor(options: GraphqlWsSourceOptions) {
    this.#options = options;
    this.#heartbeatMs = options.heartbeatMs ?? 20_000;
    this.#wait = new ReconnectWait(options.backoff, 500);
  }

  query(q: MetricQuery): Observable<MetricFrame> {
    return this.#channels.observe(q);
  }

  status(): Observable<SourceStatus> {
    return this.#status$.observe();
  }

  #opened(key: string, query: MetricQuery): void {
    // While a reconnect is pending, the new query is subscribed with all the others after the wait.
    if (this.#wait.waiting) return;
    if (this.#status$.value.state === 'idle' || this.#status$.value.state === 'closed') {
      // A socket kept open (`lingerMs`, or a shared client) carries the new query at once.
      this.#status$.set(this.#linked && this.#proven ? 'open' : 'connecting');
    }
    this.#subscribe(key, query);
  }

  #closed(key: string): void {
    // Sends `complete`; the client closes the socket after `lingerMs` when it was the last one.
    this.#forget(key)?.dispose();
    this.#refreshed &&= this.#channels.size > 0;
    this.#closedLast();
  }

  /** Takes `key`'s subscription off the books: a message already on its way for it is no surprise. */
  #forget(key: string): Subscription | undefined {
    const subscription = this.#subscriptions.get(key);
    this.#subscriptions.delete(key);
    if (subscription?.id) {
      this.#liveIds.delete(subscription.id);
      this.#leftIds.add(subscription.id);
    }
    return subscription;
  }

  #subscribe(key: string, query: MetricQuery): void {
    let payload: SubscribePayload;
    let client: Client;
    try {
      payload = this.#payload(query);
      client = this.#clientNow();
    } catch (error) {
      // Not while the query is still being opened: its widget hears of it a moment later.
      queueMicrotask(() => {
        this.#channels.fail(key, error instanceof Error ? error : new Error(String(error)));
        this.#closedLast();
      });
      return;
    }
    const before = this.#nextId;
    let subscription: Subscription | undefined;
    const current = () => subscription !== undefined && this.#subscriptions.get(key) === subscription;
    const dispose = client.subscribe(payload, {
      next: (result) => current() && this.#result(key, query, result, subscription!),
      error: (error) => current() && this.#subscriptionFailed(key, error),
      complete: () => current() && this.#ended(key),
    });
    const id = this.#nextId > before ? String(this.#nextId) : undefined;
    subscription = { dispose, id, warned: false };
    if (id) this.#liveIds.add(id);
    this.#subscriptions.set(key, subscription);
  }

  #payload(query: MetricQuery): SubscribePayload {
    const { document, documents, variables } = this.#options;
    const chosen = documents && Object.hasOwn(documents, query.metric) ? documents[query.metric] : typeof document === 'function' ? document(query) : document;
    const text = typeof chosen === 'string' ? chosen : chosen?.loc?.source.body;
    if (typeof text !== 'string' || !text.trim()) throw new Error(`No GraphQL document for the metric ${query.metric}.`);
    return { query: text, variables: variables ? variables(query) : { ...query } };
  }

  #clientNow(): Client {
    if (this.#client) return this.#client;
    const { client, url } = this.#options;
    if (!client && !url) throw new Error('graphqlWsSource needs a url or a client.');
    // A URL the browser cannot open fails here, with its query, rather than inside the client.
    if (!client && typeof url === 'string') socketUrl(url);
    const own = client
      ? null
      : createClient({
          url: () => socketUrl(url!),
          ...(this.#options.connectionParams ? { connectionParams: this.#options.connectionParams } : {}),
          lazy: true,
          lazyCloseTimeout: this.#options.lingerMs ?? 0,
          keepAlive: this.#heartbeatMs,
          connectionAckWaitTimeout: this.#heartbeatMs,
          // Reconnects are this source's: the same backoff, proof rule and status as the other push
          // adapters. graphql-ws would classify some closes (1011, 4500) as fatal regardless.
          retryAttempts: 0,
          generateID: () => String(++this.#nextId),
          webSocketImpl: guardedWebSocket(this.#options.WebSocket ?? WebSocket),
        });
    const active = client ?? own!;
    this.#client = active;
    this.#listen(active, own !== null);
    return active;
  }

  /**
   * Follows the client's lifecycle, for the source's lifetime: a shared client outlives this
   * source's queries, and its events change nothing while the source has none.
   */
  #listen(client: Client, own: boolean): void {
    const mine = () => this.#channels.size > 0;
    client.on('connecting', () => {
      this.#linked = true;
      this.#reached = false;
      this.#proven = false;
      this.#leftIds.clear();
      if (mine() && this.#wait.failures === 0) this.#status$.set('connecting');
    });
    client.on('opened', () => void (this.#reached = true));
    client.on('connected', () => {
      this.#reached = true;
      // Acknowledged and quiet for a heartbeat's time counts as proof too (nothing changed yet).
      clearTimeout(this.#provenTimer);
      this.#provenTimer = setTimeout(() => this.#prove(true), this.#heartbeatMs);
    });
    client.on('message', (message) => {
      this.#heardSincePing = true;
      if (!own || !('id' in message)) return;
      const id = (message as { id: string }).id;
      if (!this.#liveIds.has(id) && !this.#leftIds.has(id)) warnDropped('graphqlWsSource', `no subscription has the id ${id}`);
    });
    client.on('ping', (received) => (received ? this.#heartbeat() : own && this.#awaitAnswer()));
    client.on('pong', (received) => received && this.#heartbeat());
    client.on('closed', (event) => this.#socketClosed(event));
  }

  /** A ping or pong from the server: the link is alive, and every query's numbers are current as of now. */
  #heartbeat(): void {
    if (this.#channels.size === 0) return;
    this.#prove(false);
    this.#channels.confirmAll(Date.now());
  }

  /** A ping went out: nothing at all back within another period means the link is dead. */
  #awaitAnswer(): void {
    this.#heardSincePing = false;
    clearTimeout(this.#pongTimer);
    this.#pongTimer = setTimeout(() => {
      if (this.#heardSincePing || this.#channels.size === 0 || !this.#client) return;
      this.#silenced = true;
      // graphql-ws closes its socket at once and reports it closed (4499), which reconnects.
      this.#client.terminate();
    }, this.#heartbeatMs);
  }

  /**
   * The connection works (a result, a heartbeat, or acknowledged long enough): the next failure
   * starts the backoff over. `accepted`: it carried data or stayed up, so the session is good and a
   * later 4401 may refresh again.
   */
  #prove(accepted: boolean): void {
    if (accepted) {
      clearTimeout(this.#provenTimer);
      this.#refreshed = false;
    }
    if (this.#proven || this.#channels.size === 0) return;
    this.#proven = true;
    this.#wait.proven();
    this.#status$.set('open');
  }

  #result(key: string, query: MetricQuery, result: FormattedExecutionResult<Record<string, unknown>, unknown>, subscription: Subscription): void {
    const errors = Array.isArray(result.errors) && result.errors.length > 0 ? result.errors : null;
    if (errors && (result.data === null || result.data === undefined)) {
      // Ends it on the server too: a subscription may go on after an error in one of its events.
      this.#forget(key);
      subscription.dispose();
      this.#channels.fail(key, new GraphqlError(errors));
      return this.#closedLast();
    }
    if (errors && !subscription.warned) {
      subscription.warned = true;
      console.warn(`crm-pulse graphqlWsSource: a result with data and errors (${new GraphqlError(errors).message}); showing the data`);
    }
    const frame = readFrame(result.data, query, this.#options.toFrame ? (data, q) => this.#options.toFrame!(data as Record<string, unknown>, q) : rootFieldFrame);
    if (typeof frame === 'string') return warnDropped('graphqlWsSource', frame);
    this.#prove(true);
    this.#channels.deliver(key, frame);
  }

  /** A subscription failed: GraphQL errors end that query; a lost connection is handled when the socket reports closed. */
  #subscriptionFailed(key: string, error: unknown): void {
    this.#forget(key);
    if (Array.isArray(error)) {
      this.#channels.fail(key, new GraphqlError(error));
      return this.#closedLast();
    }
    // A failure without a close of the socket (a shared client's own rules): reconnect with the rest.
    this.#socketClosed(error);
  }

  /** The server completed a subscription that should run as long as its widgets: it ends with an error widgets retry. */
  #ended(key: string): void {
    this.#forget(key);
    this.#channels.fail(key, new Error('The server ended the subscription.'));
    this.#closedLast();
  }

  /** After a query ended on the server's word: with none left, the source is idle. */
  #closedLast(): void {
    if (this.#channels.size > 0) return;
    this.#wait.reset();
    this.#stopTimers();
    this.#status$.set('idle');
  }

  /** The socket closed (or a subscription lost it): every live query waits for the next connection. */
  #socketClosed(event: unknown): void {
    const { code, reason } = closeOf(event);
    const silenced = this.#silenced;
    const reached = this.#reached;
    this.#linked = false;
    this.#reached = false;
    this.#silenced = false;
    this.#stopTimers();
    // 1000 is the client's own close (an idle socket, or a query switch it retries itself).
    if (code === 1000 || this.#channels.size === 0) return;
    // Already handled: the subscriptions of a closed socket report it one after another.
    if (this.#subscriptions.size === 0 && (this.#wait.waiting || this.#status$.value.state === 'closed')) return;
    this.#dropSubscriptions();
    if (code === 4401 || code === 4403) return void this.#refused(code === 4401 ? 401 : 403, reason);
    if (code === SUBPROTOCOL_NOT_ACCEPTABLE) return this.#failAll(new Error('The server does not speak the GraphQL over WebSocket protocol (graphql-transport-ws).'), 'failed');
    const kind: ProblemKind = silenced ? 'stalled' : code === 1011 || code === 4500 ? 'server' : 'unreachable';
    const words = silenced ? 'The server stopped answering.' : reason || (reached ? 'The connection was lost.' : 'The server cannot be reached.');
    this.#reconnectLater(words, kind);
  }

  /** Lets go of every subscription of a socket that is gone; their queries subscribe again on the next one. */
  #dropSubscriptions(): void {
    const dropped = [...this.#subscriptions.values()];
    this.#subscriptions.clear();
    this.#liveIds.clear();
    // graphql-ws counts a subscription until it is disposed; it sends nothing on a closed socket.
    for (const subscription of dropped) subscription.dispose();
  }

  /** The server refused the connection (4401, 4403): refresh once and subscribe again, or end every query. */
  async #refused(status: 401 | 403, reason: string): Promise<void> {
    const error = new HttpError(status, reason && reason !== 'Unauthorized' && reason !== 'Forbidden' ? reason : status === 401 ? 'HTTP 401 Unauthorized' : 'HTTP 403 Forbidden');
    if (status === 401 && this.#options.onUnauthorized && !this.#refreshed) {
      this.#refreshed = true;
      this.#status$.set('reconnecting', { error: error.message, kind: 'unauthorized' });
      let ok = true;
      try {
        await this.#options.onUnauthorized(error);
      } catch {
        ok = false;
      }
      // The queries may have left, or something reconnected, while the refresh ran.
      if (this.#channels.size === 0 || this.#wait.waiting) return;
      // With the renewed session at once: the refresh happens once until a connection carries
      // data, so a server that refuses again ends the queries instead of being stormed.
      if (ok) return this.#resubscribeAll();
    }
    this.#failAll(error, status === 401 ? 'unauthorized' : 'forbidden');
  }

  /** A refusal that asking again will not heal: every query ends with it. */
  #failAll(error: Error, kind: ProblemKind): void {
    const keys = this.#channels.entries().map(([key]) => key);
    this.#dropSubscriptions();
    this.#wait.reset();
    this.#refreshed = false;
    this.#status$.set('closed', { error: error.message, kind });
    for (const key of keys) this.#channels.fail(key, error);
  }

  #reconnectLater(reason: string, kind: ProblemKind): void {
    // Back online, or the page shown again, cuts the wait short (see ReconnectWait).
    const retryAt = this.#wait.schedule(() => this.#resubscribeAll());
    this.#status$.set('reconnecting', { error: reason, retryAt, kind });
  }

  /** Subscribes every live query that has no subscription: the client opens a socket for them. */
  #resubscribeAll(): void {
    this.#wait.cancel();
    for (const [key, query] of this.#channels.entries()) if (!this.#subscriptions.has(key)) this.#subscribe(key, query);
  }

  #stopTimers(): void {
    clearTimeout(this.#provenTimer);
    clearTimeout(this.#pongTimer);
    this.#heardSincePing = true;
  }
}

/** The default `toFrame`: a result's single root field is the frame (`{ metric: { rows, asOf } }`). */
function rootFieldFrame(data: unknown): MetricFrame {
  if (!data || typeof data !== 'object') return data as MetricFrame;
  const values = Object.values(data);
  return (values.length === 1 ? values[0] : data) as MetricFrame;
}

/** The code and reason of a close event (or of graphql-ws's stand-in for one); 0 for any other failure. */
function closeOf(event: unknown): { code: number; reason: string } {
  const e = event as { code?: unknown; reason?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'number' ? e.code : 0;
  const reason = typeof e?.reason === 'string' ? e.reason : code === 0 && typeof e?.message === 'string' ? e.message : '';
  return { code, reason };
}

/** The socket URL for `url`, which may be relative to the page or use an http(s) scheme. */
function socketUrl(url: NonNullable<GraphqlWsSourceOptions['url']>): string {
  const raw = typeof url === 'function' ? url() : url;
  const base = typeof location === 'undefined' ? undefined : location.href;
  const resolved = new URL(raw, base);
  if (resolved.protocol === 'http:') resolved.protocol = 'ws:';
  if (resolved.protocol === 'https:') resolved.protocol = 'wss:';
  return resolved.href;
}
