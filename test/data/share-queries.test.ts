import { expect } from '@open-wc/testing';
import { type Observable, throwError } from 'rxjs';
import { shareQueries } from '../../src/data/share-queries.js';
import type { MetricFrame, MetricQuery, MetricSource } from '../../src/data/types.js';
import { testScheduler } from './marbles.js';

const f = (value: number): MetricFrame => ({ rows: [{ value }], asOf: value });
const frames = { a: f(1), b: f(2), c: f(3), d: f(4) };

/** A source answering every query with `upstream`, counting the calls to query(). */
function sourceOf(upstream: (q: MetricQuery) => Observable<MetricFrame>): MetricSource & { calls: MetricQuery[] } {
  const calls: MetricQuery[] = [];
  return { calls, query: (q) => (calls.push(q), upstream(q)) };
}

describe('shareQueries', () => {
  it('shareQueries(source) twice is the same wrapper, and wrapping a wrapper returns it', () => {
    const source = sourceOf(() => throwError(() => new Error('unused')));
    const wrapper = shareQueries(source);
    expect(shareQueries(source)).to.equal(wrapper);
    expect(shareQueries(wrapper)).to.equal(wrapper);
  });

  it('two subscribers to identical queries (keys in a different order) open one upstream subscription', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const upstream = cold<MetricFrame>('a-b-c', frames);
      const source = sourceOf(() => upstream);
      const crm = shareQueries(source);
      expectObservable(crm.query({ metric: 'revenue', range: 'today', filters: { team: 'Sales', channel: 'direct' } }), '^-----!').toBe('a-b-c', frames);
      expectObservable(crm.query({ filters: { channel: 'direct', team: 'Sales' }, range: 'today', metric: 'revenue' }), '^-----!').toBe('a-b-c', frames);
      expectSubscriptions(upstream.subscriptions).toBe('^-----!');
    });
  });

  it('a late subscriber gets the latest frame at once, then the live ones', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const upstream = cold<MetricFrame>('a-b-c-d', frames);
      const crm = shareQueries(sourceOf(() => upstream));
      expectObservable(crm.query({ metric: 'revenue' }), '^-------!').toBe('a-b-c-d', frames);
      expectObservable(crm.query({ metric: 'revenue' }), '---^----!').toBe('---bc-d', frames);
      expectSubscriptions(upstream.subscriptions).toBe('^-------!');
    });
  });

  it('the upstream is unsubscribed when the last subscriber leaves, not the first', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const upstream = cold<MetricFrame>('a-b-c-d', frames);
      const crm = shareQueries(sourceOf(() => upstream));
      expectObservable(crm.query({ metric: 'revenue' }), '^--!').toBe('a-b', frames);
      expectObservable(crm.query({ metric: 'revenue' }), '-^----!').toBe('-ab-c', frames);
      expectSubscriptions(upstream.subscriptions).toBe('^-----!');
    });
  });

  it('different queries open separate upstream subscriptions, each asked its own query', () => {
    const source = sourceOf((q) => (q.metric === 'revenue' ? revenue : leads));
    let revenue: Observable<MetricFrame>;
    let leads: Observable<MetricFrame>;
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const r = (revenue = cold<MetricFrame>('a-b', frames));
      const l = (leads = cold<MetricFrame>('-c-d', frames));
      const crm = shareQueries(source);
      expectObservable(crm.query({ metric: 'revenue' }), '^---!').toBe('a-b', frames);
      expectObservable(crm.query({ metric: 'new_leads' }), '^---!').toBe('-c-d', frames);
      expectSubscriptions(r.subscriptions).toBe('^---!');
      expectSubscriptions(l.subscriptions).toBe('^---!');
    });
    expect(source.calls.map((q) => q.metric).sort()).to.deep.equal(['new_leads', 'revenue']);
  });

  it('different filter values are different queries', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const upstream = cold<MetricFrame>('a', frames);
      const crm = shareQueries(sourceOf(() => upstream));
      expectObservable(crm.query({ metric: 'agents', filters: { team: 'Sales' } }), '^-!').toBe('a', frames);
      expectObservable(crm.query({ metric: 'agents', filters: { team: 'Service' } }), '^-!').toBe('a', frames);
      expectSubscriptions(upstream.subscriptions).toBe(['^-!', '^-!']);
    });
  });

  it('after the count drops to zero, a new subscriber resubscribes upstream and gets no old replay', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const upstream = cold<MetricFrame>('a-b-c', frames);
      const crm = shareQueries(sourceOf(() => upstream));
      expectObservable(crm.query({ metric: 'revenue' }), '^--!').toBe('a-b', frames);
      expectObservable(crm.query({ metric: 'revenue' }), '-----^--!').toBe('-----a-b', frames);
      expectSubscriptions(upstream.subscriptions).toBe(['^--!', '-----^--!']);
    });
  });

  it('an upstream error reaches every subscriber, and the next subscriber starts a new upstream', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = new Error('CRM down');
      const upstream = cold<MetricFrame>('a-#', frames, error);
      const crm = shareQueries(sourceOf(() => upstream));
      expectObservable(crm.query({ metric: 'revenue' })).toBe('a-#', frames, error);
      expectObservable(crm.query({ metric: 'revenue' }), '-^').toBe('-a#', frames, error);
      expectObservable(crm.query({ metric: 'revenue' }), '----^').toBe('----a-#', frames, error);
      expectSubscriptions(upstream.subscriptions).toBe(['^-!', '----^-!']);
    });
  });

  it('a completed upstream is asked again by the next subscriber (a one-shot source stays answerable)', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const upstream = cold<MetricFrame>('a|', frames);
      const source = sourceOf(() => upstream);
      const crm = shareQueries(source);
      expectObservable(crm.query({ metric: 'revenue' })).toBe('a|', frames);
      expectObservable(crm.query({ metric: 'revenue' }), '---^').toBe('---a|', frames);
      expectSubscriptions(upstream.subscriptions).toBe(['^!', '---^!']);
    });
  });
});
