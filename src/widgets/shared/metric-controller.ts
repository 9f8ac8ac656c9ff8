import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { withBackoff } from '../../data/backoff.js';
import { frameProblem } from '../../data/check-frame.js';
import { type ConnectionChange, connectionChanges } from '../../data/connection-changes.js';
import { withFreshness } from '../../data/freshness.js';
import { type Cancel, SerialRun, noop } from '../../data/producer.js';
import { queryHub } from '../../data/query-hub.js';
import { queryKey } from '../../data/query-key.js';
import { problemKind } from '../../data/source-errors.js';
import { watchSource } from '../../data/source-store.js';
import type { MetricFrame, MetricQuery, MetricSource } from '../../data/types.js';
import { CrmStateEvent, type CrmStateProblem, type WidgetState } from '../../events/crm-state.js';
import { onBeat } from './update-beat.js';

export interface MetricControllerOptions<M> {
  /** A registered source name or a source object; read before every host update. */
  source: () => string | MetricSource | null | undefined;
  /** The query; null while the widget cannot ask yet (no metric). Read before every host update. */
  query: () => MetricQuery | null;
  /** Milliseconds without a frame (new data or a confirmation) before the data counts as stale. */
  staleAfter: () => number;
  /** Turns a frame into the widget's model; null means "nothing to show" (the empty state). */
  model: (frame: MetricFrame) => M | null;
}

interface Inputs {
  source: string | MetricSource;
  query: MetricQuery | null;
  staleAfter: number;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function identity(source: string | MetricSource): string {
  if (typeof source === 'string') return `name:${source}`;
  let id = objectIds.get(source);
  if (!id) objectIds.set(source, (id = nextObjectId++));
  return `object:${id}`;
}

/**
 * Binds a widget to a live query. Subscribes on connect, switches when the source or the query
 * changes, unsubscribes on disconnect, and renders the host at most once per animation frame
 * however fast frames arrive (a background tab, where frames never come, does no rendering work).
 *
 * `state` runs `loading → ready ⇄ stale`, `error` (no data, retrying with backoff), `empty`; it is
 * reflected as the host's `state` attribute and announced with a `crm-state` event. A source that
 * reports its connection (`status()`) turns the widget `stale` while the link is down and `ready`
 * again when it is back, without resubscribing.
 *
 * Fresh means confirmed: any frame, including one that only confirms the last (the same rows with
 * a newer `asOf`, see `MetricFrame`), keeps the data `ready`; `staleAfter` ms without one makes it
 * `stale`. Confirmations cost no render. Freshness is kept by timestamp with one timer, so a burst
 * of frames costs the same few assignments per frame. An error that is not retryable (401, 403,
 * 404) stops asking: numbers already shown stay, marked stale with the reason (`problem`), until
 * `retry()` or a new query.
 */
export class MetricController<M> implements ReactiveController {
  state: WidgetState = 'loading';
  /** The widget's model of the latest frame; kept while stale or while a retry is pending. */
  model: M | null = null;
  frame: MetricFrame | null = null;
  /** The last error's message, while it is current. */
  error: string | null = null;
  /** The name of a source that is not registered yet. */
  waitingFor: string | null = null;
  /** Why the data is stale or missing, while it is; null while `ready` (or loading, or empty). */
  problem: CrmStateProblem | null = null;

  /** Epoch ms the data on screen is true as of: when the source last sent or confirmed it. */
  get asOf(): number | null {
    const asOf = this.frame?.asOf;
    return typeof asOf === 'number' && Number.isFinite(asOf) ? asOf : null;
  }

  /** What the host asked for at the last sync; followed while the host is connected. */
  #inputs: Inputs | null = null;
  #inputsKey = '';
  #retries = 0;
  #connected = false;
  readonly #following = new SerialRun();
  #latest: MetricFrame | null = null;
  #latestStale = false;
  #latestError: unknown = null;
  /** When the pending retry after `#latestError` goes out; undefined when it will not (stopped). */
  #retryAt: number | undefined;
  /** The query ended with an error that asking again will not heal: nothing is asked until retry(). */
  #stopped = false;
  /** The source's connection while it is down (it reconnects by itself), or null while it is up. */
  #connectionDown: ConnectionChange | null = null;
  #modelled: MetricFrame | null = null;
  /** Something arrived since the last sync. */
  #dirty = false;
  /** Inside sync(): signals that arrive synchronously are applied by it, without another update. */
  #syncing = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: MetricControllerOptions<M>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MetricControllerOptions<M>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Data that waited for the page's beat while the host was out of the page (the beat skipped
    // it): the source only confirms it on resubscribing, so it is drawn now.
    const waiting = this.#dirty;
    this.#following.start(() => this.#signals(this.#inputs));
    if (waiting) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#following.stop();
  }

