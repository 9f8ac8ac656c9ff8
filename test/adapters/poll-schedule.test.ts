import { expect } from '@open-wc/testing';
import { BehaviorSubject, NEVER, type Observable, defer } from 'rxjs';
import { pollSchedule } from '../../src/data/poll-schedule.js';
import { testScheduler } from '../data/marbles.js';

const half = () => 0.5;
const backoff = { initialDelay: 10, maxDelay: 40, random: half };
const always = () => true;
const sub = (from: number, to: number) => `${'-'.repeat(from)}^${'-'.repeat(to - from - 1)}!`;

describe('pollSchedule (marbles)', () => {
  it('requests at once, then intervalMs after each answer: a slow answer delays the next request', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      // each request answers after 2 frames; interval 5 → requests at 0, 7, 14
      const request = cold('--(a|)');
      const result = pollSchedule(request, { intervalMs: 5, backoff, visible: new BehaviorSubject(true), wake: NEVER, isTransient: always, scheduler: ts });
      expectObservable(result, '^ 16ms !').toBe('--a------a------a');
      expectSubscriptions(request.subscriptions).toBe([sub(0, 2), sub(7, 9), sub(14, 16)]);
    });
  });

  it('backs off 5, 10, 20, 20 after failures in a row (full jitter, random 0.5, cap 40), then polls on interval again', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable }) => {
      let calls = 0;
      const answers = ['#', '#', '#', '#', 'a|'];
      const requests: number[] = [];
      const request = defer(() => {
        requests.push(ts.now());
        return cold(`-${answers[Math.min(calls++, answers.length - 1)]}`, { a: 'a' }, new Error('503'));
      });
      const failures: Array<[number, number]> = [];
      const result = pollSchedule(request, {
        intervalMs: 100, backoff, visible: new BehaviorSubject(true), wake: NEVER, isTransient: always, scheduler: ts,
        onOutcome: (f) => f && failures.push([f.attempt, f.delay]),
      });
      expectObservable(result, '^ 200ms !').toBe('60ms a 101ms a', { a: 'a' });
      ts.flush();
      expect(failures).to.deep.equal([[1, 5], [2, 10], [3, 20], [4, 20]]);
      // 0 fails at 1 → +5 → 6 fails at 7 → +10 → 17 → 18 +20 → 38 → 39 +20 → 59 → answers at 60
      expect(requests.slice(0, 6)).to.deep.equal([0, 6, 17, 38, 59, 161]);
    });
  });

  it('waits at least Retry-After, even beyond maxDelay: the server said when (a day is cut to 10 minutes)', () => {
    const ts = testScheduler();
    ts.run(({ cold }) => {
      const requests: number[] = [];
      let calls = 0;
      const request = defer(() => {
        requests.push(ts.now());
        const retryAfterMs = [30, 500, 86_400_000][calls];
        return calls++ < 3 ? cold('#', undefined, Object.assign(new Error('429'), { retryAfterMs })) : cold('(a|)');
      });
      const s = pollSchedule(request, { intervalMs: 1000, backoff, visible: new BehaviorSubject(true), wake: NEVER, isTransient: always, scheduler: ts }).subscribe();
      ts.schedule(() => s.unsubscribe(), 700_000);
      ts.flush();
      expect(requests.slice(0, 4)).to.deep.equal([0, 30, 530, 600_530]);
    });
  });

  it('a permanent error ends the stream without a retry', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = Object.assign(new Error('404'), { status: 404 });
      const request = cold('-#', undefined, error);
      const result = pollSchedule(request, { intervalMs: 5, backoff, visible: new BehaviorSubject(true), wake: NEVER, isTransient: () => false, scheduler: ts });
      expectObservable(result).toBe('-#', undefined, error);
      expectSubscriptions(request.subscriptions).toBe(['^!']);
    });
  });

  it('requests nothing while hidden, and at once when the page is shown again', () => {
    const ts = testScheduler();
    ts.run(({ cold, hot }) => {
      const visible = new BehaviorSubject(true);
      // hidden at 3, shown at 30; interval 10
      hot('---f 26ms t', { f: false, t: true }).subscribe(visible);
      const request = cold('(a|)');
      const s = pollSchedule(request, { intervalMs: 10, backoff, visible, wake: NEVER, isTransient: always, scheduler: ts }).subscribe();
      ts.schedule(() => s.unsubscribe(), 45);
      ts.flush();
      const starts = request.subscriptions.map((x) => x.subscribedFrame);
      expect(starts).to.deep.equal([0, 30, 40]);
    });
  });

  it('a page hidden from the start asks nothing until it is shown', () => {
    const ts = testScheduler();
    ts.run(({ cold, hot }) => {
      const visible = new BehaviorSubject(false);
      hot('50ms t', { t: true }).subscribe(visible);
      const request = cold('(a|)');
      const s = pollSchedule(request, { intervalMs: 100, backoff, visible, wake: NEVER, isTransient: always, scheduler: ts }).subscribe();
      ts.schedule(() => s.unsubscribe(), 120);
      ts.flush();
      expect(request.subscriptions.map((x) => x.subscribedFrame)).to.deep.equal([50]);
    });
  });

  it('an online event asks at once, in the middle of a wait or of a backoff, but never during a request', () => {
    const ts = testScheduler();
    ts.run(({ cold, hot }) => {
      const wake: Observable<string> = hot('--w-- 15ms w 10ms w', { w: 'w' });
      const request = cold('---(a|)');
      const s = pollSchedule(request, { intervalMs: 100, backoff, visible: new BehaviorSubject(true), wake, isTransient: always, scheduler: ts }).subscribe();
      ts.schedule(() => s.unsubscribe(), 60);
      ts.flush();
      // 0: request (wake at 2 falls inside it, ignored); 20: wake → request; 31: wake → request
      expect(request.subscriptions.map((x) => x.subscribedFrame)).to.deep.equal([0, 20, 31]);
    });
  });

  it('unsubscribing during a request or a wait stops everything', () => {
    const ts = testScheduler();
    ts.run(({ cold, expectSubscriptions }) => {
      const request = cold('----(a|)');
      const s = pollSchedule(request, { intervalMs: 3, backoff, visible: new BehaviorSubject(true), wake: NEVER, isTransient: always, scheduler: ts }).subscribe();
      ts.schedule(() => s.unsubscribe(), 9);
      ts.flush();
      expectSubscriptions(request.subscriptions).toBe([sub(0, 4), sub(7, 9)]);
    });
  });
});
