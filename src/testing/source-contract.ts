import type { Observable } from 'rxjs';
import { queryKey } from '../data/query-key.js';
import { shareQueries } from '../data/share-queries.js';
import type { MetricQuery, MetricSource } from '../data/types.js';
import { ConnectionTracker } from './connection-tracker.js';
import { type Watch, describe, frameShapeProblem, sleep, watch } from './contract-watch.js';
import { SkipCheck, type SourceFault, runResilienceChecks } from './resilience-checks.js';

export interface SourceContractOptions {
  /** A query your source must refuse (e.g. an unknown metric), to check failures reach widgets as errors. */
  failingQuery?: MetricQuery;
  /** How long (ms) to wait for a first frame, or for the failing query's error. Default 5000. */
  timeoutMs?: number;
  /** How long (ms) to keep watching for more frames, to check `asOf` only moves forward. Default 1500. */
  watchMs?: number;
  /** How long (ms) after unsubscribing a connection may take to close. Default 300. */
  settleMs?: number;
  /** Your own count of open upstream connections, for adapters over an SDK the kit cannot see. */
  openConnections?: () => number | Promise<number>;
  /**
   * Switches your test server into a failure mode (see `SourceFault`) and back (`'none'`), for the
   * checks of how the source behaves when its server does not. Return `false` for a mode your
   * server cannot do. Without it those checks are skipped.
   */
  faults?: (fault: SourceFault) => boolean | void | Promise<boolean | void>;
  /** How long (ms) each failure mode is watched. Default 3000. */
  resilienceMs?: number;
  /**
   * How often (ms) your server sends data, a heartbeat or a 304 for unchanged data: with it, the
   * source must confirm its data (a frame with a newer `asOf`) at least that often.
   */
  confirmWithinMs?: number;
}

export interface ContractResult {
  check: string;
  /** The query the check ran with, as `queryKey` text; absent for checks of the source as a whole. */
  query?: string;
  outcome: 'passed' | 'failed' | 'skipped';
  message: string;
}

export interface ContractReport {
  /** No check failed (skipped ones do not count). */
  ok: boolean;
  results: ContractResult[];
  failures: ContractResult[];
  /** One line per check, for a test failure message or a console. */
  summary: string;
}

type MakeSource = () => MetricSource | Promise<MetricSource>;

/**
 * Runs the conformance checks every crm-pulse source should pass, against a source your
 * `makeSource` creates (a fresh one per check), for each of `queries`:
 *
 * - `query() is lazy`: nothing connects before a subscribe;
 * - `emits a well-formed frame`: rows of objects with string, number, boolean or null cells, an `asOf`
 *   in epoch ms, valid `fields`;
 * - `asOf never goes back`: the frames that follow within `watchMs`;
 * - `unsubscribe releases the connection`: no WebSocket, EventSource or fetch left open;
 * - `identical queries share`: wrapped as widgets wrap it (`shareQueries`), the same query asked twice
 *   (keys in another order) opens nothing more, and the second subscriber gets a frame at once;
 * - `subscribes again after a release`: a widget removed and added again goes live again;
 * - `errors surface as errors` (with `failingQuery`): an `Error` through the stream, never a throw
 *   from `query()` nor a silent empty frame;
 * - `status() reports a state` (for sources that have it);
 * - with `faults`, for the first query: `401 stops, with the reason` (an error that is not
 *   retryable, status 401, and no request after it), `5xx is retried with backoff` (tries again, no
 *   storm, live again after), `429 waits for Retry-After`, `accept-then-close is backed off`;
 * - with `confirmWithinMs`: `confirms unchanged data` (a newer `asOf` at least that often).
 *
 * Returns a report rather than throwing, so any test framework can use it; `assertSourceContract`
 * throws with the summary instead.
 *
 * @example
 * it('our CRM adapter meets the crm-pulse source contract', async () => {
 *   const report = await runSourceContract(() => myCrmSource({ baseUrl }), [{ metric: 'revenue' }], { failingQuery: { metric: 'nope' } });
 *   expect(report.failures, report.summary).to.deep.equal([]);
 * });
 */
