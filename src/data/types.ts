import type { Observable } from 'rxjs';
import type { ProblemKind } from './source-errors.js';

/** A cell value in a frame row. CRM strings are text and are always rendered as text. */
export type FrameValue = string | number | boolean | null;

/** What a widget asks a source for, in the source's own vocabulary. */
export interface MetricQuery {
  /** e.g. 'revenue', 'funnel', 'campaigns', 'agents'. */
  metric: string;
  /** Group-by dimensions, e.g. `['campaign']`. */
  dimensions?: string[];
  filters?: Record<string, string | number | boolean | Array<string | number>>;
  /** 'today' | 'this_quarter' | 'last_30_days' | an ISO 8601 interval. */
  range?: string;
  compare?: 'previous_period' | 'previous_year';
  limit?: number;
}

/** Describes one column of a frame. */
export interface FrameField {
  name: string;
  type: 'number' | 'string' | 'time';
  /** An ISO 4217 currency code ('EUR'), '%' for ratios (0.25 = 25 %), or 's' for durations in seconds. */
  unit?: string;
  label?: string;
}

/**
 * One answer to a query: the data as it is at `asOf`.
 *
 * A frame that says the same as the one before — the same `rows` array (or rows equal cell by
 * cell) and the same fields — with a newer `asOf` *confirms* the data: nothing changed, and the
 * source vouches for it as of that time. Widgets update their freshness and render nothing new.
 * Adapters confirm after a `304 Not Modified`, a heartbeat, or an answer equal to the last one.
 */
export interface MetricFrame {
  rows: ReadonlyArray<Record<string, FrameValue>>;
  fields?: ReadonlyArray<FrameField>;
  /** Epoch milliseconds the data is true as of: when the source last confirmed it, not when it last changed. */
  asOf: number;
}

/**
 * Where a source's connection stands. `reconnecting` (the link is down, the source is trying again)
 * and `closed` (the server said stop) leave the last numbers on screen marked stale.
 */
export interface SourceStatus {
  state: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
  /** Why the link is down, in words a user may read. */
  error?: string;
  /** Epoch ms of the next attempt while `reconnecting`, when the source knows it. */
  retryAt?: number;
  /** What kind of failure it is (`unauthorized`, `rate-limited`, `server`, `unreachable`…), for the words on a tile. */
  kind?: ProblemKind;
}

/**
 * The contract an adapter implements. `query` returns a live stream: it emits a frame whenever the
 * data changes (and may confirm unchanged data, see `MetricFrame`), errors when the source fails
 * (an error that is not `retryable` — a 401, 403, 404 — stops the widgets until Retry or a new
 * query), and releases its connection on unsubscribe.
 */
export interface MetricSource {
  query(q: MetricQuery): Observable<MetricFrame>;
  /**
   * Optional: the connection's status now and on every change. A push adapter that reconnects by
   * itself reports `reconnecting` here instead of erroring its streams, so widgets keep their
   * numbers, show them as stale, and turn live again when the link is back.
   */
  status?(): Observable<SourceStatus>;
  /**
   * Optional: what this source can answer, so a dashboard's "Add widget" offers real metrics
   * ("Win rate → KPI") instead of a text box. Resolves to an empty list when it knows nothing.
   */
  catalog?(): Promise<readonly CatalogEntry[]>;
}

/** The kinds of widget a metric can be shown in; `type` in a dashboard config. */
export type WidgetKind = 'kpi' | 'funnel' | 'campaign-roi' | 'leaderboard' | 'forecast' | 'records';

/** One metric a source can answer (see `MetricSource.catalog`). */
export interface CatalogEntry {
  /** The metric name to query (`win_rate`). */
  metric: string;
  /** What a manager reads in a list ("Win rate"). */
  label: string;
  /** The widgets that show it well, the best first. */
  kinds: readonly WidgetKind[];
  /** An ISO 4217 code, '%' or 's', as in `FrameField.unit`. */
  unit?: string;
  /** Dimensions the metric can be filtered or grouped by (`region`, `channel`). */
  dimensions?: readonly string[];
}
