import { formatDeltaAbsolute, formatDeltaRatio } from '../../format/delta-format.js';
import type { Messages } from '../../format/messages.js';
import { type FormatOptions, type ValueFormat, formatValue } from '../../format/number-format.js';
import { resolveFormat } from '../../format/resolve-format.js';
import { formatShare } from '../../format/time-format.js';
import { type Delta, delta } from '../../metrics/delta.js';
import { targetProgress } from '../../metrics/progress.js';
import { type Threshold, type ThresholdStatus, thresholdStatus } from '../../metrics/thresholds.js';
import type { KpiModel } from './kpi-model.js';

export interface KpiViewOptions {
  /** Explicit format; otherwise derived from the field's unit. */
  format: ValueFormat | undefined;
  currency: string | undefined;
  locale: string;
  compact: boolean;
  positive: 'up' | 'down';
  /** A target from the `target` attribute wins over the row's. */
  target: number | null;
  thresholds: readonly Threshold[];
  compare: 'previous_period' | 'previous_year';
  messages: Messages;
}

/** Everything a KPI tile writes, as text: the template only places it. */
export interface KpiView {
  /** The resolved number format, for anything else the tile writes (the data table). */
  format: FormatOptions;
  value: string;
  /** The value written in full, for the accessible name even when the tile shows it compact. */
  fullValue: string;
  delta: (Delta & { absoluteText: string; ratioText: string; arrow: string; words: string }) | null;
  compareText: string;
  /** 0…1 toward the target (capped for drawing), with its text; null without a target. */
  progress: { ratio: number; text: string } | null;
  status: ThresholdStatus | null;
  /** The tile's accessible name: everything a sighted user reads, in one sentence. */
  summary: string;
}



export function kpiView(model: KpiModel, label: string, o: KpiViewOptions): KpiView {
  const { format, currency } = resolveFormat(o.format, model.unit, o.currency);
  const fmt: FormatOptions = { format, currency, locale: o.locale };
  const value = formatValue(model.value, { ...fmt, compact: o.compact });
  const fullValue = formatValue(model.value, fmt);
  const d = delta(model.value, model.previous, o.positive);
  const target = o.target ?? model.target;
  const progress = targetProgress(model.value, target, o.positive);
  const status = thresholdStatus(model.value, o.thresholds, o.positive);
  const m = o.messages;
  const compareText = m.vsPrevious[o.compare] ?? m.vsPrevious.previous_period;

  const deltaView = d && {
    ...d,
    absoluteText: formatDeltaAbsolute(d, { ...fmt, compact: o.compact }),
    ratioText: formatDeltaRatio(d, o.locale),
    arrow: d.direction === 'up' ? '▲' : d.direction === 'down' ? '▼' : '▶',
    words: d.direction === 'up' ? m.up : d.direction === 'down' ? m.down : m.unchanged,
  };
  const progressView =
    progress === null ? null : { ratio: Math.min(1, progress), text: m.ofTarget(formatShare(progress, o.locale), formatValue(target, fmt)) };

  const parts = [`${label}: ${fullValue}`];
  if (deltaView) parts.push(`${deltaView.words} ${deltaView.ratioText === '—' ? deltaView.absoluteText : deltaView.ratioText} ${compareText}`);
  if (progressView) parts.push(progressView.text);
  if (status) parts.push(status.label);
  return { format: fmt, value, fullValue, delta: deltaView, compareText, progress: progressView, status, summary: parts.join(', ') };
}
