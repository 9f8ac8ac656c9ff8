import type { FrameValue, MetricFrame } from '../../data/types.js';
import { type StageConversion, conversionRates } from '../../metrics/conversion.js';
import { toNumber } from '../../metrics/to-number.js';

export interface FunnelStage {
  /** Unique per frame (a repeated stage name gets `#2`): keys the marks, focus and animation. */
  key: string;
  /** The stage name as text; empty when the source sent none. */
  name: string;
  conversion: StageConversion;
  /** The row as the source sent it: what a drill-down carries. */
  row: Readonly<Record<string, FrameValue>>;
}

export interface FunnelModel {
  stages: FunnelStage[];
  /** The value field's unit and label from `frame.fields`, if the source described them. */
  unit: string | undefined;
  fieldLabel: string | undefined;
  /** How many rows had no usable value (NaN, text, negative): the widget warns once about them. */
  unusable: number;
}

/**
 * Reads a funnel frame: one row per stage, in funnel order, with its name in `stageField` and its
 * count or amount in `valueField`. Conversion is computed from the values, never read from the row.
 */
export function funnelModel(frame: MetricFrame, stageField = 'stage', valueField = 'value'): FunnelModel {
  const values = frame.rows.map((row) => {
    const n = toNumber(row[valueField]);
    return n !== null && n >= 0 ? n : null;
  });
  const conversions = conversionRates(values);
  const seen = new Map<string, number>();
  const stages = frame.rows.map((row, i): FunnelStage => {
    const raw = row[stageField];
    const name = raw === null || raw === undefined ? '' : String(raw);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return { key: n === 1 ? name : `${name}#${n}`, name, conversion: conversions[i]!, row };
  });
  const field = frame.fields?.find((f) => f.name === valueField);
  return { stages, unit: field?.unit, fieldLabel: field?.label, unusable: values.filter((v) => v === null).length };
}
