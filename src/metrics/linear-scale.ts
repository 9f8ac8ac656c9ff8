import { tickIncrement, ticks } from './ticks.js';

/** A two-number linear scale with the d3-scale `scaleLinear` methods the charts use. */
export interface LinearScale {
  /** The range value for a domain value; undefined for NaN, null or undefined, as d3 answers. */
  (value: number): number;
  domain(): [number, number];
  domain(domain: readonly [number, number]): LinearScale;
  range(): [number, number];
  range(range: readonly [number, number]): LinearScale;
  clamp(): boolean;
  clamp(clamp: boolean): LinearScale;
  /** Extends the domain to round values, as d3's `nice(count = 10)`. */
  nice(count?: number): LinearScale;
  /** About `count` round values in the domain, as d3's `ticks(count = 10)`. */
  ticks(count?: number): number[];
}

/**
 * d3-scale's `scaleLinear()` for a two-number domain and range, with the same numbers out: a
 * drop-in for charts. d3-scale's own pulls in interpolators for colours, dates and strings and a
 * tick formatter (d3-interpolate, d3-color, d3-format: ~9 KB gzipped) that number-to-pixel maps
 * never use.
 */
export function scaleLinear(): LinearScale {
  let d: [number, number] = [0, 1];
  let r: [number, number] = [0, 1];
  let clamped = false;

  function scale(value: number): number {
    if (value == null || Number.isNaN((value = +value))) return undefined as unknown as number;
    let [d0, d1] = d;
    let [r0, r1] = r;
    if (clamped) value = Math.max(Math.min(d0, d1), Math.min(Math.max(d0, d1), value));
    // d3 normalises against the ascending domain and swaps the range to match; so do we, for the same rounding.
    if (d1 < d0) [d0, d1, r0, r1] = [d1, d0, r1, r0];
    const span = d1 - d0;
    const t = span ? (value - d0) / span : Number.isNaN(span) ? NaN : 0.5;
    return r0 * (1 - t) + r1 * t;
  }

  const api = {
    domain(next?: readonly [number, number]) {
      if (!next) return [...d];
      d = [+next[0], +next[1]];
      return self;
    },
    range(next?: readonly [number, number]) {
      if (!next) return [...r];
      r = [next[0], next[1]];
      return self;
    },
    clamp(next?: boolean) {
      if (next === undefined) return clamped;
      clamped = !!next;
      return self;
    },
    nice(count = 10) {
      d = niceDomain(d, count);
      return self;
    },
    ticks(count = 10) {
      return ticks(d[0], d[1], count);
    },
  };
  const self = Object.assign(scale, api) as LinearScale;
  return self;
}

/** d3-scale's `linear.nice`: widen to multiples of the tick step until the step settles (at most 10 tries). */
function niceDomain(domain: [number, number], count: number): [number, number] {
  const reversed = domain[1] < domain[0];
  let [start, stop] = reversed ? [domain[1], domain[0]] : domain;
  let prestep: number | undefined;
  for (let tries = 10; tries > 0; tries--) {
    const step = tickIncrement(start, stop, count);
    if (step === prestep) return reversed ? [stop, start] : [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else {
      break;
    }
    prestep = step;
  }
  return domain;
}
