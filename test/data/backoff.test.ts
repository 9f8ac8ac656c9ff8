import { expect } from '@open-wc/testing';
import { Observable, Subject } from 'rxjs';
import { withBackoff } from '../../src/data/backoff.js';
import { producerOf } from '../../src/data/producer.js';
import { ManualClock, recorder } from './manual-clock.js';

const half = () => 0.5;

/** An upstream whose every subscription is a new Subject the test drives; counts the open ones. */
function upstream() {
  const subjects: Array<Subject<string>> = [];
  let active = 0;
  const producer = producerOf(
    () =>
      new Observable<string>((subscriber) => {
        const subject = new Subject<string>();
        subjects.push(subject);
        active++;
        const subscription = subject.subscribe(subscriber);
        return () => {
          active--;
          subscription.unsubscribe();
        };
      }),
  );
  return { producer, subjects, last: () => subjects[subjects.length - 1], active: () => active };
}

describe('withBackoff', () => {
  it('an onError that throws ends the stream with its error instead of leaving it hanging', () => {
    const clock = new ManualClock();
    const up = upstream();
    const sink = recorder<string>();
    withBackoff(up.producer, { schedule: clock.schedule, random: half, onError: () => { throw new Error('broken handler'); } })(sink);
    up.last()!.error(new Error('down'));
    expect(sink.seen.map((e) => e[0])).to.deep.equal(['error']);
    expect((sink.seen[0]![1] as Error).message).to.equal('broken handler');
    expect(clock.pending).to.equal(0);
    expect(up.active()).to.equal(0);
  });

  it('resubscribes after the backoff wait, and the attempt count starts over after a value', () => {
    const clock = new ManualClock();
    const up = upstream();
    const attempts: number[] = [];
    const sink = recorder<string>();
    withBackoff(up.producer, { initialDelay: 10, random: half, schedule: clock.schedule, onError: (_, n) => attempts.push(n) })(sink);
    up.last().error('down');
    clock.advance(4);
    expect(up.subjects).to.have.length(1);
    clock.advance(1); // 0.5 · 10
    expect(up.subjects).to.have.length(2);
    up.last().error('down');
    clock.advance(10); // 0.5 · 20
    up.last().next('a');
    up.last().error('down');
    clock.advance(5); // count reset: 0.5 · 10 again
    expect(up.subjects).to.have.length(4);
    expect(attempts).to.deep.equal([1, 2, 1]);
    expect(sink.seen).to.deep.equal([['next', 'a']]);
  });

  it('cancel during a wait clears the timer: no resubscription follows', () => {
    const clock = new ManualClock();
    const up = upstream();
    const cancel = withBackoff(up.producer, { initialDelay: 10, random: half, schedule: clock.schedule })(recorder<string>());
    up.last().error('down');
    expect(clock.pending).to.equal(1);
    cancel();
    expect(clock.pending).to.equal(0);
    clock.advance(1000);
    expect(up.subjects).to.have.length(1);
    expect(up.active()).to.equal(0);
  });

  it('cancel closes the current attempt', () => {
    const clock = new ManualClock();
    const up = upstream();
    const cancel = withBackoff(up.producer, { schedule: clock.schedule })(recorder<string>());
    expect(up.active()).to.equal(1);
    cancel();
    expect(up.active()).to.equal(0);
  });

  it('an onError that cancels leaves no timer behind', () => {
    const clock = new ManualClock();
    const up = upstream();
    let cancel = () => {};
    cancel = withBackoff(up.producer, { schedule: clock.schedule, onError: () => cancel() })(recorder<string>());
    up.last().error('down');
    expect(clock.pending).to.equal(0);
  });

  it('after maxRetries failures in a row the error passes on, and nothing is scheduled', () => {
    const clock = new ManualClock();
    const up = upstream();
    const sink = recorder<string>();
    withBackoff(up.producer, { maxRetries: 1, initialDelay: 10, random: half, schedule: clock.schedule })(sink);
    up.last().error('one');
    clock.advance(5);
    up.last().error('two');
    expect(sink.seen).to.deep.equal([['error', 'two']]);
    expect(clock.pending).to.equal(0);
  });

  for (const maxRetries of [0, -1, Number.NaN]) {
    it(`maxRetries ${maxRetries} passes the first error on without onError or a timer`, () => {
      const clock = new ManualClock();
      const up = upstream();
      const sink = recorder<string>();
      let calls = 0;
      withBackoff(up.producer, { maxRetries, schedule: clock.schedule, onError: () => calls++ })(sink);
      up.last().error('down');
      expect(sink.seen).to.deep.equal([['error', 'down']]);
      expect([calls, clock.pending]).to.deep.equal([0, 0]);
    });
  }

  it('a source that fails synchronously on every subscribe is retried on the clock, not in a loop', () => {
    const clock = new ManualClock();
    let subscribed = 0;
    const failing = producerOf<string>(
      () =>
        new Observable<string>((subscriber) => {
          subscribed++;
          subscriber.error('down');
        }),
    );
    const cancel = withBackoff(failing, { initialDelay: 10, maxDelay: 10, random: half, schedule: clock.schedule })(recorder<string>());
    expect(subscribed).to.equal(1);
    clock.advance(15);
    expect(subscribed).to.equal(4); // at 0, 5, 10, 15
    cancel();
    clock.advance(100);
    expect(subscribed).to.equal(4);
  });
});
