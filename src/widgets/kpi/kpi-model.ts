import type { FrameValue, MetricFrame } from '../../data/types.js';
import { toNumber } from '../../metrics/to-number.js';
import type { SeriesPoint } from '../../metrics/sparkline.js';

/** What a KPI tile shows, read from a frame: numbers are null where the source sent none usable. */
export interface KpiModel {
  value: number | null;
  previous: number | null;
  target: number | null;
  /** Rows with a time, oldest first: the sparkline. */
  series: SeriesPoint[];
  /** The current (last) row, as sent. */
  row: Readonly<Record<string, FrameValue>>;
  /** The value field's unit and label from `frame.fields`, if the source described them. */
  unit: string | undefined;
  fieldLabel: string | undefined;
  asOf: number;
}

/**
 * Reads a KPI frame: the last row is current (`value`, `previous`, `target`); every row with a
 * `time` (epoch ms or an ISO date) and a usable value is a sparkline point (the last row for a
 * repeated time wins). A frame without rows
 * is null: the empty state.
 */
export function kpiModel(frame: MetricFrame, valueField = 'value'): KpiModel | null {
  const rows = frame.rows;
  if (rows.length === 0) return null;
  const row = rows[rows.length - 1]!;
  // One point per time: a later row for the same time corrects an earlier one.
  const byTime = new Map<number, number>();
  for (const r of rows) {
    const time = toTime(r.time);
    const value = toNumber(r[valueField]);
    if (time !== null && value !== null) byTime.set(time, value);
  }
  const series: SeriesPoint[] = [...byTime].map(([time, value]) => ({ time, value })).sort((a, b) => a.time - b.time);
  const field = frame.fields?.find((f) => f.name === valueField);
  return {
    value: toNumber(row[valueField]),
    previous: toNumber(row.previous),
    target: toNumber(row.target),
    series,
    row,
    unit: field?.unit,
    fieldLabel: field?.label,
    asOf: typeof frame.asOf === 'number' ? frame.asOf : Date.now(),
  };
}

function toTime(value: FrameValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value) {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}
