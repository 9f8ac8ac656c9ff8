import { Observable } from 'rxjs';
import { type CatalogOption, catalogMethod } from './fetch-catalog.js';
import { onlineEvents, pageVisibility } from './page-signals.js';
import { pollLoop } from './poll-loop.js';
import { type Producer, producerOf, scheduleTimeout } from './producer.js';
import { queryToParams } from './query-params.js';
import { HttpError, classifiedRetryable, httpErrorOf, problemKind, retryable as defaultRetryable } from './source-errors.js';
import { StatusChannel } from './source-status.js';
import type { MetricFrame, MetricQuery, MetricSource } from './types.js';
import { type ToFrame, readFrame, warnDropped } from './wire-protocol.js';

export interface PollingSourceOptions {
  /** The endpoint; the query is added as parameters (see `queryToParams`). A function builds the whole URL itself. */
  url?: string | ((query: MetricQuery) => string);
  /**
   * Instead of `url`: fetch a frame yourself. Resolve `null` for "unchanged since the frame you gave
   * this subscription last" (e.g. after a `304`): it confirms that frame as of now. When
   * `context.needFrame` is true — the subscription has no frame yet, as after a widget was removed
   * and added again — the answer must be a frame (skip your `If-None-Match`); a `null` then is
   * dropped with a warning and asked again at the next interval.
   */
  fetchFrame?: (query: MetricQuery, signal: AbortSignal, context: FetchFrameContext) => Promise<MetricFrame | null | undefined>;
  /** Wait (ms) between the end of one request and the next. Default 30000. */
  intervalMs?: number;
  /** Extra request headers (e.g. authorization); a function is called for every request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Maps the response's JSON body to a frame; the body is taken as a frame by default. */
  toFrame?: ToFrame;
  /** Send cookies cross-origin (`include`). Default `same-origin`. */
  credentials?: RequestCredentials;
  /** Waits after failures: full jitter between 0 and initialDelay·2^(n−1), capped. Defaults 1000 and 60000. */
  backoff?: { initialDelay?: number; maxDelay?: number; random?: () => number };
  /** Page visibility: the current value on subscribe, then changes. Default: `document.visibilityState`. */
  visibility?: Observable<boolean>;
  /** Each emission polls at once. Default: the window's `online` event. */
  online?: Observable<unknown>;
  /**
   * Whether a failed request is worth asking again (with backoff); any other ends the query with
   * the error, and widgets stop asking until Retry or a new query. Default `retryable`: network
   * errors, 408, 425, 429 and 5xx retry; 401, 403, 404 and other 4xx stop.
   */
  retryable?: (error: unknown) => boolean;
  /**
   * Called on a `401 Unauthorized`, e.g. to refresh an access token (which `headers` then sends).
   * The request is sent again once after it settles; a second 401, or a refresh that fails, ends
   * the query ("Session expired — sign in again"). Concurrent 401s share one call.
   */
  onUnauthorized?: (error: HttpError) => unknown;
  /**
   * What `catalog()` lists, for a dashboard's "Add widget": the URL of a JSON list of
   * `{ metric, label, kinds, unit?, dimensions? }`, fetched with this source's headers and credentials when
   * asked; or a function returning that list. Without it, the source lists nothing.
   */
  catalog?: CatalogOption;
}

/** What `fetchFrame` is told besides the query. */
export interface FetchFrameContext {
  /** The subscription has no frame yet: answer one, not `null`. */
  needFrame: boolean;
}

export { HttpError } from './source-errors.js';

/**
 * A live source that polls a REST endpoint: `GET <url>?metric=revenue&range=this_quarter…`
 * (the query as parameters, see `queryToParams`), every `intervalMs` after the previous answer.
 *
 * - The response's `ETag` is sent back as `If-None-Match`; a `304 Not Modified` costs no parsing and
 *   confirms the last frame: it is emitted again with the same rows and `asOf` now, so widgets know
 *   the numbers are current without rendering them again. An answer equal to the last confirms it
 *   the same way. (Cross-origin, the server must list `ETag` in `Access-Control-Expose-Headers`.)
 * - Network errors, 408, 425, 429 and 5xx are retried with exponential backoff and full jitter
 *   (`Retry-After` honoured, up to 10 minutes) while the source reports `reconnecting`; other 4xx
 *   end the query with an `HttpError`, which the widget shows (see `retryable` to classify
 *   otherwise). A 401 calls `onUnauthorized` and asks once more.
 * - No two requests for a query overlap; unsubscribing aborts the one in flight.
 * - Nothing is requested while the page is hidden; it polls at once when the page is shown again
 *   and when the browser comes back `online`.
 * - A body that is not JSON or not a frame is dropped with a console warning; polling goes on.
 *
 * @example
 * registerSource('crm', pollingSource({ url: '/api/metrics', intervalMs: 15_000, headers: () => ({ Authorization: `Bearer ${token()}` }) }));
 */
