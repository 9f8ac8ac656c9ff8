import type { Observable } from 'rxjs';
import { frameProblem } from '../data/check-frame.js';
import type { MetricFrame } from '../data/types.js';

/** A subscription under observation: what arrived, and promises for what a check waits for. */
export interface Watch {
  frames: MetricFrame[];
  /** Whether the stream has ended (completed or errored). */
  readonly done: boolean;
  /** Resolves at the first frame; rejects, saying why, on an error, completion or timeout first. */
  first(timeoutMs: number): Promise<MetricFrame>;
  /** Resolves with the error; rejects, saying why, on a frame, completion or timeout first. */
  error(timeoutMs: number): Promise<unknown>;
  stop(): void;
}

export function watch(frames$: Observable<MetricFrame>): Watch {
  const frames: MetricFrame[] = [];
  let ended: { error: unknown } | { complete: true } | null = null;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const subscription = frames$.subscribe({
    next: (f) => (frames.push(f), changed()),
    error: (error) => ((ended = { error }), changed()),
    complete: () => ((ended = { complete: true }), changed()),
  });
  /** Waits until `settle` returns a verdict or the time is up. */
  const until = <T>(timeoutMs: number, settle: () => { value: T } | { reason: string } | null, late: string) =>
    new Promise<T>((resolve, reject) => {
      const decide = () => {
        const verdict = settle();
        if (!verdict) return;
        done();
        if ('value' in verdict) resolve(verdict.value);
        else reject(new Error(verdict.reason));
      };
      const timer = setTimeout(() => (done(), reject(new Error(late))), timeoutMs);
      const done = () => (clearTimeout(timer), listeners.delete(decide));
      listeners.add(decide);
      decide();
    });
  return {
    frames,
    get done() {
      return ended !== null;
    },
    first: (timeoutMs) =>
      until<MetricFrame>(timeoutMs, () => {
        if (frames.length) return { value: frames[0]! };
        if (ended && 'error' in ended) return { reason: `it errored before its first frame: ${describe(ended.error)}` };
        if (ended) return { reason: 'it completed without a frame' };
        return null;
      }, `no frame within ${timeoutMs} ms`),
    error: (timeoutMs) =>
      until<unknown>(timeoutMs, () => {
        if (ended && 'error' in ended) return { value: ended.error };
        if (frames.length) return { reason: `it emitted a frame (${frames[0]!.rows?.length} rows) instead of an error; a query the source cannot answer must error, not answer empty` };
        if (ended) return { reason: 'it completed without an error' };
        return null;
      }, `it neither errored nor emitted within ${timeoutMs} ms`),
    stop: () => subscription.unsubscribe(),
  };
}

const FIELD_TYPES = ['number', 'string', 'time'];

/** What is wrong with a frame as widgets read it, or undefined. Stricter than what widgets survive. */
export function frameShapeProblem(frame: MetricFrame | undefined): string | undefined {
  const problem = frameProblem(frame);
  if (problem) return problem;
  const { rows, asOf, fields } = frame!;
  if (typeof asOf !== 'number' || !Number.isFinite(asOf)) return `frame.asOf must be epoch milliseconds, got ${describe(asOf)}`;
  if (asOf < 1e11) return `frame.asOf ${asOf} looks like seconds; it must be epoch milliseconds`;
  for (const [i, row] of rows.entries()) {
    for (const [name, cell] of Object.entries(row)) {
      const ok = cell === null || typeof cell === 'string' || typeof cell === 'boolean' || (typeof cell === 'number' && !Number.isNaN(cell));
      if (!ok) return `frame.rows[${i}].${name} is ${describe(cell)}; cells must be a string, a number, a boolean or null`;
    }
  }
  if (fields !== undefined) {
    if (!Array.isArray(fields)) return 'frame.fields must be an array';
    const bad = fields.findIndex((f) => !f || typeof f.name !== 'string' || !FIELD_TYPES.includes(f.type));
    if (bad >= 0) return `frame.fields[${bad}] needs a name and a type of ${FIELD_TYPES.join(', ')}; got ${describe(fields[bad])}`;
  }
  return undefined;
}

/** A value in a few words, for messages. */
export function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return typeof value;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