  hostUpdate(): void {
    this.sync();
  }

  /**
   * Brings `state` and `model` up to date for the render about to happen: resubscribes when the
   * host's source or query changed, then applies whatever arrived since the last render. The host
   * calls it at the start of its update (before it reads `model`), so however many frames arrived
   * in between, they cost one model computation and one render.
   */
  sync(): void {
    this.#syncing = true;
    try {
      const source = this.#options.source() || 'default';
      const query = this.#options.query();
      const staleAfter = this.#options.staleAfter();
      const key = `${identity(source)}|${query ? queryKey(query) : ''}|${staleAfter}|${this.#retries}`;
      if (key !== this.#inputsKey) {
        this.#inputsKey = key;
        this.#reset();
        this.#inputs = { source, query, staleAfter };
        // reset() announced the loading state: a listener may have disconnected the host.
        if (this.#connected) this.#following.start(() => this.#signals(this.#inputs));
      }
      if (this.#dirty) this.#flush();
    } finally {
      this.#syncing = false;
    }
  }

  /**
   * Asks the source again now, without waiting for the backoff (the Retry buttons). After a failure
   * on a tile with numbers the numbers stay, stale with the reason, while the new attempt runs.
   */
  retry(): void {
    if (this.model !== null && this.#latestError !== null) {
      // Numbers on screen after a failure: they stay, stale with the reason (now "retrying"), until
      // the new subscription brings a frame or fails again; only the subscription starts over.
      this.#stopped = false;
      this.#retryAt = undefined;
      if (this.#connected) this.#following.start(() => this.#signals(this.#inputs));
      this.#changed();
      return;
    }
    this.#retries++;
    this.#host.requestUpdate();
  }

  /** Feeds `receive` with what the inputs produce: a named source is awaited and switched. */
  #signals(inputs: Inputs | null): Cancel {
    if (!inputs?.query) {
      this.#changed();
      return noop;
    }
    const { source, query, staleAfter } = inputs;
    if (typeof source !== 'string') return this.#listen(source, query, staleAfter);
    const current = new SerialRun();
    const stopWatching = watchSource(source, (resolved) =>
      current.start(() => {
        if (resolved) return this.#listen(resolved, query, staleAfter);
        this.waitingFor = source;
        this.#latest = null;
        this.#connectionDown = null;
        this.#changed();
        return noop;
      }),
    );
    return () => {
      stopWatching();
      current.stop();
    };
  }

  /** The frames of one source and query (shared, retried, marked stale) and its connection status. */
  #listen(source: MetricSource, query: MetricQuery, staleAfter: number): Cancel {
    // The default backoff and real timers: a widget has no options of its own for them.
    const frames = withFreshness(
      withBackoff(queryHub(source).query(query), { onError: (error, _attempt, delay) => this.#failed(error, Date.now() + delay) }),
      staleAfter,
    );
    const stopFrames = frames({
      next: ({ value, stale }) => this.#frame(value, stale),
      // An error that is not worth a retry (or the last one, with a retry limit) ends this query's
      // stream but not the controller: a new source, query or the Retry button starts it again.
      error: (error) => this.#failed(error),
      complete: noop,
    });
    // A broken status channel must not take the data down with it: its error is ignored.
    const stopStatus = connectionChanges(source)({
      next: (change) => {
        this.#connectionDown = change.down ? change : null;
        this.#changed();
      },
      error: noop,
      complete: noop,
    });
    return () => {
      stopFrames();
      stopStatus();
    };
  }

  /** A frame from the source, or the last one again now that it is older than staleAfter. */
  #frame(frame: MetricFrame, stale: boolean): void {
    if (stale) {
      // The same frame again: only its freshness changed.
      this.#latestStale = true;
    } else if (!frame || typeof frame !== 'object') {
      // Not even an object: dropped here (rows are checked once per render, in #model).
      this.#malformed(frameProblem(frame));
    } else {
      const latest = this.#latest;
      // A confirmation of what is on screen while it is fresh and nothing is wrong changes nothing
      // a user sees: it is noted (for the next render's "as of") without asking for a render.
      const confirms = latest !== null && !this.#latestStale && this.#latestError === null && frame.rows === latest.rows && frame.fields === latest.fields;
      this.#latest = frame;
      this.#latestStale = false;
      this.#latestError = null;
      this.#retryAt = undefined;
      this.waitingFor = null;
      this.#dirty = true;
      if (confirms) return;
      // New numbers for a tile that shows fresh numbers: drawn on the page's beat, with the other
      // tiles'. Data that ends a stale spell or an error is drawn at once: the tile's state changes.
      if (this.model !== null && this.state === 'ready' && !this.#syncing) {
        onBeat(this.#drawOnBeat);
        return;
      }
    }
    this.#changed();
  }

  /**
   * A failure: retried at `retryAt`, or, without one, the end of the query until Retry or a new
   * query (not retryable, or out of retries).
   */
  #failed(error: unknown, retryAt?: number): void {
    console.warn(`crm-pulse: source failed, ${retryAt === undefined ? 'stopped until Retry' : 'retrying'}`, error);
    this.#latestError = error;
    this.#retryAt = retryAt;
    if (retryAt === undefined) this.#stopped = true;
    this.#changed();
  }

  #malformed(problem: string | undefined): void {
    console.warn(`crm-pulse: malformed frame dropped: ${problem}`);
    this.#latestError = new Error(`The data source sent malformed data (${problem}).`);
  }

  #drawOnBeat = () => {
    if (this.#connected && this.#dirty) this.#host.requestUpdate();
  };

  /** Something arrived: applied by the next sync. */
  #changed(): void {
    this.#dirty = true;
    // The host renders on animation frames (see CrmMetricElement.scheduleUpdate): a burst of
    // frames between two of them asks for one update.
    if (!this.#syncing) this.#host.requestUpdate();
  }

  #flush(): void {
    this.#dirty = false;
    if (this.#latest !== this.#modelled) this.#model(this.#latest);
    // A lost connection reads like an error: numbers already shown turn stale, none shown yet gives
    // the error view; both clear by themselves when the source reports the link is back.
    const down = this.#connectionDown;
    this.error = this.#latestError !== null ? messageOf(this.#latestError) : down ? down.reason ?? 'The connection to the data source was lost.' : null;
    this.problem = this.#problem();
    this.#setState(this.#nextState());
  }

  /** Models the frame to show, checked first: a malformed one keeps what is on screen. */
  #model(latest: MetricFrame | null): void {
    const previous = this.#modelled;
    const problem = latest ? frameProblem(latest) : undefined;
    if (problem) {
      this.#malformed(problem);
      this.#latest = previous;
      return;
    }
    this.#modelled = latest;
    // Only newer "as of": the same rows need no new model (and the widget no motion).
    if (latest && previous && this.model !== null && latest.rows === previous.rows && latest.fields === previous.fields) {
      this.frame = latest;
      return;
    }
    try {
      this.model = latest ? this.#options.model(latest) : null;
      this.frame = latest;
    } catch (error) {
      console.warn('crm-pulse: unreadable frame', error);
      this.model = null;
      this.frame = null;
      this.#latestError = error;
    }
  }

