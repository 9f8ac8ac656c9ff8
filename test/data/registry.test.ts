import { expect } from '@open-wc/testing';
import { NEVER, type Subscription } from 'rxjs';
import { getSource, registerSource, sourceNamed, unregisterSource } from '../../src/data/registry.js';
import type { MetricSource } from '../../src/data/types.js';

const source = (): MetricSource => ({ query: () => NEVER });
const NAMES = ['test-x', 'test-y'];

describe('registry', () => {
  let subscription: Subscription | undefined;
  afterEach(() => {
    subscription?.unsubscribe();
    subscription = undefined;
    for (const name of NAMES) unregisterSource(name);
  });

  /** Subscribes to sourceNamed(name) and returns everything it emits, as it arrives. */
  const watch = (name: string) => {
    const seen: Array<MetricSource | undefined> = [];
    subscription = sourceNamed(name).subscribe((s) => seen.push(s));
    return seen;
  };

  it("sourceNamed('x') emits undefined first, then the source registered later (late binding)", () => {
    const seen = watch('test-x');
    expect(seen).to.deep.equal([undefined]);
    const crm = source();
    registerSource('test-x', crm);
    expect(seen).to.have.length(2);
    expect(seen[1]).to.equal(crm);
  });

  it('emits undefined again after unregisterSource', () => {
    const crm = source();
    registerSource('test-x', crm);
    const seen = watch('test-x');
    unregisterSource('test-x');
    expect(seen).to.have.length(2);
    expect(seen[0]).to.equal(crm);
    expect(seen[1]).to.equal(undefined);
  });

  it('re-registering a name switches its subscribers to the new source', () => {
    const first = source();
    const second = source();
    registerSource('test-x', first);
    const seen = watch('test-x');
    registerSource('test-x', second);
    expect(seen).to.have.length(2);
    expect(seen[0]).to.equal(first);
    expect(seen[1]).to.equal(second);
    expect(getSource('test-x')).to.equal(second);
  });

  it('registering the same source again or another name emits nothing new', () => {
    const crm = source();
    registerSource('test-x', crm);
    const seen = watch('test-x');
    registerSource('test-x', crm);
    registerSource('test-y', source());
    unregisterSource('test-y');
    expect(seen).to.have.length(1);
  });

  it('getSource(name) is the source now, undefined when none is registered', () => {
    expect(getSource('test-x')).to.equal(undefined);
    const crm = source();
    registerSource('test-x', crm);
    expect(getSource('test-x')).to.equal(crm);
    unregisterSource('test-x');
    expect(getSource('test-x')).to.equal(undefined);
  });

  it('unregisterSource of an unknown name does nothing', () => {
    const seen = watch('test-x');
    expect(() => unregisterSource('never-registered')).not.to.throw();
    expect(seen).to.deep.equal([undefined]);
  });

  it('registerSource with a non-source throws a TypeError and registers nothing', () => {
    for (const bad of [null, undefined, {}, { query: 'revenue' }, 42]) {
      expect(() => registerSource('test-x', bad as unknown as MetricSource)).to.throw(TypeError, /query/);
    }
    expect(getSource('test-x')).to.equal(undefined);
  });

  it('registrations live on globalThis, so a second copy of the library sees them', () => {
    const crm = source();
    registerSource('test-x', crm);
    const shared = (globalThis as unknown as Record<symbol, { sources: ReadonlyMap<string, MetricSource> }>)[Symbol.for('crm-pulse.sources')];
    expect(shared?.sources.get('test-x')).to.equal(crm);
  });
});
