/**
 * What a failure means for the next request: ask again (and when), or stop until someone acts.
 * Kept free of RxJS: widgets read it.
 */

/** What went wrong, in the terms a tile explains it to a user. */
export type ProblemKind =
  /** 401: the session or token expired; asking again will not help until someone signs in. */
  | 'unauthorized'
  /** 403: this user may not see this data. */
  | 'forbidden'
  /** 404 / 410: the source does not know this query. */
  | 'not-found'
  /** 429 (or a server's own way of saying it, see `retryable`): asked too often. */
  | 'rate-limited'
  /** 5xx, 408, 425: the server failed this time. */
  | 'server'
  /** No answer at all: the network, DNS, a refused or dropped connection. */
  | 'unreachable'
  /** The connection was open but carried nothing, not even a heartbeat, for too long: dropped and reopened. */
  | 'stalled'
  /** Anything else the source threw. */
  | 'failed';

/**
 * An HTTP answer that was not a frame. `retryable` says whether asking again may help (by default
 * from the status, see `retryable()`); `retryAfterMs` comes from a `Retry-After` header.
 */
export class HttpError extends Error {
  readonly retryable: boolean;
  /** The start of the response body (up to 2000 characters), for classifications that need it. */
  readonly body: string;
  constructor(
    readonly status: number,
    message: string,
    /** From a `Retry-After` header: ask again no sooner than this (ms). */
    readonly retryAfterMs = 0,
    options: { retryable?: boolean; body?: string } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.body = options.body ?? '';
    this.retryable = options.retryable ?? retryableStatus(status);
  }
}

/**
 * Whether asking again may heal `error` — the default classification of every adapter and widget.
 * An error that says so itself (a boolean `retryable` property) is taken at its word; an error
 * with an HTTP `status` retries for 408, 425, 429 and 5xx and stops for other 4xx (401, 403,
 * 404…); anything else (a network failure, a dropped connection, a plain `Error`) is retried.
 *
 * @example
 * // Salesforce answers rate limits with 403 REQUEST_LIMIT_EXCEEDED: retry those, stop other 403s.
 * pollingSource({ url, retryable: (e) => (e instanceof HttpError && e.body.includes('REQUEST_LIMIT_EXCEEDED')) || retryable(e) })
 */
export function retryable(error: unknown): boolean {
  const own = (error as { retryable?: unknown } | null)?.retryable;
  if (typeof own === 'boolean') return own;
  const status = statusOf(error);
  return status === undefined || retryableStatus(status);
}

function retryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429 || status < 400;
}

/** The HTTP status an error carries (`status` or `statusCode`), if any. */
export function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; statusCode?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : e?.statusCode;
  return typeof status === 'number' && Number.isFinite(status) ? status : undefined;
}

/** How long the server asked us to wait (`retryAfterMs`), or 0. */
export function retryAfterOf(error: unknown): number {
  const ms = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' && ms > 0 && Number.isFinite(ms) ? ms : 0;
}

/** What kind of problem `error` is, for the words on a tile. */
export function problemKind(error: unknown): ProblemKind {
  const status = statusOf(error);
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'rate-limited';
  // A server that classifies its 403 as retryable means "slow down" (Salesforce's REQUEST_LIMIT_EXCEEDED).
  if (status === 403) return retryable(error) ? 'rate-limited' : 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status !== undefined && (status >= 500 || status === 408 || status === 425)) return 'server';
  // fetch() rejects with a TypeError when there is no answer at all.
  if (status === undefined && error instanceof TypeError) return 'unreachable';
  return 'failed';
}

/**
 * `classify(error)`, where a classification that throws counts as "retry": a broken one must not
 * stop the data for good. What every adapter and the widgets' retry call.
 */
export function classifiedRetryable(classify: (error: unknown) => boolean, error: unknown): boolean {
  try {
    return classify(error) !== false;
  } catch {
    return true;
  }
}

/** An `HttpError` from an answer's status line and `Retry-After` header (and, when read, its body). */
export function httpErrorOf(response: Response, body = ''): HttpError {
  const message = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new HttpError(response.status, message, retryAfterHeader(response.headers.get('Retry-After')), { body });
}

/** Reads a `Retry-After` header (seconds or an HTTP date) as ms from now; 0 when absent or unreadable. */
export function retryAfterHeader(header: string | null, now = Date.now()): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : 0;
}

/**
 * A server may ask for a wait (`Retry-After`) but not stall us for good: no wait is longer than
 * this (10 minutes).
 */
export const MAX_RETRY_AFTER_MS = 600_000;

/** The wait before the next attempt: the jittered backoff, but at least what the server asked for (up to `MAX_RETRY_AFTER_MS`). */
export function waitBeforeRetry(error: unknown, jittered: number): number {
  return Math.max(jittered, Math.min(retryAfterOf(error), MAX_RETRY_AFTER_MS));
}