export async function runSourceContract(makeSource: MakeSource, queries: MetricQuery[], options: SourceContractOptions = {}): Promise<ContractReport> {
  const o = { timeoutMs: 5000, watchMs: 1500, settleMs: 300, resilienceMs: 3000, ...options };
  const results: ContractResult[] = [];
  const record = (check: string, query: MetricQuery | undefined, outcome: ContractResult['outcome'], message: string) =>
    results.push({ check, ...(query ? { query: queryKey(query) } : {}), outcome, message });
  /** Runs one check with its own tracker and source; an exception is that check's failure. */
  const check = async (name: string, query: MetricQuery | undefined, body: (source: MetricSource, tracker: ConnectionTracker) => Promise<string>) => {
    const tracker = new ConnectionTracker().install();
    try {
      record(name, query, 'passed', await body(await makeSource(), tracker));
    } catch (error) {
      if (error instanceof SkipCheck) record(name, query, 'skipped', error.message);
      else record(name, query, 'failed', error instanceof Error ? error.message : String(error));
    } finally {
      tracker.uninstall();
    }
  };
  const released = async (tracker: ConnectionTracker, baseline: number) => {
    await sleep(o.settleMs);
    const open = tracker.stillOpen();
    if (open.length) throw new Error(`after unsubscribing, ${o.settleMs} ms later, still open: ${open.join('; ')}`);
    const count = o.openConnections ? await o.openConnections() : baseline;
    if (count > baseline) throw new Error(`after unsubscribing, openConnections() says ${count} (it was ${baseline} before subscribing)`);
  };
  const baseline = async () => (o.openConnections ? await o.openConnections() : 0);

  if (queries.length === 0) record('queries given', undefined, 'failed', 'runSourceContract needs at least one query your source can answer');
  for (const q of queries) {
    await check('query() is lazy', q, async (source, tracker) => {
      const before = await baseline();
      queryOf(source, q);
      await sleep(o.settleMs);
      if (tracker.opened > 0) throw new Error(`query() connected before anyone subscribed (${tracker.opened} connection(s)); wrap the work in new Observable(…) or defer(…)`);
      if (o.openConnections && (await o.openConnections()) > before) throw new Error('query() connected before anyone subscribed');
      return 'nothing happens until a subscribe';
    });

    let seen: Watch | undefined;
    /** Checks that ride on the same subscription, reported after the one that opened it. */
    const following: Array<[string, ContractResult['outcome'], string]> = [];
    await check('emits a well-formed frame', q, async (source, tracker) => {
      const before = await baseline();
      seen = watch(queryOf(source, q));
      try {
        await seen.first(o.timeoutMs);
        const problem = frameShapeProblem(seen.frames[0]);
        if (problem) throw new Error(problem);
        await sleep(o.watchMs);
      } finally {
        seen.stop();
      }
      const steps = seen.frames.map((f, i) => [i, f.asOf] as const);
      const back = steps.find(([i, asOf]) => i > 0 && asOf < seen!.frames[i - 1]!.asOf);
      const badLater = seen.frames.map(frameShapeProblem).findIndex(Boolean);
      const later = badLater >= 0 ? `frame ${badLater + 1}: ${frameShapeProblem(seen.frames[badLater])}` : undefined;
      following.push(['asOf never goes back', back || later ? 'failed' : 'passed',
        back ? `frame ${back[0] + 1} has asOf ${back[1]}, before the previous frame's ${seen.frames[back[0] - 1]!.asOf}` : later ?? `${seen.frames.length} frame(s) in ${o.watchMs} ms, in order`]);
      try {
        await released(tracker, before);
        following.push(['unsubscribe releases the connection', 'passed', `${tracker.opened} connection(s) opened, all closed`]);
      } catch (error) {
        following.push(['unsubscribe releases the connection', 'failed', (error as Error).message]);
      }
      return `${seen.frames[0]!.rows.length} row(s), asOf ${new Date(seen.frames[0]!.asOf).toISOString()}`;
    });
    for (const [name, outcome, message] of following) record(name, q, outcome, message);
    if (!seen?.frames.length) continue; // the checks below need frames; the failure above says why

    await check('identical queries share', q, async (raw, tracker) => {
      let upstream = 0;
      const counted: MetricSource = { query: (x) => (upstream++, raw.query(x)) };
      const source = shareQueries(counted);
      const a = watch(source.query(q));
      const b = watch(source.query(reordered(q)));
      try {
        await a.first(o.timeoutMs);
        // A one-off answer (a static source, a single fetch) completes: there is no live stream to share.
        if (a.done) return 'the stream completes after its answer: nothing live to share';
        const opened = tracker.opened;
        const c = watch(source.query(reordered(q)));
        await c.first(50).catch(() => {
          throw new Error('a second subscriber to a shared query got no frame at once');
        });
        c.stop();
        if (upstream !== 1) throw new Error(`the same query in another key order reached the source ${upstream} times; queryKey(q) must not depend on key order`);
        if (tracker.opened > opened) throw new Error(`a second subscriber opened ${tracker.opened - opened} more connection(s)`);
      } finally {
        a.stop();
        b.stop();
      }
      return 'one upstream subscription for identical queries';
    });

    await check('subscribes again after a release', q, async (source, tracker) => {
      const before = await baseline();
      const first = watch(queryOf(source, q));
      await first.first(o.timeoutMs).finally(() => first.stop());
      await released(tracker, before);
      const again = watch(queryOf(source, q));
      await again.first(o.timeoutMs).finally(() => again.stop());
      return 'a widget removed and added back goes live again';
    });
  }

  if (o.failingQuery) {
    const failing = o.failingQuery;
    await check('errors surface as errors', failing, async (source) => {
      let frames$: Observable<unknown>;
      try {
        frames$ = source.query(failing);
      } catch (error) {
        throw new Error(`query() threw (${(error as Error)?.message ?? error}); return an observable that errors instead, e.g. throwError(() => error)`);
      }
      const seen = watch(frames$ as ReturnType<MetricSource['query']>);
      try {
        const error = await seen.error(o.timeoutMs);
        if (!(error instanceof Error)) throw new Error(`it errored with ${describe(error)}; error with an Error whose message a user can read`);
        return `errored: ${error.message}`;
      } finally {
        seen.stop();
      }
    });
  } else {
    record('errors surface as errors', undefined, 'skipped', 'pass { failingQuery } (e.g. an unknown metric) to check that failures reach widgets as errors');
  }

  if (queries[0]) {
    await runResilienceChecks(queries[0], o, check, (name, message) => record(name, undefined, 'skipped', message));
  }

  await check('status() reports a state', undefined, async (source) => {
    if (typeof source.status !== 'function') return 'no status() (optional): widgets rely on errors and stale-after alone';
    const states = ['idle', 'connecting', 'open', 'reconnecting', 'closed'];
    let first: unknown;
    const sub = source.status().subscribe((s) => (first ??= s));
    sub.unsubscribe();
    const state = (first as { state?: unknown } | undefined)?.state;
    if (!states.includes(state as string)) throw new Error(`status() must emit its current state on subscribe, one of ${states.join(', ')}; got ${describe(first)}`);
    return `starts as ${state as string}`;
  });

  return report(results);
}

