import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { take } from 'rxjs';
import { createSource } from '../../src/data/create-source.js';
import type { MetricFrame, MetricQuery } from '../../src/data/types.js';

const frame = (value: number): MetricFrame => ({ rows: [{ value }], asOf: value });

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A fetchFrame whose every call waits for the test to answer it. */
function manualFetch() {
  const calls: Array<{ query: MetricQuery; signal: AbortSignal } & ReturnType<typeof deferred<MetricFrame>>> = [];
  const fetchFrame = (query: MetricQuery, signal: AbortSignal) => {
    const call = { query, signal, ...deferred<MetricFrame>() };
    calls.push(call);
    return call.promise;
  };
  return { calls, fetchFrame };
}

describe('createSource', () => {
  it('emits the frame fetchFrame resolves, asking it the query', async () => {
    const { calls, fetchFrame } = manualFetch();
    const seen: MetricFrame[] = [];
    createSource(fetchFrame).query({ metric: 'revenue', range: 'today' }).subscribe((f) => seen.push(f));
    await waitUntil(() => calls.length === 1);
    expect(calls[0]!.query).to.deep.equal({ metric: 'revenue', range: 'today' });
    calls[0]!.resolve(frame(7));
    await waitUntil(() => seen.length === 1);
    expect(seen[0]).to.deep.equal(frame(7));
  });

  it('accepts a fetchFrame that returns a frame synchronously', async () => {
    const seen: MetricFrame[] = [];
    createSource(() => frame(3)).query({ metric: 'revenue' }).subscribe((f) => seen.push(f));
    await waitUntil(() => seen.length === 1);
    expect(seen[0]).to.deep.equal(frame(3));
  });

  it('without intervalMs it completes after one frame and fetches once', async () => {
    let fetches = 0;
    let completed = false;
    const seen: MetricFrame[] = [];
    createSource(async () => frame(++fetches))
      .query({ metric: 'revenue' })
      .subscribe({ next: (f) => seen.push(f), complete: () => (completed = true) });
    await waitUntil(() => completed);
    await aTimeout(30);
    expect(seen).to.deep.equal([frame(1)]);
    expect(fetches).to.equal(1);
  });

  it('with intervalMs it fetches again only after the previous answer, never overlapping', async () => {
    const { calls, fetchFrame } = manualFetch();
    const seen: MetricFrame[] = [];
    const subscription = createSource(fetchFrame, { intervalMs: 10 }).query({ metric: 'revenue' }).subscribe((f) => seen.push(f));
    await waitUntil(() => calls.length === 1);
    await aTimeout(60); // six intervals pass while the first request is still out
    expect(calls).to.have.length(1);
    calls[0]!.resolve(frame(1));
    await waitUntil(() => calls.length === 2);
    expect(seen).to.deep.equal([frame(1)]);
    await aTimeout(60);
    expect(calls).to.have.length(2);
    calls[1]!.resolve(frame(2));
    await waitUntil(() => calls.length === 3);
    expect(seen).to.deep.equal([frame(1), frame(2)]);
    subscription.unsubscribe();
  });

  it('waits intervalMs after each answer before the next request', async () => {
    const { calls, fetchFrame } = manualFetch();
    const subscription = createSource(fetchFrame, { intervalMs: 80 }).query({ metric: 'revenue' }).subscribe();
    await waitUntil(() => calls.length === 1);
    calls[0]!.resolve(frame(1));
    await aTimeout(30);
    expect(calls).to.have.length(1);
    await waitUntil(() => calls.length === 2, 'no second request', { timeout: 1000 });
    subscription.unsubscribe();
  });

  it('unsubscribing aborts the signal passed to the request in flight and drops its answer', async () => {
    const { calls, fetchFrame } = manualFetch();
    const seen: MetricFrame[] = [];
    const subscription = createSource(fetchFrame, { intervalMs: 10 }).query({ metric: 'revenue' }).subscribe((f) => seen.push(f));
    await waitUntil(() => calls.length === 1);
    expect(calls[0]!.signal.aborted).to.equal(false);
    subscription.unsubscribe();
    expect(calls[0]!.signal.aborted).to.equal(true);
    calls[0]!.resolve(frame(1));
    await aTimeout(40);
    expect(seen).to.deep.equal([]);
    expect(calls).to.have.length(1);
  });

  it('unsubscribing between requests stops the interval', async () => {
    let fetches = 0;
    const subscription = createSource(async () => frame(++fetches), { intervalMs: 10 }).query({ metric: 'revenue' }).subscribe();
    await waitUntil(() => fetches >= 2);
    subscription.unsubscribe();
    const asked = fetches;
    await aTimeout(60);
    expect(fetches).to.equal(asked);
  });

  it('take(1) with intervalMs fetches once: leaving inside next() schedules no further request', async () => {
    let fetches = 0;
    const seen: MetricFrame[] = [];
    createSource(async () => frame(++fetches), { intervalMs: 10 })
      .query({ metric: 'revenue' })
      .pipe(take(1))
      .subscribe((f) => seen.push(f));
    await waitUntil(() => seen.length === 1);
    await aTimeout(60);
    expect(fetches).to.equal(1);
  });

  it('a rejected promise errors the stream with its reason', async () => {
    const { calls, fetchFrame } = manualFetch();
    let error: unknown;
    createSource(fetchFrame).query({ metric: 'revenue' }).subscribe({ error: (e) => (error = e) });
    await waitUntil(() => calls.length === 1);
    calls[0]!.reject(new Error('HTTP 503'));
    await waitUntil(() => error !== undefined);
    expect((error as Error).message).to.equal('HTTP 503');
  });

  it('a fetchFrame that throws synchronously errors the stream instead of throwing at subscribe', async () => {
    let error: unknown;
    const query = createSource(() => {
      throw new Error('bad config');
    }).query({ metric: 'revenue' });
    expect(() => query.subscribe({ error: (e) => (error = e) })).not.to.throw();
    await waitUntil(() => error !== undefined);
    expect((error as Error).message).to.equal('bad config');
  });

  it('a later request that fails errors the stream after the earlier frames', async () => {
    const { calls, fetchFrame } = manualFetch();
    const seen: MetricFrame[] = [];
    let error: unknown;
    createSource(fetchFrame, { intervalMs: 5 })
      .query({ metric: 'revenue' })
      .subscribe({ next: (f) => seen.push(f), error: (e) => (error = e) });
    await waitUntil(() => calls.length === 1);
    calls[0]!.resolve(frame(1));
    await waitUntil(() => calls.length === 2);
    calls[1]!.reject(new Error('timeout'));
    await waitUntil(() => error !== undefined);
    expect(seen).to.deep.equal([frame(1)]);
    expect(calls[1]!.signal.aborted).to.equal(true); // the teardown after the error releases it
  });
});