export function pollingSource(options: PollingSourceOptions): MetricSource {
  if (!options.url && !options.fetchFrame) throw new TypeError('pollingSource needs a url or a fetchFrame function');
  const { intervalMs = 30_000 } = options;
  const { initialDelay = 1000, maxDelay = 60_000, random = Math.random } = options.backoff ?? {};
  const visible = options.visibility ? producerOf(() => options.visibility!) : pageVisibility();
  const wake = options.online ? producerOf(() => options.online!) : onlineEvents();
  const board = new PollBoard();
  const classify = options.retryable ?? defaultRetryable;
  const refresh = sharedRefresh(options.onUnauthorized);
  const catalog = catalogMethod(options.catalog, 'pollingSource', options);
  return {
    query(q: MetricQuery): Observable<MetricFrame> {
      return new Observable<MetricFrame>((subscriber) => {
        const poller = board.join();
        /** What this subscription emitted last: what a 304 or a `null` confirms. */
        const state: PollState = { last: null, dataAsOf: -Infinity };
        const fetchOnce = options.fetchFrame ? fetchWith(options.fetchFrame, q, options.toFrame, state) : fetchUrl(options, q, state, refresh);
        const stop = pollLoop(fetchOnce, {
          intervalMs,
          backoff: { initialDelay, maxDelay, random },
          visible,
          wake,
          isTransient: (error) => classifiedRetryable(classify, error),
          onOutcome: (failure) => board.report(poller, failure),
          schedule: scheduleTimeout,
        })({
          next: (frame) => {
            // A replica that lags behind must not move the numbers back in time. Checked against the
            // last answer's own time, not a confirmation's (the browser's clock, see PollState).
            if (!confirmations.has(frame)) {
              if (frame.asOf < state.dataAsOf) return;
              state.dataAsOf = frame.asOf;
              // A confirmation may already have said a later time: "as of" never goes back.
              if (state.last && state.last.asOf > frame.asOf) frame = { ...frame, asOf: state.last.asOf };
            }
            state.last = frame;
            subscriber.next(frame);
          },
          error: (error) => subscriber.error(error),
          complete: () => subscriber.complete(),
        });
        return () => {
          stop();
          board.leave(poller);
        };
      });
    },
    status: () => board.status.observe(),
    // Without the option there is no method at all: "this source does not list its metrics".
    ...(catalog && { catalog }),
  };
}

/** Per subscription: the frame it emitted last, which a `304` or a `null` confirms. */
interface PollState {
  last: MetricFrame | null;
  /**
   * The `asOf` of the last answer with data, in the server's clock (or the CRM's `updatedAt`). A
   * confirmation stamps the browser's clock, which may run ahead: checking a new answer against
   * that would drop every real change that comes within the gap.
   */
  dataAsOf: number;
}

/** The last frame again, vouched for as of now: the same rows and fields, so widgets render nothing new. */
function confirmed(state: PollState): MetricFrame | null {
  if (!state.last) return null;
  const frame = { ...state.last, asOf: Math.max(Date.now(), state.last.asOf) };
  confirmations.add(frame);
  return frame;
}

/** Frames made by `confirmed`: they move "as of" on, not the time data is checked against. */
const confirmations = new WeakSet<MetricFrame>();

/** One request for `q` to the URL, remembering the ETag between requests of this subscription. */
function fetchUrl(options: PollingSourceOptions, q: MetricQuery, state: PollState, refresh: (error: HttpError) => Promise<void>): Producer<MetricFrame> {
  let etag: string | null = null;
  return fromAbortable(async (signal) => {
    const send = () => {
      const headers: Record<string, string> = { Accept: 'application/json', ...(typeof options.headers === 'function' ? options.headers() : options.headers) };
      // Only a subscription that has a frame can be told "not modified".
      if (etag && state.last) headers['If-None-Match'] = etag;
      return fetch(requestUrl(options.url!, q), { headers, signal, cache: 'no-store', credentials: options.credentials ?? 'same-origin' });
    };
    let response = await send();
    if (response.status === 401 && options.onUnauthorized) {
      // Refresh once (shared with the other queries that got a 401 meanwhile), then ask once more.
      await refresh(await httpError(response));
      response = await send();
    }
    if (response.status === 304) return confirmed(state);
    if (!response.ok) throw await httpError(response);
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      warnDropped('pollingSource', `the response is not JSON: ${text.slice(0, 60)}`);
      return null;
    }
    const frame = readFrame(body, q, options.toFrame);
    if (typeof frame === 'string') {
      warnDropped('pollingSource', frame);
      return null;
    }
    etag = response.headers.get('ETag');
    return frame;
  });
}

