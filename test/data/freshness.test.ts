import { expect } from '@open-wc/testing';
import { Subject } from 'rxjs';
import { withFreshness } from '../../src/data/freshness.js';
import { producerOf } from '../../src/data/producer.js';
import { ManualClock, recorder } from './manual-clock.js';

const fresh = (value: string) => ({ value, stale: false });
const stale = (value: string) => ({ value, stale: true });

/** A subject as a producer, and the freshness of what it pushes on a manual clock. */
function setup(staleAfter: number) {
  const clock = new ManualClock();
  const subject = new Subject<string>();
  const sink = recorder<{ value: string; stale: boolean }>();
  const cancel = withFreshness(producerOf(() => subject), staleAfter, clock.schedule, () => clock.now)(sink);
  return { clock, subject, sink, cancel };
}

describe('withFreshness', () => {
  it('a sink that makes the upstream emit again while it handles a value: the newer value is the one that goes stale', () => {
    const clock = new ManualClock();
    const subject = new Subject<string>();
    const seen: Array<{ value: string; stale: boolean }> = [];
    withFreshness(producerOf(() => subject), 5, clock.schedule, () => clock.now)({
      next: (v) => {
        seen.push(v);
        if (v.value === '1' && !v.stale) subject.next('2');
      },
      error: () => {},
      complete: () => {},
    });
    subject.next('1');
    expect(clock.pending).to.equal(1);
    clock.advance(5);
    expect(seen).to.deep.equal([fresh('1'), fresh('2'), stale('2')]);
  });

  it('withFreshness(5): fresh at once, the same value stale 5 ms later, one timer at a time', () => {
    const { clock, subject, sink } = setup(5);
    subject.next('a');
    expect(clock.pending).to.equal(1);
    clock.advance(4);
    subject.next('b');
    expect(clock.pending).to.equal(1);
    clock.advance(4);
    expect(sink.values()).to.deep.equal([fresh('a'), fresh('b')]);
    clock.advance(1);
    expect(sink.values()).to.deep.equal([fresh('a'), fresh('b'), stale('b')]);
    expect(clock.pending).to.equal(0);
  });

  it('cancel clears the pending timer and closes the upstream', () => {
    const { clock, subject, sink, cancel } = setup(5);
    subject.next('a');
    cancel();
    expect(clock.pending).to.equal(0);
    expect(subject.observed).to.equal(false);
    clock.advance(10);
    expect(sink.values()).to.deep.equal([fresh('a')]);
  });

  it('completion and error clear the pending timer: the last value never goes stale', () => {
    const done = setup(5);
    done.subject.next('a');
    done.subject.complete();
    expect(done.clock.pending).to.equal(0);
    expect(done.sink.seen).to.deep.equal([['next', fresh('a')], ['complete']]);
    const failed = setup(5);
    failed.subject.next('a');
    failed.subject.error('boom');
    expect(failed.clock.pending).to.equal(0);
    expect(failed.sink.seen).to.deep.equal([['next', fresh('a')], ['error', 'boom']]);
  });

  for (const limit of [0, -5, Infinity, Number.NaN]) {
    it(`withFreshness(${limit}) schedules no timer at all`, () => {
      const { clock, subject, sink } = setup(limit);
      subject.next('a');
      expect(clock.pending).to.equal(0);
      expect(sink.values()).to.deep.equal([fresh('a')]);
    });
  }

  it('a sink that cancels while it handles a fresh value leaves no timer behind', () => {
    const clock = new ManualClock();
    const subject = new Subject<string>();
    let cancel = () => {};
    const seen: unknown[] = [];
    cancel = withFreshness(producerOf(() => subject), 5, clock.schedule, () => clock.now)({
      next: (v) => {
        seen.push(v);
        cancel();
      },
      error: () => {},
      complete: () => {},
    });
    subject.next('a');
    expect(seen).to.deep.equal([fresh('a')]);
    expect(clock.pending).to.equal(0);
    expect(subject.observed).to.equal(false);
  });
});

describe('withFreshness costs no timer work per value', () => {
  it('a thousand values in a row keep one timer, which goes stale staleAfter after the last', () => {
    const { clock, subject, sink } = setup(10);
    for (let i = 0; i < 1000; i++) {
      subject.next(String(i));
      clock.advance(0.005);
    }
    expect(clock.pending).to.equal(1);
    clock.advance(9);
    expect(sink.values().at(-1)).to.deep.equal(fresh('999'));
    clock.advance(2);
    expect(sink.values().at(-1)).to.deep.equal(stale('999'));
  });
});
