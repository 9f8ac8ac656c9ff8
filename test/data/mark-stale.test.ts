import { markStale } from '../../src/data/mark-stale.js';
import { testScheduler } from './marbles.js';

const fresh = (value: string) => ({ value, stale: false });
const stale = (value: string) => ({ value, stale: true });
const values = { a: fresh('a'), b: fresh('b'), A: stale('a'), B: stale('b') };

describe('markStale', () => {
  it('markStale(5): a value is fresh, then the same value is stale 5 ms later without a new one', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a 9ms b').pipe(markStale(5, ts)), '^ 30ms !').toBe('a 4ms A 4ms b 4ms B', values);
    });
  });

  it('a new value before the limit resets the timer', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a--b').pipe(markStale(5, ts)), '^ 30ms !').toBe('a--b 4ms B', values);
    });
  });

  it('a source that completes completes the result: its last value never goes stale', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a|').pipe(markStale(5, ts))).toBe('a|', values);
      expectObservable(cold('a 9ms b|').pipe(markStale(5, ts))).toBe('a 4ms A 4ms b|', values);
    });
  });

  it('errors pass through at once', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a-#', undefined, 'boom').pipe(markStale(5, ts))).toBe('a-#', values, 'boom');
    });
  });

  for (const limit of [0, -1, Infinity, Number.NaN]) {
    it(`markStale(${limit}) never marks stale`, () => {
      const ts = testScheduler();
      ts.run(({ cold, expectObservable }) => {
        expectObservable(cold('a 20ms b').pipe(markStale(limit, ts)), '^ 60ms !').toBe('a 20ms b', values);
      });
    });
  }

  it('unsubscribing cancels the pending stale timer', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a').pipe(markStale(5, ts)), '^--!').toBe('a', values);
    });
  });
});
