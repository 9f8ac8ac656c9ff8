import { expect } from '@open-wc/testing';
import { NEVER } from 'rxjs';
import { getSource, registerSource, unregisterSource, watchSource } from '../../src/data/source-store.js';
import type { MetricSource } from '../../src/data/types.js';

const source = (): MetricSource => ({ query: () => NEVER });
const NAMES = ['store-x', 'store-y'];

describe('source store', () => {
  const stops: Array<() => void> = [];
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    for (const name of NAMES) unregisterSource(name);
  });

  const watch = (name: string) => {
    const seen: Array<MetricSource | undefined> = [];
    stops.push(watchSource(name, (s) => seen.push(s)));
    return seen;
  };

  it("watchSource('x') is called with undefined now, then with each source that takes the name, once each", () => {
    const seen = watch('store-x');
    const a = source();
    const b = source();
    registerSource('store-x', a);
    registerSource('store-x', a);
    registerSource('store-y', b);
    registerSource('store-x', b);
    unregisterSource('store-x');
    expect(seen).to.deep.equal([undefined, a, b, undefined]);
  });

  it('the result stops listening', () => {
    const seen: unknown[] = [];
    const stop = watchSource('store-x', (s) => seen.push(s));
    stop();
    registerSource('store-x', source());
    expect(seen).to.deep.equal([undefined]);
  });

  it('a listener that registers a source re-enters, and no listener is left with the older source', () => {
    const first = source();
    const second = source();
    stops.push(
      watchSource('store-x', (s) => {
        if (s === first) registerSource('store-x', second);
      }),
    );
    const seen = watch('store-x');
    registerSource('store-x', first);
    expect(seen[seen.length - 1]).to.equal(second);
    expect(getSource('store-x')).to.equal(second);
  });

  it('registrations live on globalThis, so a second copy of the library sees them', () => {
    const crm = source();
    registerSource('store-x', crm);
    const shared = (globalThis as unknown as Record<symbol, { sources: ReadonlyMap<string, MetricSource> }>)[Symbol.for('crm-pulse.sources')];
    expect(shared.sources.get('store-x')).to.equal(crm);
  });
});