  #problem(): CrmStateProblem | null {
    const error = this.#latestError;
    const withMessage = (problem: CrmStateProblem, message: string | null | undefined) => (message ? { ...problem, message } : problem);
    if (error !== null) {
      const retrying = !this.#stopped;
      const problem: CrmStateProblem = { kind: problemKind(error), retrying, ...(retrying && this.#retryAt !== undefined ? { retryAt: this.#retryAt } : {}) };
      return withMessage(problem, this.error);
    }
    const down = this.#connectionDown;
    if (down) return withMessage({ kind: down.kind, retrying: down.retrying, ...(down.retryAt !== undefined ? { retryAt: down.retryAt } : {}) }, down.reason);
    if (this.#latestStale && this.model !== null) return { kind: 'silent', retrying: true };
    return null;
  }

  #nextState(): WidgetState {
    if (this.model !== null) return this.#latestStale || this.error !== null ? 'stale' : 'ready';
    if (this.error !== null) return 'error';
    if (this.#modelled !== null) return 'empty';
    return 'loading';
  }

  /** The kind of problem last announced, to announce a new reason in the same state too. */
  #announcedProblem = '';

  #setState(next: WidgetState): void {
    const previous = this.state;
    this.#host.setAttribute('state', next);
    const problem = this.problem;
    const reason = problem ? `${problem.kind}|${problem.retrying}` : '';
    if (next === previous && reason === this.#announcedProblem) return;
    const reasonOnly = next === previous;
    this.#announcedProblem = reason;
    // A reason that comes or goes with a change of state is announced with that change; a reason
    // that changes within `stale` or `error` (unreachable → session expired) is announced alone.
    if (reasonOnly && (next === 'ready' || next === 'loading' || next === 'empty')) return;
    this.state = next;
    this.#host.dispatchEvent(new CrmStateEvent({ state: next, previous, ...(this.error ? { error: this.error } : {}), ...(problem ? { problem } : {}) }));
  }

  /** A new query starts from loading: old numbers would be wrong for it. */
  #reset(): void {
    this.#latest = this.#modelled = this.frame = null;
    this.model = null;
    this.#latestError = null;
    this.#retryAt = undefined;
    this.#stopped = false;
    this.#connectionDown = null;
    this.error = null;
    this.problem = null;
    this.waitingFor = null;
    this.#latestStale = false;
    this.#setState('loading');
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return 'The data source failed.';
}
