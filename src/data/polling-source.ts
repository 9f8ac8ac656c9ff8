import { Observable } from 'rxjs';
import { onlineEvents, pageVisibility } from './page-signals.js';
import { pollLoop } from './poll-loop.js';
import { type Producer, producerOf, scheduleTimeout } from './producer.js';
import { queryToParams } from './query-params.js';
import { StatusChannel } from './source-status.js';
import type { MetricFrame, MetricQuery, MetricSource } from './types.js';
import { type ToFrame, readFrame, warnDropped } from './wire-protocol.js';

export interface PollingSourceOptions {
  /** The endpoint; the query is added as parameters (see `queryToParams`). A function builds the whole URL itself. */
  url?: string | ((query: MetricQuery) => string);
  /** Instead of `url`: fetch a frame yourself; resolve `null` when nothing changed. */
  fetchFrame?: (query: MetricQuery, signal: AbortSignal) => Promise<MetricFrame | null | undefined>;
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
}

/** An HTTP answer that was not a frame. 4xx (but 408, 425 and 429) end the query; others are retried. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** From a `Retry-After` header. */
    readonly retryAfterMs = 0,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * A live source that polls a REST endpoint: `GET <url>?metric=revenue&range=this_quarter…`
 * (the query as parameters, see `queryToParams`), every `intervalMs` after the previous answer.
 *
 * - The response's `ETag` is sent back as `If-None-Match`; a `304 Not Modified` costs no parsing and
 *   emits nothing. (Cross-origin, the server must list `ETag` in `Access-Control-Expose-Headers`.)
 * - Network errors, 408, 425, 429 and 5xx are retried with exponential backoff and full jitter
 *   (`Retry-After` respected) while the source reports `reconnecting`; other 4xx end the query with
 *   an `HttpError`, which the widget shows.
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
  return {
    query(q: MetricQuery): Observable<MetricFrame> {
      return new Observable<MetricFrame>((subscriber) => {
        const poller = board.join();
        const fetchOnce = options.fetchFrame ? fetchWith(options.fetchFrame, q, options.toFrame) : fetchUrl(options, q);
        let lastAsOf = -Infinity;
        const stop = pollLoop(fetchOnce, {
          intervalMs,
          backoff: { initialDelay, maxDelay, random },
          visible,
          wake,
          isTransient,
          onOutcome: (failure) => board.report(poller, failure),
          schedule: scheduleTimeout,
        })({
          next: (frame) => {
            // A replica that lags behind must not move the numbers back in time.
            if (frame.asOf < lastAsOf) return;
            lastAsOf = frame.asOf;
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
  };
}

/** One request for `q` to the URL, remembering the ETag between requests of this subscription. */
function fetchUrl(options: PollingSourceOptions, q: MetricQuery): Producer<MetricFrame> {
  let etag: string | null = null;
  return fromAbortable(async (signal) => {
    const headers: Record<string, string> = { Accept: 'application/json', ...(typeof options.headers === 'function' ? options.headers() : options.headers) };
    if (etag) headers['If-None-Match'] = etag;
    const response = await fetch(requestUrl(options.url!, q), { headers, signal, cache: 'no-store', credentials: options.credentials ?? 'same-origin' });
    if (response.status === 304) return null;
    if (!response.ok) throw new HttpError(response.status, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, retryAfterMs(response));
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

function fetchWith(fetchFrame: NonNullable<PollingSourceOptions['fetchFrame']>, q: MetricQuery, toFrame?: ToFrame): Producer<MetricFrame> {
  return fromAbortable(async (signal) => {
    const answer = await fetchFrame(q, signal);
    if (answer == null) return null;
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

function retryAfterMs(response: Response): number {
  const header = response.headers.get('Retry-After');
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 0;
}

/** Client errors will not heal by asking again; everything else (network, 5xx, rate limits) may. */
function isTransient(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number') return true;
  return status >= 500 || status === 408 || status === 425 || status === 429 || status < 400;
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
      this.status.set('reconnecting', { error: reason, retryAt: Date.now() + delay });
    } else if (all.some((p) => p.ok)) this.status.set('open');
    else this.status.set(all.length ? 'connecting' : 'idle');
  }
}
