import type { Schedule } from '../../src/data/producer.js';

/** Timers that run only when the test advances the clock: the `schedule` the cores take. */
export class ManualClock {
  now = 0;
  private timers: Array<{ at: number; work: () => void }> = [];

  readonly schedule: Schedule = (work, ms) => {
    const timer = { at: this.now + ms, work };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };

  /** Timers scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, running each timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = due.at;
      due.work();
    }
    this.now = end;
  }
}

/** A sink that records what it is told, in order. */
export function recorder<T>() {
  const seen: Array<['next', T] | ['error', unknown] | ['complete']> = [];
  return {
    seen,
    values: () => seen.filter((e) => e[0] === 'next').map((e) => e[1] as T),
    next: (value: T) => void seen.push(['next', value]),
    error: (error: unknown) => void seen.push(['error', error]),
    complete: () => void seen.push(['complete']),
  };
}
