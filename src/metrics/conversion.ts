/** One funnel stage's numbers, all derived from the stage values alone. */
export interface StageConversion {
  /** The stage's value; null when the source sent nothing usable (NaN, text, a negative count). */
  value: number | null;
  /** This stage ÷ the previous one; null for the first stage, or when either is missing or the previous is 0. */
  step: number | null;
  /** This stage ÷ the first one; null when either is missing or the first is 0. */
  overall: number | null;
  /** Previous − this: how many were lost on the way here (negative when the stage grew); null for the first stage. */
  dropOff: number | null;
  /** The share of the previous stage lost on the way here (1 − step). */
  dropOffRate: number | null;
  /** True when this stage is larger than the previous one: a data quirk to flag, not to hide. */
  increased: boolean;
}

/** `a ÷ b`, or null when it has no meaning: a missing value, or a division by zero. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a / b;
}

/**
 * Step conversion (stage ÷ previous), overall conversion (stage ÷ first) and drop-off for stages in
 * funnel order. Computed here, never taken from the source: 1000 → 400 → 100 gives steps 40 % and
 * 25 % and 10 % overall at the last stage. A first stage of 0 gives null conversions (shown as
 * "n/a"), never NaN or Infinity; a stage larger than its predecessor keeps its honest ratio (> 1)
 * and is flagged `increased`.
 */
export function conversionRates(values: ReadonlyArray<number | null>): StageConversion[] {
  const clean = values.map((v) => (v === null || !Number.isFinite(v) || v < 0 ? null : v));
  const first = clean[0] ?? null;
  return clean.map((value, i) => {
    if (i === 0) return { value, step: null, overall: ratio(value, first), dropOff: null, dropOffRate: null, increased: false };
    const previous = clean[i - 1]!;
    const step = ratio(value, previous);
    const dropOff = value === null || previous === null ? null : previous - value;
    return {
      value,
      step,
      overall: ratio(value, first),
      dropOff,
      dropOffRate: step === null ? null : 1 - step,
      increased: value !== null && previous !== null && value > previous,
    };
  });
}
