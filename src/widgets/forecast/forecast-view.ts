import { type ValueFormat, formatValue, numberFormat } from '../../format/number-format.js';
import { resolveFormat } from '../../format/resolve-format.js';
import type { ForecastFigures } from '../../metrics/forecast.js';
import type { ForecastMessages } from './forecast-messages.js';
import type { ForecastGroup, ForecastModel } from './forecast-model.js';

export interface ForecastViewOptions {
  format: ValueFormat | undefined;
  currency: string | undefined;
  locale: string;
  /** Keys of the summed categories in stack order, and every category's label. */
  categories: readonly string[];
  labels: ReadonlyMap<string, string>;
  messages: ForecastMessages;
}

/** A text of a row's caption; lower levels are kept when the chart is short of room. */
export interface CaptionItem {
  text: string;
  level: number;
  warning?: boolean;
}

export interface SegmentText {
  label: string;
  ariaLabel: string;
  tip: string[];
  warning: boolean;
}

/** Everything one group (or the total) says, as text. */
export interface RowText {
  name: string;
  /** The attainment and gap beside the name, richest first. */
  status: string[];
  /** The row has a quota it is under (`short`) or at or over (`met`); `none` without one. */
  tone: 'met' | 'short' | 'none';
  caption: CaptionItem[];
  segments: SegmentText[];
  /** The data table's cells after the name. */
  cells: string[];
}

export interface ForecastView {
  rows: RowText[];
  total: RowText | null;
  headline: string;
  summary: string;
  /** Labels of the summed categories, for the legend and the table's head. */
  legend: string[];
  /** Money on the chart and its axis: compact. */
  short: (v: number | null) => string;
  full: (v: number | null) => string;
  /** A whole percentage; "n/a" for null. */
  pct: (v: number | null) => string;
}

/**
 * The words and numbers of a forecast; the scene only places them. The chart writes compact
 * amounts (`€850K`) throughout, the tooltips and the data table full ones.
 */
export function forecastView(model: ForecastModel, label: string, o: ForecastViewOptions): ForecastView {
  const m = o.messages;
  const { format, currency } = resolveFormat(o.format, model.unit, o.currency);
  const full = (v: number | null) => formatValue(v, { format, currency, locale: o.locale });
  const short = (v: number | null) => formatValue(v, { format, currency, locale: o.locale, compact: true });
  const pct = (v: number | null) => (v === null ? m.notAvailable : numberFormat(o.locale, { style: 'percent', maximumFractionDigits: 0 }).format(v));
  const legend = o.categories.map((k) => o.labels.get(k) ?? k);
  const named = model.groups.length > 1;

  const row = (name: string, f: ForecastFigures, g?: ForecastGroup): RowText => {
    const q = f.quota;
    const gapIn = (fmt: (v: number) => string) => (f.gap === null ? null : f.gap > 0 ? m.toGo(fmt(f.gap)) : m.over(fmt(Math.abs(f.gap))));
    const gap = gapIn(short);
    const share = pct(f.attainment);
    const status =
      q === null ? [m.noQuota] : gap === null ? [`${share} · ${m.quota} ${short(q)}`, share] : [`${m.ofQuota(share, short(q))} · ${gap}`, `${share} · ${gap}`, share];
    const caption: CaptionItem[] = [];
    const cells: string[] = [];
    const segments = legend.map((cat, i): SegmentText => {
      const key = o.categories[i]!;
      const amount = g ? g.amounts[i]! : f.levels[i]! - (f.levels[i - 1] ?? 0);
      const bad = g?.unusable.has(key) ? m.unusable : g?.notCumulative.has(key) ? m.notCumulative : null;
      const problem = bad === m.notCumulative ? m.countedAsZero : bad;
      if (bad) caption.push({ text: `⚠ ${cat}: ${bad}`, level: 0, warning: true });
      cells.push(full(amount) + (problem ? ` (${problem})` : ''));
      const facts = [full(amount), `${m.cumulative} ${full(f.levels[i] ?? 0)}`, ...(problem ? [`⚠ ${problem}`] : [])];
      return { label: cat, ariaLabel: `${name}, ${cat}: ${facts.join(', ')}`, tip: facts, warning: problem !== null };
    });
    caption.push({ text: `${legend[0]} ${short(f.closed)}`, level: 1 }, { text: `${m.call} ${short(f.call)}`, level: 1 });
    const excluded = (g?.excluded ?? []).map((e) => `${o.labels.get(e.key) ?? e.name} ${e.value === null ? full(null) : short(e.value)}`);
    legend.slice(2).forEach((cat, i) => caption.push({ text: `${cat} ${short(f.levels[i + 2] ?? 0)}`, level: 3 }));
    for (const text of excluded) caption.push({ text: `${text} (${m.notSummed})`, level: 2 });
    cells.push(full(f.call), full(q), q === null ? '' : pct(f.attainment), gapIn(full) ?? '', excluded.join(', '));
    return { name, status, tone: f.attainment === null ? 'none' : f.attainment >= 1 ? 'met' : 'short', caption, segments, cells };
  };

  const rows = model.groups.map((g) => row(g.name || (named ? m.other : m.all), g.figures, g));
  const total = model.total && row(m.total, model.total);
  const whole = model.total ?? model.groups[0]?.figures;
  const headline = !whole ? '' : whole.quota === null ? `${m.call} ${short(whole.call)}` : m.ofQuota(pct(whole.attainment), short(whole.quota));
  const summary = m.summary(label, rows.length, whole ? full(whole.call) : full(null), whole?.quota ? pct(whole.attainment) : null);
  return { rows, total, headline, summary, legend, short, full, pct };
}
