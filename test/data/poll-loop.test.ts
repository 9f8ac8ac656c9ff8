import { expect } from '@open-wc/testing';
import { pollLoop } from '../../src/data/poll-loop.js';
import { type Producer, type Sink, noop } from '../../src/data/producer.js';
import { ManualClock, recorder } from './manual-clock.js';

const backoff = { initialDelay: 10, maxDelay: 40, random: () => 0.5 };
const always = () => true;

/** A request the test answers by hand; counts starts and cancels. */
function manualRequest() {
  const calls: Array<{ sink: Sink<string>; cancelled: boolean }> = [];
  const request: Producer<string> = (sink) => {
    const call = { sink, cancelled: false };
    calls.push(call);
    return () => void (call.cancelled = true);
  };
  return { calls, request, last: () => calls.at(-1)! };
}

/** A visibility signal the test flips: the current value on start, then each change. */
function manualVisibility(initial: boolean) {
  let shown = initial;
  const sinks = new Set<Sink<boolean>>();
  const visible: Producer<boolean> = (sink) => {
    sinks.add(sink);
    sink.next(shown);
    return () => void sinks.delete(sink);
  };
  const set = (value: boolean) => {
    shown = value;
    for (const sink of [...sinks]) sink.next(value);
  };
  return { visible, set, listeners: () => sinks.size };
}

describe('pollLoop (the plain core of pollSchedule)', () => {
  it('asks at once, then intervalMs after each answer, never while a request is open', () => {
    const clock = new ManualClock();
    const { calls, request, last } = manualRequest();
    const sink = recorder<string>();
    pollLoop(request, { intervalMs: 5, backoff, visible: manualVisibility(true).visible, wake: () => noop, isTransient: always, schedule: clock.schedule })(sink);
    clock.advance(0);
    expect(calls).to.have.length(1);
    clock.advance(50);
    expect(calls, 'no second request while the first is open').to.have.length(1);
    last().sink.next('a');
    last().sink.complete();
    clock.advance(4);
    expect(calls).to.have.length(1);
    clock.advance(1);
    expect(calls).to.have.length(2);
    expect(sink.values()).to.deep.equal(['a']);
  });

  it('a request that answers synchronously waits out its interval before the next', () => {
    const clock = new ManualClock();
    let starts = 0;
    const request: Producer<number> = (sink) => {
      sink.next(++starts);
      sink.complete();
      return noop;
    };
    const sink = recorder<number>();
    const stop = pollLoop(request, { intervalMs: 10, backoff, visible: manualVisibility(true).visible, wake: () => noop, isTransient: always, schedule: clock.schedule })(sink);
    clock.advance(35);
    expect(sink.values()).to.deep.equal([1, 2, 3, 4]);
    stop();
    expect(clock.pending, 'cancel leaves no timer').to.equal(0);
  });

  it('cancelling during a request cancels it; during a wait stops listening to the page', () => {
    const clock = new ManualClock();
    const { request, last } = manualRequest();
    const page = manualVisibility(true);
    const options = { intervalMs: 5, backoff, visible: page.visible, wake: () => noop, isTransient: always, schedule: clock.schedule };
    const stopDuringRequest = pollLoop(request, options)(recorder());
    clock.advance(0);
    stopDuringRequest();
    expect(last().cancelled).to.equal(true);

    const stopDuringWait = pollLoop(request, options)(recorder());
    expect(page.listeners()).to.equal(1);
    stopDuringWait();
    expect(page.listeners()).to.equal(0);
    expect(clock.pending).to.equal(0);
  });

  it('a permanent error ends the stream; a transient one is retried after the jittered backoff', () => {
    const clock = new ManualClock();
    const { calls, request, last } = manualRequest();
    const outcomes: unknown[] = [];
    const sink = recorder<string>();
    const isTransient = (error: unknown) => error !== 'fatal';
    pollLoop(request, { intervalMs: 100, backoff, visible: manualVisibility(true).visible, wake: () => noop, isTransient, onOutcome: (f) => outcomes.push(f && f.delay), schedule: clock.schedule })(sink);
    clock.advance(0);
    last().sink.error('503');
    clock.advance(4);
    expect(calls).to.have.length(1);
    clock.advance(1);
    expect(calls, 'retried 5 ms later (half of 10)').to.have.length(2);
    last().sink.error('fatal');
    expect(sink.seen).to.deep.equal([['error', 'fatal']]);
    expect(outcomes).to.deep.equal([5]);
    expect(clock.pending).to.equal(0);
  });

  it('hidden: no request, however long; shown again: a request at once', () => {
    const clock = new ManualClock();
    const { calls, request } = manualRequest();
    const page = manualVisibility(false);
    pollLoop(request, { intervalMs: 5, backoff, visible: page.visible, wake: () => noop, isTransient: always, schedule: clock.schedule })(recorder());
    clock.advance(1000);
    expect(calls).to.have.length(0);
    page.set(true);
    expect(calls).to.have.length(1);
    expect(page.listeners(), 'no one listens to the page during a request').to.equal(0);
  });

  it('a wake asks at once in the middle of a wait', () => {
    const clock = new ManualClock();
    const { calls, request, last } = manualRequest();
    let wakeUp = () => {};
    const wake: Producer<unknown> = (sink) => {
      wakeUp = () => sink.next('online');
      return () => (wakeUp = () => {});
    };
    pollLoop(request, { intervalMs: 1000, backoff, visible: manualVisibility(true).visible, wake, isTransient: always, schedule: clock.schedule })(recorder());
    clock.advance(0);
    last().sink.complete();
    clock.advance(10);
    wakeUp();
    expect(calls).to.have.length(2);
    expect(clock.pending, 'the interval timer is cancelled').to.equal(0);
  });
});
