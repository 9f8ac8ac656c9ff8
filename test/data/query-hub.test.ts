import { expect } from '@open-wc/testing';
import { Observable, Subject, firstValueFrom } from 'rxjs';
import { queryHub } from '../../src/data/query-hub.js';
import { shareQueries } from '../../src/data/share-queries.js';
import type { MetricFrame, MetricSource } from '../../src/data/types.js';
import { ManualSource, frame } from '../helpers/sources.js';
import { recorder } from './manual-clock.js';

const q = { metric: 'revenue' };

/** A source that opens a fresh Subject per upstream subscription: `opened[i]` drives the i-th. */
function subjectSource() {
  const opened: Array<Subject<MetricFrame>> = [];
  const source: MetricSource = {
    query: () =>
      new Observable<MetricFrame>((subscriber) => {
        const subject = new Subject<MetricFrame>();
        opened.push(subject);
        return subject.subscribe(subscriber);
      }),
  };
  return { source, opened, last: () => opened[opened.length - 1] };
}

describe('queryHub', () => {
  it('a listener that throws does not cost the others their frame', async () => {
    const source = new ManualSource(frame([{ value: 1 }]));
    const hub = queryHub(source);
    const seen: number[] = [];
    const errors: unknown[] = [];
    // The error is rethrown apart, where the page's handlers see it; the test framework's own
    // handler would count it as a failure, so it steps aside for this test.
    const frameworkHandler = window.onerror;
    window.onerror = (_message, _source, _line, _column, error) => {
      errors.push(error);
      return true;
    };
    try {
      const throwing = hub.query({ metric: 'x' })({ next: () => { throw new Error('listener broke'); }, error: () => {}, complete: () => {} });
      const healthy = hub.query({ metric: 'x' })({ next: (f) => seen.push(f.rows[0]!.value as number), error: () => {}, complete: () => {} });
      source.emit([{ value: 2 }]);
      expect(seen).to.deep.equal([1, 2]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(errors.map((e) => (e as Error).message)).to.include('listener broke');
      throwing();
      healthy();
    } finally {
      window.onerror = frameworkHandler;
    }
  });

  it('queryHub(source) is one hub per source object', () => {
    const source = new ManualSource();
    expect(queryHub(source)).to.equal(queryHub(source));
    expect(queryHub(new ManualSource())).not.to.equal(queryHub(source));
  });

  it('two listeners share one upstream subscription; the last to leave closes it, not the first', () => {
    const source = new ManualSource();
    const stopA = queryHub(source).query(q)(recorder<MetricFrame>());
    const stopB = queryHub(source).query({ metric: 'revenue' })(recorder<MetricFrame>());
    expect([source.opened, source.active]).to.deep.equal([1, 1]);
    stopA();
    stopA();
    expect(source.active).to.equal(1);
    stopB();
    expect(source.active).to.equal(0);
  });

  it('a late listener gets the latest frame at once, then the live ones', () => {
    const source = new ManualSource();
    queryHub(source).query(q)(recorder<MetricFrame>());
    source.emit([{ value: 1 }]);
    source.emit([{ value: 2 }]);
    const late = recorder<MetricFrame>();
    queryHub(source).query(q)(late);
    source.emit([{ value: 3 }]);
    expect(late.values().map((f) => f.rows[0].value)).to.deep.equal([2, 3]);
  });

  it('a source that emits synchronously on subscribe reaches the first listener, and the second by replay', () => {
    const source = new ManualSource(frame([{ value: 7 }]));
    const first = recorder<MetricFrame>();
    const second = recorder<MetricFrame>();
    queryHub(source).query(q)(first);
    queryHub(source).query(q)(second);
    expect(first.values().map((f) => f.rows[0].value)).to.deep.equal([7]);
    expect(second.values().map((f) => f.rows[0].value)).to.deep.equal([7]);
    expect(source.opened).to.equal(1);
  });

  it('after everyone left, the next listener opens a new upstream subscription and gets no old frame', () => {
    const { source, opened, last } = subjectSource();
    const stop = queryHub(source).query(q)(recorder<MetricFrame>());
    last().next(frame([{ value: 1 }]));
    stop();
    expect(last().observed).to.equal(false);
    const next = recorder<MetricFrame>();
    queryHub(source).query(q)(next);
    expect(opened).to.have.length(2);
    expect(next.seen).to.deep.equal([]);
  });

  it('an error reaches every listener; one that asks again at once gets a new upstream subscription', () => {
    const { source, opened, last } = subjectSource();
    const hub = queryHub(source);
    const again = recorder<MetricFrame>();
    const first = { ...recorder<MetricFrame>(), error: () => void hub.query(q)(again) };
    const second = recorder<MetricFrame>();
    hub.query(q)(first);
    hub.query(q)(second);
    last().error(new Error('down'));
    expect(second.seen.map((e) => e[0])).to.deep.equal(['error']);
    expect(opened).to.have.length(2);
    last().next(frame([{ value: 2 }]));
    expect(again.values().map((f) => f.rows[0].value)).to.deep.equal([2]);
    expect(second.values()).to.deep.equal([]);
  });

  it('a listener that leaves while another handles a frame gets nothing more', () => {
    const source = new ManualSource();
    const hub = queryHub(source);
    const second = recorder<MetricFrame>();
    let stopSecond = () => {};
    hub.query(q)({ ...recorder<MetricFrame>(), next: () => stopSecond() });
    stopSecond = hub.query(q)(second);
    source.emit([{ value: 1 }]);
    expect(second.seen).to.deep.equal([]);
  });

  it('a query() that throws is an error of the stream, asked again by the next listener', () => {
    let calls = 0;
    const source: MetricSource = {
      query: () => {
        calls++;
        throw new Error('bad query');
      },
    };
    const sink = recorder<MetricFrame>();
    queryHub(source).query(q)(sink);
    queryHub(source).query(q)(recorder<MetricFrame>());
    expect((sink.seen[0][1] as Error).message).to.equal('bad query');
    expect(calls).to.equal(2);
  });

  it('works with a source whose streams are not RxJS Observables, only subscribable', () => {
    let unsubscribed = 0;
    const source = {
      query: () => ({
        subscribe(observer: { next: (f: MetricFrame) => void }) {
          observer.next(frame([{ value: 5 }]));
          return { unsubscribe: () => void unsubscribed++ };
        },
      }),
    } as unknown as MetricSource;
    const sink = recorder<MetricFrame>();
    const stop = queryHub(source).query(q)(sink);
    expect(sink.values().map((f) => f.rows[0].value)).to.deep.equal([5]);
    stop();
    expect(unsubscribed).to.equal(1);
  });

  it('shareQueries(source) shares through the same hub: an Observable subscriber and a hub listener open one upstream', async () => {
    const source = new ManualSource(frame([{ value: 1 }]));
    const stop = queryHub(source).query(q)(recorder<MetricFrame>());
    const viaWrapper = await firstValueFrom(shareQueries(source).query(q));
    expect(viaWrapper.rows[0].value).to.equal(1);
    expect(queryHub(shareQueries(source))).to.equal(queryHub(source));
    expect(source.opened).to.equal(1);
    stop();
    expect(source.active).to.equal(0);
  });

  it('shareQueries passes status() through to the source', () => {
    const status = new Observable<never>();
    const source: MetricSource = { query: () => new Observable(), status: () => status };
    expect(shareQueries(source).status?.()).to.equal(status);
    expect(shareQueries({ query: () => new Observable() }).status).to.equal(undefined);
  });
});