async function httpError(response: Response): Promise<HttpError> {
  let body = '';
  try {
    body = (await response.text()).slice(0, 2000);
  } catch {
    // The body is a courtesy: the status says what matters.
  }
  return httpErrorOf(response, body);
}

/**
 * `onUnauthorized`, called at most once at a time: queries that get a 401 while a refresh runs
 * wait for that one. A refresh that fails ends the query with the 401.
 */
function sharedRefresh(onUnauthorized: PollingSourceOptions['onUnauthorized']): (error: HttpError) => Promise<void> {
  let running: Promise<unknown> | null = null;
  return async (error) => {
    if (!onUnauthorized) throw error;
    const current = (running ??= Promise.resolve()
      .then(() => onUnauthorized(error))
      .finally(() => {
        if (running === current) running = null;
      }));
    try {
      await current;
    } catch {
      throw error;
    }
  };
}

function fetchWith(fetchFrame: NonNullable<PollingSourceOptions['fetchFrame']>, q: MetricQuery, toFrame: ToFrame | undefined, state: PollState): Producer<MetricFrame> {
  return fromAbortable(async (signal) => {
    const needFrame = state.last === null;
    const answer = await fetchFrame(q, signal, { needFrame });
    if (answer == null) {
      if (needFrame) warnDropped('pollingSource', 'fetchFrame answered null ("unchanged"), but this subscription has no frame yet (context.needFrame was true)');
      return confirmed(state);
    }
    const frame = readFrame(answer, q, toFrame);
    if (typeof frame === 'string') {
      warnDropped('pollingSource', frame);
      return null;
    }
    return frame;
  });
}

/** One async call per start: pushes its frame (none for null) and completes; cancelling aborts it. */
function fromAbortable(call: (signal: AbortSignal) => Promise<MetricFrame | null>): Producer<MetricFrame> {
  return (sink) => {
    const controller = new AbortController();
    call(controller.signal).then(
      (frame) => {
        if (controller.signal.aborted) return;
        if (frame) sink.next(frame);
        sink.complete();
      },
      (error) => {
        if (!controller.signal.aborted) sink.error(error);
      },
    );
    return () => controller.abort();
  };
}

function requestUrl(url: NonNullable<PollingSourceOptions['url']>, q: MetricQuery): string {
  if (typeof url === 'function') return url(q);
  return `${url}${url.includes('?') ? '&' : '?'}${queryToParams(q)}`;
}

/**
 * The source's status from its pollers: `reconnecting` while any is backing off after a failure,
 * `open` once one has an answer, `connecting` before, `idle` without any.
 */
class PollBoard {
  readonly status = new StatusChannel();
  readonly #pollers = new Map<symbol, { ok: boolean; failure: { error: unknown; delay: number } | null }>();

  join(): symbol {
    const id = Symbol('poller');
    this.#pollers.set(id, { ok: false, failure: null });
    this.#update();
    return id;
  }

  leave(id: symbol): void {
    this.#pollers.delete(id);
    this.#update();
  }

  report(id: symbol, failure: { error: unknown; delay: number } | null): void {
    const poller = this.#pollers.get(id);
    if (!poller) return;
    poller.failure = failure;
    poller.ok ||= !failure;
    this.#update();
  }

  #update(): void {
    const all = [...this.#pollers.values()];
    const failing = all.find((p) => p.failure);
    if (failing?.failure) {
      const { error, delay } = failing.failure;
      const reason = error instanceof HttpError ? `The server answered ${error.message}.` : 'The server cannot be reached.';
      const kind = problemKind(error);
      this.status.set('reconnecting', { error: reason, retryAt: Date.now() + delay, kind: kind === 'failed' ? 'unreachable' : kind });
    } else if (all.some((p) => p.ok)) this.status.set('open');
    else this.status.set(all.length ? 'connecting' : 'idle');
  }
}