/** Like `runSourceContract`, but throws an Error listing every check when one fails. */
export async function assertSourceContract(makeSource: MakeSource, queries: MetricQuery[], options?: SourceContractOptions): Promise<ContractReport> {
  const result = await runSourceContract(makeSource, queries, options);
  if (!result.ok) throw new Error(result.summary);
  return result;
}

function report(results: ContractResult[]): ContractReport {
  const failures = results.filter((r) => r.outcome === 'failed');
  const count = (o: ContractResult['outcome']) => results.filter((r) => r.outcome === o).length;
  const mark = { passed: '✓', failed: '✗', skipped: '-' } as const;
  const lines = results.map((r) => `  ${mark[r.outcome]} ${r.check}${r.query ? ` ${r.query}` : ''}: ${r.message}`);
  const title = `crm-pulse source contract: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
  return { ok: failures.length === 0, results, failures, summary: [title, ...lines].join('\n') };
}

/** `source.query(q)`, with a clear message when it throws or returns something else. */
function queryOf(source: MetricSource, q: MetricQuery): ReturnType<MetricSource['query']> {
  let result: unknown;
  try {
    result = source.query(q);
  } catch (error) {
    throw new Error(`query() threw: ${(error as Error)?.message ?? error}`);
  }
  if (!result || typeof (result as { subscribe?: unknown }).subscribe !== 'function') throw new Error('query() must return an Observable');
  return result as ReturnType<MetricSource['query']>;
}

/** The same query with its keys and filter lists in reverse order. */
function reordered(q: MetricQuery): MetricQuery {
  const filters = q.filters && Object.fromEntries(Object.entries(q.filters).reverse().map(([k, v]) => [k, Array.isArray(v) ? [...v].reverse() : v]));
  return Object.fromEntries(Object.entries({ ...q, ...(filters ? { filters } : {}) }).reverse()) as unknown as MetricQuery;
}
