import { expect } from '@open-wc/testing';
import { defer, type Observable } from 'rxjs';
import { backoffDelay, retryWithBackoff } from '../../src/data/retry-with-backoff.js';
import { testScheduler } from './marbles.js';

const half = () => 0.5;
/** A subscription marble that opens at `t` and closes one frame later (a source that fails at once). */
const at = (t: number) => `${'-'.repeat(t)}^!`;

describe('backoffDelay', () => {
  it('backoffDelay(1, 1000, 60000, () => 0.5) is 500: half of the initial delay', () => {
    expect(backoffDelay(1, 1000, 60_000, half)).to.equal(500);
  });

  it('the ceiling doubles with each attempt, then stays at maxDelay', () => {
    const justUnder1 = () => 0.999999;
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 50].map((n) => backoffDelay(n, 100, 1000, justUnder1) + 1);
    expect(ceilings).to.deep.equal([100, 200, 400, 800, 1000, 1000, 1000, 1000]);
  });

  it('stays in [0, ceiling) for random 0 and random just under 1', () => {
    for (const attempt of [1, 2, 3, 10]) {
      const ceiling = Math.min(5000, 250 * 2 ** (attempt - 1));
      expect(backoffDelay(attempt, 250, 5000, () => 0)).to.equal(0);
      const top = backoffDelay(attempt, 250, 5000, () => 1 - Number.EPSILON);
      expect(top).to.be.below(ceiling).and.at.least(ceiling - 1);
    }
  });

  it('a huge attempt number is capped at maxDelay, not Infinity', () => {
    expect(backoffDelay(5000, 1000, 60_000, half)).to.equal(30_000);
  });

  it('attempt 0 or below waits like attempt 1', () => {
    expect(backoffDelay(0, 1000, 60_000, half)).to.equal(500);
    expect(backoffDelay(-3, 1000, 60_000, half)).to.equal(500);
  });
});

describe('retryWithBackoff', () => {
  it('resubscribes after full-jitter exponential waits 5, 10, 20, 20 (initialDelay 10, maxDelay 40, random 0.5)', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = new Error('down');
      const upstream = cold('-#', undefined, error);
      const result = upstream.pipe(retryWithBackoff({ initialDelay: 10, maxDelay: 40, maxRetries: 4, random: half, scheduler: ts }));
      // errors at 1 → waits 5 → 6..7 → waits 10 → 17..18 → waits 20 → 38..39 → waits 20 (cap 40·0.5) → 59..60 → gives up
      expectObservable(result).toBe('60ms #', undefined, error);
      expectSubscriptions(upstream.subscriptions).toBe([at(0), at(6), at(17), at(38), at(59)]);
    });
  });

  it('calls onError with each error and its attempt number before the retry, but not on giving up', () => {
    const ts = testScheduler();
    const calls: Array<[string, number]> = [];
    ts.run(({ cold, expectObservable }) => {
      const error = new Error('down');
      const upstream = cold('-#', undefined, error);
      const result = upstream.pipe(
        retryWithBackoff({ initialDelay: 10, maxRetries: 3, random: half, scheduler: ts, onError: (e, n) => calls.push([(e as Error).message, n]) }),
      );
      expectObservable(result).toBe('39ms #', undefined, error);
    });
    expect(calls).to.deep.equal([
      ['down', 1],
      ['down', 2],
      ['down', 3],
    ]);
  });

  it('maxRetries 0 gives up at the first error', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const upstream = cold('--#', undefined, 'boom');
      expectObservable(upstream.pipe(retryWithBackoff({ maxRetries: 0, scheduler: ts }))).toBe('--#', undefined, 'boom');
      expectSubscriptions(upstream.subscriptions).toBe('^-!');
    });
  });

  it('a frame resets the count: the next failure waits the initial delay again', () => {
    const ts = testScheduler();
    const subscribedAt: number[] = [];
    const attempts: number[] = [];
    ts.run(({ cold, expectObservable }) => {
      // The third subscription delivers a frame before it fails; all others fail at once.
      const script = ['#', '#', 'a#', '#', '#'];
      const upstream: Observable<string> = defer(() => {
        subscribedAt.push(ts.now());
        return cold(script[subscribedAt.length - 1] ?? '#');
      });
      const result = upstream.pipe(retryWithBackoff({ initialDelay: 10, maxDelay: 1000, maxRetries: 2, random: half, scheduler: ts, onError: (_, n) => attempts.push(n) }));
      // 0 fails → 5 → 5 fails → 10 → 15 emits a, fails at 16 → count reset: 5 → 21 fails → 10 → 31 fails: 3rd in a row, give up
      expectObservable(result).toBe('15ms a 15ms #', { a: 'a' });
    });
    expect(subscribedAt).to.deep.equal([0, 5, 15, 21, 31]);
    expect(attempts).to.deep.equal([1, 2, 1, 2]);
  });

  it('passes frames through untouched and completes when the source completes', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a-b|').pipe(retryWithBackoff({ scheduler: ts }))).toBe('a-b|');
    });
  });

  it('retries forever by default', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const upstream = cold('#');
      expectObservable(upstream.pipe(retryWithBackoff({ initialDelay: 2, maxDelay: 2, random: half, scheduler: ts })), '^ 10ms !').toBe('');
      // every wait is floor(0.5·2) = 1 ms: a resubscription at 0, 1, … 10; the unsubscribe at 11 comes first
      expectSubscriptions(upstream.subscriptions).toBe(Array.from({ length: 11 }, (_, t) => `${'-'.repeat(t)}(^!)`));
    });
  });
});
