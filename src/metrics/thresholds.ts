/** A band of values with a text label: the label is what users read, never colour alone. */
export interface Threshold {
  /** The band starts at this value (inclusive). */
  from: number;
  label: string;
}

export type Tone = 'good' | 'warning' | 'bad' | 'neutral';

export interface ThresholdStatus {
  label: string;
  tone: Tone;
}

/**
 * Parses `thresholds="0:Critical, 800000:At risk, 1000000:On track"`: each entry is the value a
 * band starts at and its label. Entries that do not parse are skipped (with a console warning),
 * so a typo costs a band, never the widget.
 */
export function parseThresholds(text: string | null | undefined): Threshold[] {
  if (!text) return [];
  const bands: Threshold[] = [];
  for (const entry of text.split(',')) {
    const match = /^\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*:\s*(.+?)\s*$/i.exec(entry);
    if (match) bands.push({ from: Number(match[1]), label: match[2]! });
    else if (entry.trim()) console.warn(`crm-pulse: ignoring threshold "${entry.trim()}" (expected "value:label")`);
  }
  return bands.sort((a, b) => a.from - b.from);
}

/**
 * The band `value` falls in. Tones run from bad to good in the direction that is good: with
 * `positive: 'up'` the highest band is good and the lowest bad; with `'down'` the reverse. A value
 * below every band gets the worst (or, for 'down', the best) tone with the first band's label. A
 * missing or non-finite value has no status.
 */
export function thresholdStatus(value: number | null, bands: readonly Threshold[], positive: 'up' | 'down' = 'up'): ThresholdStatus | null {
  if (value === null || !Number.isFinite(value) || bands.length === 0) return null;
  let index = 0;
  for (let i = 0; i < bands.length; i++) if (value >= bands[i]!.from) index = i;
  const rank = positive === 'up' ? index : bands.length - 1 - index; // 0 = worst
  const tone: Tone = bands.length === 1 ? 'neutral' : rank === 0 ? 'bad' : rank === bands.length - 1 ? 'good' : 'warning';
  return { label: bands[index]!.label, tone };
}
